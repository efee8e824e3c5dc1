/**
 * The case index the route bot publishes to Redis and the hub reads (request statistics):
 * one summary per case, counts and timings only. Key layout: case-index-keys.ts.
 */
export {
  type CaseAggregates,
  type CaseSummary,
  type CountCell,
  type DurationStats,
  type ReportedCount,
  DEFAULT_SUPPRESSION_THRESHOLD,
  aggregateCases,
  nearestRank,
  suppress,
} from "./aggregate-cases.ts";
export { type CaseIndexKeys, caseIndexKeys } from "./case-index-keys.ts";
export { parseCaseSummary, serialiseCaseSummary } from "./parse-case-summary.ts";
export { publishCaseSummary } from "./publish-case-summary.ts";
export { type CaseSummariesRead, readCaseSummaries } from "./read-case-summaries.ts";
