import { describe, expect, it } from "vitest";
import { normaliseTopicWord, resolveTopic } from "../../../../../bots/route/routing/index.ts";
import { example, withRouting } from "./routing-fixtures.ts";

const routing = example.routing;
const resolved = (word: string) => {
  const result = resolveTopic(routing, word);
  return result.ok ? result.value : undefined;
};
const suggestions = (word: string) => {
  const result = resolveTopic(routing, word);
  return result.ok ? [] : result.error.suggestions;
};

describe("normaliseTopicWord", () => {
  it("folds case, diacritics, separators and surrounding punctuation", () => {
    expect(normaliseTopicWord("  #Réintégration!  ")).toBe("reintegration");
    expect(normaliseTopicWord("Off_Ramp")).toBe("off ramp");
    expect(normaliseTopicWord("online -  recruitment")).toBe("online recruitment");
    expect(normaliseTopicWord("«Mères»")).toBe("meres");
    expect(normaliseTopicWord("?!")).toBe("");
  });
});

describe("resolveTopic", () => {
  it("accepts topic ids, aliases and labels in any language", () => {
    expect(resolved("online-recruitment")).toBe("online-recruitment");
    expect(resolved("recruitment")).toBe("online-recruitment");
    expect(resolved("Recrutement en ligne")).toBe("online-recruitment");
    expect(resolved("Soutien psychosocial")).toBe("psychosocial-support");
    expect(resolved("إشراك الشباب")).toBe("youth-engagement");
    expect(resolved("Ushirikishwaji wa vijana")).toBe("youth-engagement");
  });

  it("treats hyphens, underscores and spaces alike and ignores case, accents and punctuation", () => {
    expect(resolved("ONLINE_RECRUITMENT")).toBe("online-recruitment");
    expect(resolved("online recruitment")).toBe("online-recruitment");
    expect(resolved("off ramp")).toBe("off-ramp-reintegration");
    expect(resolved("meres")).toBe("mothers-engagement");
    expect(resolved("RÉINTÉGRATION.")).toBe("off-ramp-reintegration");
    expect(resolved('"youth"')).toBe("youth-engagement");
  });

  it("suggests the nearest topics for a misspelt word", () => {
    const result = resolveTopic(routing, "recrutment");
    expect(result).toEqual({
      ok: false,
      error: { kind: "unknown-topic", word: "recrutment", suggestions: ["online-recruitment"] },
    });
    expect(suggestions("psychosocial")[0]).toBe("psychosocial-support");
    expect(suggestions("grooming")).toEqual(["online-recruitment"]);
    expect(suggestions("reintegraton")).toEqual(["off-ramp-reintegration"]);
    expect(suggestions("faith")).toEqual(["faith-leaders"]);
  });

  it("suggests nothing when nothing is close, and at most three topics", () => {
    expect(suggestions("astronomy")).toEqual([]);
    expect(suggestions("")).toEqual([]);
    expect(suggestions("x".repeat(500))).toEqual([]);
    const many = withRouting({
      topics: ["care-one", "care-two", "care-three", "care-four"].map((id) => ({
        id,
        labels: { en: id },
        aliases: [],
      })),
    }).routing;
    const result = resolveTopic(many, "care");
    expect(result.ok ? [] : result.error.suggestions).toEqual(["care-one", "care-two", "care-three"]);
  });

  it("orders equally near suggestions by config order", () => {
    const topics = ["cab", "cba", "abc"].map((id) => ({ id, labels: { en: id }, aliases: [] }));
    const result = resolveTopic(withRouting({ topics }).routing, "acb");
    expect(result.ok ? [] : result.error.suggestions).toEqual(["cab", "abc", "cba"]);
  });
});
