/**
 * The steering group's statistics as plain text, one fact per line, in English or French.
 * Topic, region and state values are shown as their configured ids: the report is for the
 * people who wrote that configuration.
 */
import { durationParts } from "../../../lib/intl-format.ts";
import type {
  CaseAggregates,
  CountCell,
  DurationStats,
  ReportedCount,
} from "../../../lib/case-index/aggregate-cases.ts";
import { type Dimension, STATS_CATALOGUES, type StatsLocale, type StatsMessages } from "./stats-messages.ts";

const MINUTE_MS = 60_000;

/** A duration in whole minutes, short units: "2 hr 5 min", "3 days 4 hr", "3 j 4 h". */
export function formatStatsDuration(locale: StatsLocale, ms: number): string {
  return durationParts(locale, ms / MINUTE_MS, "short").join(" ");
}

function count(locale: StatsLocale, value: ReportedCount): string {
  return typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
}

function cases(locale: StatsLocale, words: StatsMessages, value: ReportedCount): string {
  return words.cases(count(locale, value), value === 1);
}

function cellsLine(
  locale: StatsLocale,
  words: StatsMessages,
  dimension: Dimension,
  cells: readonly CountCell[],
) {
  const listed = cells.map((cell) => `${cell.value} ${count(locale, cell.count)}`).join(", ");
  return words.labelled(words.dimensions[dimension], cells.length === 0 ? words.none : listed);
}

function timingLine(locale: StatsLocale, words: StatsMessages, label: string, stats: DurationStats): string {
  const samples = cases(locale, words, stats.samples);
  const detail =
    stats.medianMs === undefined || stats.p90Ms === undefined
      ? words.tooFew(samples)
      : words.timing(
          formatStatsDuration(locale, stats.medianMs),
          formatStatsDuration(locale, stats.p90Ms),
          samples,
        );
  return words.labelled(label, detail);
}

/** The aggregates as plain text for `!request stats`, in the reader's language. */
export function renderStats(aggregates: CaseAggregates, locale: StatsLocale): string {
  const words = STATS_CATALOGUES[locale];
  const lines = [
    words.title,
    words.total(count(locale, aggregates.total)),
    cellsLine(locale, words, "topic", aggregates.byTopic),
    cellsLine(locale, words, "region", aggregates.byRegion),
    cellsLine(locale, words, "language", aggregates.byLanguage),
    cellsLine(locale, words, "state", aggregates.byState),
    cellsLine(locale, words, "urgency", aggregates.byUrgency),
    timingLine(locale, words, words.toAcceptance, aggregates.toAcceptance),
    timingLine(locale, words, words.toResolution, aggregates.toResolution),
    words.escalations(
      count(locale, aggregates.escalations.total),
      cases(locale, words, aggregates.escalations.cases),
    ),
    ...(aggregates.threshold > 1 ? [words.suppressed(aggregates.threshold)] : []),
  ];
  return lines.join("\n");
}
