import { describe, expect, it } from "vitest";
import { suggestConvening } from "../../../../../bots/convene/service/suggest-convening.ts";
import { loadExample } from "../../../config/example-config.ts";

const config = loadExample();
const NOW = Date.parse("2026-11-25T10:00:00Z");
const suggest = (text: string, locale = "en") =>
  suggestConvening({ config, words: text.split(" "), now: NOW, locale, earlier: [] });

describe("suggestConvening", () => {
  it("proposes the configured number of slots, each shown in every region's local time", () => {
    const result = suggest("90m with east-africa, mena, europe");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const options = result.value.text.match(/^Option \d/gm) ?? [];
    expect(options).toHaveLength(config.convening.suggestionCount);
    for (const region of ["East Africa", "Middle East and North Africa", "Europe"])
      expect(result.value.text).toContain(`${region}:`);
  });

  it("reaches a network's regions and keeps to the period asked for", () => {
    const result = suggest("1h with wasl between 2026-12-01 and 2026-12-04");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const starts = [...result.value.text.matchAll(/\((\d{4}-\d{2}-\d{2}) \d{2}:\d{2} UTC\)/g)].map(
      (m) => m[1],
    );
    expect(starts.length).toBeGreaterThan(0);
    for (const day of starts) expect(day! >= "2026-12-01" && day! <= "2026-12-04").toBe(true);
  });

  it("says what is wrong with the request", () => {
    const problem = (text: string): string => {
      const result = suggest(text);
      return result.ok ? "" : result.error;
    };
    expect(problem("ninety with mena")).toMatch(/ninety/);
    expect(problem("1h mena")).toMatch(/say who with "with/);
    expect(problem("1h with atlantis")).toMatch(/"atlantis"/);
    expect(problem("1h with mena between 2026-12-10 and 2026-12-01")).toMatch(/must end after it starts/);
  });

  it("answers in the reader's language, with French typography", () => {
    const result = suggest("90m with east-africa, europe", "fr");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toMatch(
      /^Meilleurs créneaux pour East Africa et Europe \(1\sheure et 30\sminutes\)\u00a0:/,
    );
    expect(result.value.text).toMatch(/^Option 1 \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\), /m);
    expect(result.value.text).toMatch(/^- East Africa\u00a0: mer\. 25 nov\./m);
    expect(result.value.text).toContain("Pour en programmer un\u00a0: !convene schedule");
    const refused = suggest("1h mena", "fr");
    expect(refused.ok ? "" : refused.error).toMatch(/^après la durée, indiquez avec qui/);
  });
});
