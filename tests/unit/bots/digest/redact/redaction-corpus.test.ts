import { describe, expect, it } from "vitest";
import { findPersonalData, redactItem } from "../../../../../bots/digest/redact/index.ts";
import { expectedSpans, measureCorpus } from "./corpus-figures.ts";
import { CONFIG } from "./redact-fixtures.ts";
import { CORPUS, CORPUS_PEOPLE, NEGATIVES } from "./redaction-corpus.ts";

const COUNTRY_CODES = /\+(?:254|33|971|252|44|251|20|212|255|216|961|253|[٠-٩]{2,3})/u;

describe("the redaction corpus", () => {
  it("is big and varied enough to mean something", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    const phones = CORPUS.filter(({ category }) => category === "phone");
    const countries = new Set(phones.flatMap(({ text }) => COUNTRY_CODES.exec(text)?.[0] ?? []));
    expect(countries.size).toBeGreaterThanOrEqual(6);
    expect(phones.some(({ text }) => /[٠-٩]/u.test(text))).toBe(true);
    expect(phones.some(({ text }) => /[۰-۹]/u.test(text))).toBe(true);
    const nameLanguages = new Set(
      CORPUS.filter(({ category }) => category === "name").map((s) => s.language),
    );
    expect([...nameLanguages]).toEqual(expect.arrayContaining(["en", "fr", "ar", "sw"]));
    expect(new Set(CORPUS.map(({ id }) => id)).size).toBe(CORPUS.length);
    // Every expected string really is in its sample, so a typo cannot inflate the recall.
    for (const sample of CORPUS)
      expect(expectedSpans(sample).length).toBeGreaterThanOrEqual(sample.remove.length);
  });

  it("has a recall of at least 0.95, misses only what is marked hard, and leaves negatives whole", () => {
    const figures = measureCorpus();
    console.log(
      [
        `redaction corpus: ${figures.samples} samples, ${figures.negativeSamples} negative`,
        `recall ${figures.removedSpans}/${figures.expectedSpans} = ${figures.recall.toFixed(3)}`,
        ...Object.entries(figures.byCategory).map(
          ([category, tally]) => `  ${category}: ${tally.removed}/${tally.expected}`,
        ),
        `missed: ${figures.misses.map(({ id, expected }) => `${id} "${expected}"`).join(", ") || "none"}`,
        `negative samples that lost text: ${figures.negativesTouched.length}/${figures.negativeSamples}`,
        `over-removal in positive samples: ${(figures.overRemoval * 100).toFixed(2)}% of other characters ` +
          `(${figures.overRemoved.map(({ id, expected }) => `${id} "${expected}"`).join(", ") || "none"})`,
      ].join("\n"),
    );
    expect(figures.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.negativesTouched).toEqual([]);
    const hard = new Set(CORPUS.filter((sample) => sample.hard !== undefined).map(({ id }) => id));
    expect(figures.misses.filter(({ id }) => !hard.has(id))).toEqual([]);
    expect(figures.overRemoved.filter(({ id }) => !hard.has(id))).toEqual([]);
  });

  it("publishes none of the expected strings and every negative sample unchanged", () => {
    for (const sample of CORPUS) {
      const result = redactItem(
        [{ messageId: sample.id, authorKey: "juma", text: sample.text, kind: "text" }],
        CORPUS_PEOPLE,
        CONFIG,
      );
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const text = result.value.messages[0]?.text ?? "";
      if (sample.category === "negative") expect(text).toBe(sample.text);
      if (sample.hard !== undefined) continue;
      for (const removed of sample.remove) {
        if (!(sample.keep ?? []).some((keep) => keep.includes(removed))) expect(text).not.toContain(removed);
      }
      const check = findPersonalData(text, CORPUS_PEOPLE, CONFIG);
      expect(check.ok && check.value).toEqual([]);
    }
    expect(NEGATIVES.length).toBeGreaterThanOrEqual(15);
  });
});
