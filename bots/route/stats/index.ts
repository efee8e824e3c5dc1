/** Aggregates of practice requests for the steering group, and their rendering as text. */
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
export { formatStatsDuration, renderStats } from "./render-stats.ts";
export {
  type Dimension,
  type StatsLocale,
  type StatsMessages,
  STATS_CATALOGUES,
  STATS_LOCALES,
  resolveStatsLocale,
} from "./stats-messages.ts";
