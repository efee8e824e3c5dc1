/**
 * The route bot's side of the case index: after every change to a case it publishes the
 * case's summary (counts and timings only, see aggregate-cases.ts) for the hub's statistics.
 * Publishing overwrites: the bot holds the case itself, so the latest summary is the truth.
 */
import type { Redis } from "ioredis";
import type { CaseSummary } from "./aggregate-cases.ts";
import type { CaseIndexKeys } from "./case-index-keys.ts";
import { serialiseCaseSummary } from "./parse-case-summary.ts";

/** Stores (or replaces) the summary of case `caseId`. */
export async function publishCaseSummary(
  redis: Redis,
  keys: CaseIndexKeys,
  caseId: string,
  summary: CaseSummary,
): Promise<void> {
  await redis.hset(keys.summaries, caseId, serialiseCaseSummary(summary));
}
