/**
 * The sessions of a series. A series keeps its wall-clock time in the organiser's zone, so
 * across a DST change its UTC instant moves by the change and everyone else's local time
 * shifts. The rrule library's own TZID handling reads and returns JavaScript Dates in the
 * host's zone, which is easy to get wrong; instead the rule is expanded in "floating" time
 * (the wall clock written as if it were UTC) and each occurrence is then placed in the zone.
 * An occurrence whose wall time the clocks skip is moved to after the jump (02:30 becomes
 * 03:30); one the clocks show twice takes the first.
 */
import rrulePackage from "rrule";
import { type Result, ok, err } from "../../../lib/result.ts";
import type { ConveningTime } from "../model/convening.ts";
import { isoUtc, offsetMinutesAt, pickInstant, resolveLocalTime, wallClockAt, wallOf } from "./local-time.ts";

const { RRule } = rrulePackage;

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

const MINUTE_MS = 60_000;
const DEFAULT_LIMIT = 500;

function instantOf(value: string | number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return typeof value === "number" ? value : Date.parse(value);
}

/** Floating ms: the wall clock in `zone` at an instant, read as UTC. */
function floating(zone: string, epochMs: number): number {
  return epochMs + offsetMinutesAt(zone, epochMs) * MINUTE_MS;
}

/**
 * Start instants (ISO-8601 UTC) of the sessions of `time` in the window, in order. A time
 * without a rule is a single session.
 */
export function expandSeries(
  time: Pick<ConveningTime, "start" | "zone" | "rrule">,
  window: SeriesWindow = {},
): Result<readonly string[], SeriesError> {
  const startMs = Date.parse(time.start);
  const fromMs = instantOf(window.from, Number.NEGATIVE_INFINITY);
  const toMs = instantOf(window.to, Number.POSITIVE_INFINITY);
  const limit = window.limit ?? DEFAULT_LIMIT;
  const inWindow = (epochMs: number): boolean => epochMs >= fromMs && epochMs < toMs;
  if (time.rrule === undefined) return ok(inWindow(startMs) ? [isoUtc(startMs)] : []);

  let rule: InstanceType<typeof RRule>;
  try {
    const options = RRule.parseString(time.rrule);
    if (options.freq === undefined) throw new Error("FREQ is missing");
    for (const key of ["count", "interval"] as const) {
      const value = options[key];
      if (value != null && (!Number.isInteger(value) || value < 1))
        throw new Error(`bad ${key.toUpperCase()}`);
    }
    // Seconds beyond the minute (rare) are carried over unchanged to every session.
    const seconds = startMs % MINUTE_MS;
    const first = wallClockAt(time.zone, startMs - seconds);
    const dtstart = new Date(Date.UTC(first.year, first.month - 1, first.day, first.hour, first.minute));
    const until = options.until == null ? null : new Date(floating(time.zone, options.until.getTime()));
    rule = new RRule({ ...options, dtstart, until, tzid: null });
  } catch (error) {
    return err({
      kind: "invalid-rrule",
      rrule: time.rrule,
      message: error instanceof Error ? error.message : String(error),
    });
  }
  const seconds = startMs % MINUTE_MS;
  const place = (floatingDate: Date): number =>
    pickInstant(resolveLocalTime(wallOf(floatingDate.getTime()), time.zone)) + seconds;

  const starts: string[] = [];
  const collect = (date: Date): boolean => {
    const epochMs = place(date);
    if (epochMs >= toMs) return false;
    if (inWindow(epochMs)) starts.push(isoUtc(epochMs));
    return starts.length < limit;
  };
  // From the first session on, since COUNT counts from there; sessions before the window are skipped.
  rule.all((date) => collect(date));
  return ok(starts);
}
