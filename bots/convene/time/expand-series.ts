/**
 * The sessions of a series, as ISO instants, for the time logic (suggestions, recurrence
 * checks). The expansion itself is the calendar's (`calendar/expand-occurrences.ts`): one
 * implementation, so what the bot plans, reminds and publishes in feeds always agree. A
 * series keeps its wall-clock time in the organiser's zone across DST changes; a time the
 * clocks skip moves to after the jump, one they show twice takes the first.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import { expandOccurrences } from "../calendar/expand-occurrences.ts";
import type { ConveningTime } from "../model/convening.ts";
import { isoUtc } from "./local-time.ts";

export interface SeriesWindow {
  /** Only sessions starting at or after this instant. */
  readonly from?: string | number;
  /** Only sessions starting before this instant. */
  readonly to?: string | number;
  /** At most this many sessions (default 500; a rule without COUNT or UNTIL never ends). */
  readonly limit?: number;
}

export interface SeriesError {
  readonly kind: "invalid-rrule";
  readonly rrule: string;
  readonly message: string;
}

const DEFAULT_LIMIT = 500;
const SERIES_SPAN_MS = 30 * 366 * 86_400_000;

function instantOf(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return typeof value === "number" ? value : Date.parse(value);
}

/**
 * Start instants (ISO-8601 UTC) of the sessions of `time` in the window, in order. A time
 * without a rule is a single session.
 */
export function expandSeries(
  time: Pick<ConveningTime, "start" | "zone" | "rrule">,
  window: SeriesWindow = {},
): Result<readonly string[], SeriesError> {
  // No window means the whole series: from its first session, over a span no rule here
  // reaches (MAX_OCCURRENCES weekly sessions is under eight years).
  const startMs = Date.parse(time.start);
  const from = instantOf(window.from, startMs);
  const to = instantOf(window.to, startMs + SERIES_SPAN_MS);
  const expanded = expandOccurrences(
    { ...time, durationMinutes: 1 },
    { from, to },
    window.limit ?? DEFAULT_LIMIT,
  );
  if (!expanded.ok) return err({ kind: "invalid-rrule", rrule: time.rrule ?? "", message: expanded.error });
  return ok(expanded.value.map((occurrence) => isoUtc(occurrence.start)));
}
