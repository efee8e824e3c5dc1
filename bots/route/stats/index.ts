/**
 * Aggregates of practice requests for the steering group (computed in lib/case-index, which
 * the hub shares), and their rendering as text.
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
} from "../../../lib/case-index/aggregate-cases.ts";
export { formatStatsDuration, renderStats } from "./render-stats.ts";
export {
  type Dimension,
  type StatsLocale,
  type StatsMessages,
  STATS_CATALOGUES,
  STATS_LOCALES,
  resolveStatsLocale,
} from "./stats-messages.ts";
