/**
 * Aggregates of practice requests for the steering group: counts and timings only. The
 * input carries no ids, people or content, so none can reach the output; small counts are
 * further coarsened, since in a small network "the one case about topic X in region Y" can
 * point at a person even without a name.
 *
 * Limits worth knowing: a breakdown's cells add up to the total, so a lone "<k" cell can be
 * recovered by subtraction; suppression blurs small numbers (one case or two), it does not
 * hide that a rare value occurred. For that reason only one-way breakdowns are offered, never
 * cross-tabulations (topic by region), where nearly every cell would be a single case.
 */
import type { Urgency } from "../../config/network-config.ts";

/** What the statistics may know about one case: nothing that identifies it. */
export interface CaseSummary {
  readonly topic: string;
  readonly region: string;
  readonly language: string;
  /** The case's lifecycle state, e.g. "open", "accepted", "resolved". */
  readonly state: string;
  readonly urgency: Urgency;
  /** Milliseconds since the epoch, like every instant below. */
  readonly createdAt: number;
  readonly acceptedAt?: number | undefined;
  readonly resolvedAt?: number | undefined;
  readonly escalations: number;
}

/** An exact count, or "<k" when it was between 1 and k - 1. */
export type ReportedCount = number | `<${number}`;

export interface CountCell {
  readonly value: string;
  readonly count: ReportedCount;
}

export interface DurationStats {
  /** How many cases have this duration (accepted, or resolved). */
  readonly samples: ReportedCount;
  /** Nearest-rank median and 90th percentile; absent below the threshold, see below. */
  readonly medianMs?: number;
  readonly p90Ms?: number;
}

export interface CaseAggregates {
  /** The suppression threshold k the counts were coarsened with. */
  readonly threshold: number;
  readonly total: ReportedCount;
  readonly byTopic: readonly CountCell[];
  readonly byRegion: readonly CountCell[];
  readonly byLanguage: readonly CountCell[];
  readonly byState: readonly CountCell[];
  readonly byUrgency: readonly CountCell[];
  /** From creation to acceptance. */
  readonly toAcceptance: DurationStats;
  /** From creation (not acceptance) to resolution: the wait as the requester lived it. */
  readonly toResolution: DurationStats;
  readonly escalations: { readonly cases: ReportedCount; readonly total: ReportedCount };
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 3;

/**
 * A count as it may be shown: from 1 to k - 1 it becomes "<k", so that a reader cannot tell
 * one case from two. Zero stays exact: "no escalations" singles out nobody.
 */
export function suppress(count: number, threshold: number): ReportedCount {
  return count > 0 && count < threshold ? `<${threshold}` : count;
}

/**
 * The nearest-rank percentile of ascending values: the smallest value with at least p% of
 * the values at or below it, i.e. the one at rank ceil(p/100 * n). It is always an observed
 * value (no interpolation), and the median of an even count is the lower middle one.
 */
export function nearestRank(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function breakdown(cases: readonly CaseSummary[], key: (c: CaseSummary) => string, k: number): CountCell[] {
  const counts = new Map<string, number>();
  for (const summary of cases) counts.set(key(summary), (counts.get(key(summary)) ?? 0) + 1);
  const byName = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  // Exact cells by count, largest first; suppressed cells after them by name only, since
  // ordering them by count would tell a 2 from a 1.
  const exact = [...counts].filter(([, n]) => n >= k).sort((a, b) => b[1] - a[1] || byName(a, b));
  const small = [...counts].filter(([, n]) => n < k).sort(byName);
  return [...exact, ...small].map(([value, n]) => ({ value, count: suppress(n, k) }));
}

function durations(values: readonly number[], k: number): DurationStats {
  // A clock step can put an acceptance before the creation; count it as immediate.
  const sorted = values.map((ms) => Math.max(0, ms)).sort((a, b) => a - b);
  const samples = suppress(sorted.length, k);
  // One case's median is that case's own timing: below k the timings are withheld too.
  if (sorted.length < k) return { samples };
  return { samples, medianMs: nearestRank(sorted, 50) ?? 0, p90Ms: nearestRank(sorted, 90) ?? 0 };
}

/**
 * Counts by topic, region, language, state and urgency, timings to acceptance and
 * resolution, and escalations, with every count below `threshold` shown as "<threshold".
 * A threshold of 1 turns suppression off.
 */
export function aggregateCases(
  cases: readonly CaseSummary[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): CaseAggregates {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError(`suppression threshold must be a whole number >= 1, not ${threshold}`);
  const k = threshold;
  const accepted = cases.flatMap((c) => (c.acceptedAt === undefined ? [] : [c.acceptedAt - c.createdAt]));
  const resolved = cases.flatMap((c) => (c.resolvedAt === undefined ? [] : [c.resolvedAt - c.createdAt]));
  const escalated = cases.filter((c) => c.escalations > 0);
  return {
    threshold: k,
    total: suppress(cases.length, k),
    byTopic: breakdown(cases, (c) => c.topic, k),
    byRegion: breakdown(cases, (c) => c.region, k),
    byLanguage: breakdown(cases, (c) => c.language, k),
    byState: breakdown(cases, (c) => c.state, k),
    byUrgency: breakdown(cases, (c) => c.urgency, k),
    toAcceptance: durations(accepted, k),
    toResolution: durations(resolved, k),
    escalations: {
      cases: suppress(escalated.length, k),
      total: suppress(
        escalated.reduce((sum, c) => sum + c.escalations, 0),
        k,
      ),
    },
  };
}
