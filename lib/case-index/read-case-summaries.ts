/**
 * The hub's side of the case index: every case summary, for the statistics. An entry that
 * cannot be read is left out and its case id reported, so one bad entry never takes the
 * statistics down; only Redis itself failing rejects.
 */
import type { Redis } from "ioredis";
import type { CaseSummary } from "./aggregate-cases.ts";
import type { CaseIndexKeys } from "./case-index-keys.ts";
import { parseCaseSummary } from "./parse-case-summary.ts";

/** Summaries read from the index, and the case ids of entries left out. */
export interface CaseSummariesRead {
  readonly summaries: readonly CaseSummary[];
  readonly skipped: readonly { readonly caseId: string; readonly reason: string }[];
}

/**
 * All summaries. One HGETALL: a network's cases number in the thousands at most, and each
 * summary is a few dozen bytes.
 */
export async function readCaseSummaries(redis: Redis, keys: CaseIndexKeys): Promise<CaseSummariesRead> {
  const entries = await redis.hgetall(keys.summaries);
  const summaries: CaseSummary[] = [];
  const skipped: { caseId: string; reason: string }[] = [];
  // Sorted so the same index always aggregates in the same order, whatever Redis returns.
  for (const caseId of Object.keys(entries).sort()) {
    const parsed = parseCaseSummary(entries[caseId] ?? "");
    if (parsed.ok) summaries.push(parsed.value);
    else skipped.push({ caseId, reason: parsed.error });
  }
  return { summaries, skipped };
}
