import { describe, expect, it } from "vitest";
import { indexPeople, rulesFromConfig } from "../../../../../bots/digest/redact/index.ts";
import { CONFIG, configWith, ruleSet } from "./redact-fixtures.ts";

const ids = (config = CONFIG) => ruleSet(config).rules.map((rule) => rule.id);

describe("rulesFromConfig", () => {
  it("lists the default rules in a fixed order, each described", () => {
    expect(ids()).toEqual([
      "matrix-link",
      "matrix-id",
      "matrix-room",
      "social-link",
      "email",
      "email-disguised",
      "phone",
      "handle",
      "person-name",
    ]);
    expect(ruleSet().rules.every((rule) => rule.description.length > 0)).toBe(true);
    expect(ruleSet().placeholder).toBe("[removed]");
  });

  it("adds the URL rule only when links are to be removed; social links and handles always", () => {
    expect(ids(configWith({ removeUrls: true }))).toContain("url");
    const none = configWith({
      removeMatrixIds: false,
      removeEmailAddresses: false,
      removePhoneNumbers: false,
      removePeopleNames: false,
    });
    expect(ids(none)).toEqual(["social-link", "handle"]);
  });

  it("turns each extra pattern into a rule of its own", () => {
    const rules = ruleSet(configWith({ extraPatterns: ["Garissa|Eastleigh", "(?i:projet\\s+\\w+)"] })).rules;
    const extra = rules.filter((rule) => rule.kind === "extra");
    expect(extra.map((rule) => rule.id)).toEqual(["extra-1", "extra-2"]);
    const people = indexPeople([]);
    const text = "From Eastleigh, PROJET Alpha";
    expect(
      extra.flatMap((rule) => rule.find(text, people)).map(({ start, end }) => text.slice(start, end)),
    ).toEqual(["Eastleigh", "PROJET Alpha"]);
  });

  it("skips empty matches of an extra pattern", () => {
    const [extra] = ruleSet(configWith({ extraPatterns: ["x*"] })).rules.filter(
      (rule) => rule.kind === "extra",
    );
    expect(extra?.find("abxxc", indexPeople([]))).toEqual([{ start: 2, end: 4 }]);
  });

  it("reports every invalid extra pattern as a value, never throwing", () => {
    const result = rulesFromConfig(configWith({ extraPatterns: ["ok", "(unclosed", "[z-a]"] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map(({ ruleId, pattern }) => [ruleId, pattern])).toEqual([
      ["extra-2", "(unclosed"],
      ["extra-3", "[z-a]"],
    ]);
    expect(result.error.every(({ detail }) => detail.length > 0)).toBe(true);
  });
});
