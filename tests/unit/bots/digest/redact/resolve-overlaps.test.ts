import { describe, expect, it } from "vitest";
import { type RedactionRule, findSpans, indexPeople } from "../../../../../bots/digest/redact/index.ts";
import { PEOPLE, amina, configWith, ruleSet } from "./redact-fixtures.ts";

const spans = (text: string, config = configWith({ removeUrls: true })) =>
  findSpans(text, ruleSet(config).rules, indexPeople(PEOPLE)).map(({ ruleId, start, end }) => [
    ruleId,
    text.slice(start, end),
  ]);

function fixed(id: string, priority: number, ...ranges: [number, number][]): RedactionRule {
  return {
    id,
    kind: "extra",
    description: id,
    replacement: "placeholder",
    pass: 1,
    priority,
    find: () => ranges.map(([start, end]) => ({ start, end })),
  };
}

describe("findSpans", () => {
  it("gives a Matrix id to the Matrix rule, not to the handle, name or e-mail rules inside it", () => {
    expect(spans("ask @amina:example.org now")).toEqual([["matrix-id", "@amina:example.org"]]);
  });

  it("gives an address to the e-mail rule, not to the name inside it", () => {
    expect(spans("mail amina.yusuf@example.org")).toEqual([["email", "amina.yusuf@example.org"]]);
  });

  it("gives a profile link to the social rule, over the general link rule and the handle in it", () => {
    expect(spans("https://www.tiktok.com/@amina")).toEqual([
      ["social-link", "https://www.tiktok.com/@amina"],
    ]);
    expect(spans("https://matrix.to/#/@amina:example.org")).toEqual([
      ["matrix-link", "https://matrix.to/#/@amina:example.org"],
    ]);
  });

  it("merges partly overlapping matches so no part of either is left", () => {
    const rules = [fixed("a", 1, [0, 4]), fixed("b", 1, [2, 9]), fixed("c", 1, [9, 10])];
    expect(findSpans("0123456789", rules, indexPeople([]))).toEqual([
      { ruleId: "b", start: 0, end: 9, replacement: "placeholder", personKey: undefined },
      { ruleId: "c", start: 9, end: 10, replacement: "placeholder", personKey: undefined },
    ]);
  });

  it("breaks ties by priority, then by rule order", () => {
    expect(
      findSpans("abc", [fixed("low", 1, [0, 3]), fixed("high", 2, [0, 3])], indexPeople([]))[0]?.ruleId,
    ).toBe("high");
    expect(
      findSpans("abc", [fixed("first", 1, [0, 3]), fixed("second", 1, [0, 3])], indexPeople([]))[0]?.ruleId,
    ).toBe("first");
  });

  it("keeps who a span designates", () => {
    expect(findSpans("Amina", ruleSet().rules, indexPeople([amina]))).toEqual([
      { ruleId: "person-name", start: 0, end: 5, replacement: "person-label", personKey: amina.key },
    ]);
  });
});
