import { describe, expect, it } from "vitest";
import { findPersonalData, redactItem } from "../../../../../bots/digest/redact/index.ts";
import { CONFIG, PEOPLE, amina, configWith, fatuma } from "./redact-fixtures.ts";

function check(text: string, config = CONFIG) {
  const result = findPersonalData(text, PEOPLE, config);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.map(({ ruleId, text: found }) => [ruleId, found]);
}

describe("findPersonalData", () => {
  it("reports what any rule would still remove", () => {
    expect(check("Omar: +33 6 12 34 56 78, o@example.fr, @omar.h:example.org, t.me/omar")).toEqual([
      ["person-name", "Omar"],
      ["phone", "+33 6 12 34 56 78"],
      ["email", "o@example.fr"],
      ["matrix-id", "@omar.h:example.org"],
      ["social-link", "t.me/omar"],
    ]);
  });

  it("finds nothing in clean text, nor in the names of people who consented", () => {
    expect(check("Fatuma Ali met Participant A on 15.03.2024 at 14:30; 1,500 people came.")).toEqual([]);
  });

  it("finds nothing in what redactItem published", () => {
    const redacted = redactItem(
      [
        {
          messageId: "$1",
          authorKey: fatuma.key,
          kind: "text",
          text: "Amina Yusuf (@amina:example.org, +254 712 345 678) wrote to amina@example.org",
        },
      ],
      PEOPLE,
      CONFIG,
    );
    expect(redacted.ok).toBe(true);
    if (!redacted.ok) return;
    for (const message of redacted.value.messages) expect(check(message.text)).toEqual([]);
    expect(redacted.value.pseudonyms.get(amina.key)).toBe("Participant A");
  });

  it("follows the config: ordinary links are findings only when links are removed", () => {
    expect(check("https://example.org/report")).toEqual([]);
    expect(check("https://example.org/report", configWith({ removeUrls: true }))).toEqual([
      ["url", "https://example.org/report"],
    ]);
  });

  it("refuses to call a text clean when a rule cannot be built", () => {
    expect(findPersonalData("hello", PEOPLE, configWith({ extraPatterns: ["[oops"] })).ok).toBe(false);
  });
});
