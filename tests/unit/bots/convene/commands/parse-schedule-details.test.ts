import { describe, expect, it } from "vitest";
import { parseScheduleDetails } from "../../../../../bots/convene/commands/parse-schedule-details.ts";
import { renderScheduleError } from "../../../../../bots/convene/service/render-schedule-error.ts";
import { loadExample } from "../../../config/example-config.ts";

const config = loadExample();
const context = { now: "2026-11-25T10:00:00Z", defaultZone: "Africa/Nairobi", weekStartsOn: "mon" as const };
const parse = (text: string) => parseScheduleDetails(config, text.split(" "), context);

describe("parseScheduleDetails", () => {
  it("reads the full form, keywords in any order", () => {
    const result = parse("2026-12-03 14:00 Africa/Nairobi with east-africa, mena for 90m lang en fr cap 20");
    expect(result).toEqual({
      ok: true,
      value: {
        when: { start: "2026-12-03T11:00:00.000Z", zone: "Africa/Nairobi" },
        durationMinutes: 90,
        regions: ["east-africa", "mena"],
        networks: [],
        capacity: 20,
        languages: ["en", "fr"],
      },
    });
  });

  it("takes networks as well as regions, the config's default duration, and a series", () => {
    const result = parse("2026-12-07 15:00 Europe/Brussels with wasl every week x6");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.networks).toEqual(["wasl"]);
    expect(result.value.durationMinutes).toBe(90); // config: defaultDuration 1h30m
    expect(result.value.rrule).toMatch(/^FREQ=WEEKLY;.*COUNT=6/);
  });

  it("names the word at fault", () => {
    const cases: [string, RegExp][] = [
      ["2026-12-03 14:00 with east-afrika", /"east-afrika" is neither .* did you mean east-africa/],
      ["2026-12-03 14:00 for ninety with mena", /ninety/],
      ["2026-12-03 14:00 with mena cap many", /"many" is not a number of places/],
      ["2026-12-03 14:00 for 1h", /say who is invited/],
      ["2026-12-03 14:00 with mena with europe", /"with" is given twice/],
      ["2026-12-03 14:00 please with mena", /I did not expect "please"/],
      ["03/12/2026 14:00 with mena", /03\/12\/2026/],
    ];
    for (const [text, message] of cases) {
      const result = parse(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(renderScheduleError(result.error), text).toMatch(message);
    }
  });
});
