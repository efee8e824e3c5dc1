/**
 * Runs every rule over a text (in two passes, see `RedactionRule.pass`) and turns their
 * matches into the spans to replace. Matches that
 * overlap are merged into one span, so nothing any rule found is half left behind, and the
 * span is credited to the longest match (a Matrix id over the @handle and the name inside
 * it), then the higher priority, then the earlier rule: the same input always gives the same
 * spans.
 */
import type { PeopleIndex } from "./people-index.ts";
import type { RedactionRule, ReplacementPolicy } from "./redaction-rule.ts";

export interface RedactionSpan {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  readonly replacement: ReplacementPolicy;
  readonly personKey?: string | undefined;
}

interface Found {
  readonly rule: RedactionRule;
  readonly order: number;
  readonly start: number;
  readonly end: number;
  readonly personKey?: string | undefined;
}

function better(a: Found, b: Found): Found {
  const length = a.end - a.start - (b.end - b.start);
  if (length !== 0) return length > 0 ? a : b;
  if (a.rule.priority !== b.rule.priority) return a.rule.priority > b.rule.priority ? a : b;
  return a.order <= b.order ? a : b;
}

function spanOf(cluster: readonly Found[]): RedactionSpan | undefined {
  const [first, ...rest] = cluster;
  if (first === undefined) return undefined;
  const best = rest.reduce(better, first);
  return {
    ruleId: best.rule.id,
    start: Math.min(...cluster.map((found) => found.start)),
    end: Math.max(...cluster.map((found) => found.end)),
    replacement: best.rule.replacement,
    personKey: best.personKey,
  };
}

// Neither a letter, a digit nor punctuation, like the placeholder seen from outside it.
const MASK = "\uE000";

function run(rules: readonly RedactionRule[], pass: 1 | 2, text: string, people: PeopleIndex): Found[] {
  return rules.flatMap((rule, order) =>
    rule.pass === pass ? rule.find(text, people).map((match) => ({ ...match, rule, order })) : [],
  );
}

function masked(text: string, found: readonly Found[]): string {
  const units = text.split("");
  for (const { start, end } of found) units.fill(MASK, start, end);
  return units.join("");
}

/** The spans to replace in `text`, in text order, none overlapping. */
export function findSpans(
  text: string,
  rules: readonly RedactionRule[],
  people: PeopleIndex,
): readonly RedactionSpan[] {
  const first = run(rules, 1, text, people);
  const found = [...first, ...run(rules, 2, masked(text, first), people)]
    .filter((match) => match.end > match.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);

  const spans: RedactionSpan[] = [];
  let cluster: Found[] = [];
  let clusterEnd = -1;
  for (const match of found) {
    if (match.start >= clusterEnd && cluster.length > 0) {
      const span = spanOf(cluster);
      if (span !== undefined) spans.push(span);
      cluster = [];
    }
    cluster.push(match);
    clusterEnd = Math.max(clusterEnd, match.end);
  }
  const last = spanOf(cluster);
  if (last !== undefined) spans.push(last);
  return spans;
}
