/**
 * The occurrences of a convening, expanded the way RFC 5545 does for a DTSTART with a TZID:
 * the rule steps through wall-clock times in the convening's zone, and each wall-clock time
 * becomes an instant with the offset in force on that day. So a weekly 14:00 in Paris stays
 * at 14:00 Paris time across the DST change while its UTC instant moves by an hour.
 */
import { DateTime } from "luxon";
import { type Result, ok } from "../../../lib/result.ts";
import type { ConveningTime } from "../model/convening.ts";
import { type CheckedTime, checkTime } from "./checked-time.ts";
import { fromFloating, seriesOf, toFloating } from "./floating-time.ts";

/** One occurrence, as epoch milliseconds. */
export interface Occurrence {
  readonly start: number;
  readonly end: number;
}

export interface Window {
  /** Epoch milliseconds, inclusive. */
  readonly from: number;
  /** Epoch milliseconds, exclusive. */
  readonly to: number;
}

/** A guard for endless series over long windows; callers ask for a horizon, not everything. */
export const DEFAULT_OCCURRENCE_LIMIT = 1000;

// Wall-clock times can sit up to a day away from UTC; widen the floating window by that so
// no occurrence near an edge is missed, then filter on real instants.
const DAY_MS = 86_400_000;

/** The occurrences whose start lies in the window, in order, at most `limit` of them. */
export function expandOccurrences(
  time: ConveningTime,
  window: Window,
  limit = DEFAULT_OCCURRENCE_LIMIT,
): Result<readonly Occurrence[], string> {
  const checked = checkTime(time);
  if (!checked.ok) return checked;
  return ok(expandChecked(checked.value, window, limit));
}

/** As `expandOccurrences`, for a time already checked. */
export function expandChecked(
  time: CheckedTime,
  window: Window,
  limit = DEFAULT_OCCURRENCE_LIMIT,
): Occurrence[] {
  const duration = time.durationMinutes * 60_000;
  const within = (start: number): boolean => start >= window.from && start < window.to;
  if (time.rule === undefined) {
    const start = time.start.toMillis();
    return within(start) && limit > 0 ? [{ start, end: start + duration }] : [];
  }
  const rule = seriesOf(time.start, time.rule);
  const after = new Date(
    toFloating(DateTime.fromMillis(window.from, { zone: time.zone })).getTime() - DAY_MS,
  );
  const before = new Date(toFloating(DateTime.fromMillis(window.to, { zone: time.zone })).getTime() + DAY_MS);
  const occurrences: Occurrence[] = [];
  rule.between(after, before, true, (floating) => {
    const start = fromFloating(floating, time.zone);
    if (within(start)) occurrences.push({ start, end: start + duration });
    return occurrences.length < limit;
  });
  return occurrences;
}

/**
 * The start of the last occurrence, or undefined when the series never ends. A finite
 * series longer than `limit` reports the start of its `limit`-th occurrence.
 */
export function lastStartOf(time: CheckedTime, limit = DEFAULT_OCCURRENCE_LIMIT): number | undefined {
  if (time.rule === undefined) return time.start.toMillis();
  if (time.rule.count === undefined && time.rule.until === undefined) return undefined;
  const all = seriesOf(time.start, time.rule).all((_date, index) => index < limit);
  const last = all.at(-1);
  return last === undefined ? time.start.toMillis() : fromFloating(last, time.zone);
}
