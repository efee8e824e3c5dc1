/**
 * Recall and over-removal of the redaction engine on the corpus, measured on the spans the
 * publication gate would flag (the same spans redactItem replaces). The lead quotes these in
 * issue 7's closing note: `measureCorpus()` from a script or the corpus test's output.
 */
import type { RedactionConfig } from "../../../../../config/network-config.ts";
import { type Person, findPersonalData } from "../../../../../bots/digest/redact/index.ts";
import { CONFIG } from "./redact-fixtures.ts";
import { CORPUS, CORPUS_PEOPLE, type CorpusCategory, type CorpusSample } from "./redaction-corpus.ts";

interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Miss {
  readonly id: string;
  readonly expected: string;
}

export interface CorpusFigures {
  readonly samples: number;
  readonly expectedSpans: number;
  readonly removedSpans: number;
  /** Removed expected spans / all expected spans. */
  readonly recall: number;
  readonly byCategory: Readonly<Partial<Record<CorpusCategory, { expected: number; removed: number }>>>;
  readonly misses: readonly Miss[];
  readonly negativeSamples: number;
  /** Negative samples that lost any text: must be none. */
  readonly negativesTouched: readonly string[];
  /** Characters removed from positive samples outside the expected spans / all such characters. */
  readonly overRemoval: number;
  readonly overRemoved: readonly Miss[];
}

function occurrences(text: string, needle: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length))
    spans.push({ start: at, end: at + needle.length });
  return spans;
}

function inside(span: Span, outer: readonly Span[]): boolean {
  return outer.some(({ start, end }) => start <= span.start && span.end <= end);
}

/** The spans a sample says must go: each occurrence of each string, unless in a kept text. */
export function expectedSpans(sample: CorpusSample): Span[] {
  const kept = (sample.keep ?? []).flatMap((keep) => occurrences(sample.text, keep));
  return sample.remove
    .flatMap((remove) => occurrences(sample.text, remove))
    .filter((span) => !inside(span, kept));
}

export function removedSpans(
  sample: CorpusSample,
  people: readonly Person[],
  config: RedactionConfig,
): Span[] {
  const found = findPersonalData(sample.text, people, config);
  if (!found.ok) throw new Error(JSON.stringify(found.error));
  return [...found.value];
}

export function measureCorpus(
  corpus: readonly CorpusSample[] = CORPUS,
  people: readonly Person[] = CORPUS_PEOPLE,
  config: RedactionConfig = CONFIG,
): CorpusFigures {
  const byCategory: Partial<Record<CorpusCategory, { expected: number; removed: number }>> = {};
  const misses: Miss[] = [];
  const overRemoved: Miss[] = [];
  const negativesTouched: string[] = [];
  let expectedCount = 0;
  let removedCount = 0;
  let outsideChars = 0;
  let outsideRemoved = 0;

  for (const sample of corpus) {
    const expected = expectedSpans(sample);
    const removed = removedSpans(sample, people, config);
    if (sample.category === "negative") {
      if (removed.length > 0) negativesTouched.push(sample.id);
      continue;
    }
    const tally = (byCategory[sample.category] ??= { expected: 0, removed: 0 });
    for (const span of expected) {
      const hit = inside(span, removed);
      tally.expected += 1;
      tally.removed += hit ? 1 : 0;
      expectedCount += 1;
      removedCount += hit ? 1 : 0;
      if (!hit) misses.push({ id: sample.id, expected: sample.text.slice(span.start, span.end) });
    }
    for (let at = 0; at < sample.text.length; at++) {
      const char = { start: at, end: at + 1 };
      if (inside(char, expected)) continue;
      outsideChars += 1;
      if (inside(char, removed)) outsideRemoved += 1;
    }
    for (const span of removed) {
      const extra = expected.every(({ start, end }) => span.end <= start || end <= span.start);
      if (extra) overRemoved.push({ id: sample.id, expected: sample.text.slice(span.start, span.end) });
    }
  }

  return {
    samples: corpus.length,
    expectedSpans: expectedCount,
    removedSpans: removedCount,
    recall: expectedCount === 0 ? 1 : removedCount / expectedCount,
    byCategory,
    misses,
    negativeSamples: corpus.filter(({ category }) => category === "negative").length,
    negativesTouched,
    overRemoval: outsideChars === 0 ? 0 : outsideRemoved / outsideChars,
    overRemoved,
  };
}
