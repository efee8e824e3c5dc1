/**
 * The UTC-offset changes of a time zone over a span, read from the runtime's tz database
 * through luxon. Feeds describe the zone with these (VTIMEZONE), so a client that does not
 * know the IANA name still places every occurrence at the right instant.
 */
import { IANAZone } from "luxon";

export interface ZoneTransition {
  /** Epoch milliseconds of the first instant with the new offset. */
  readonly at: number;
  /** Offsets from UTC in minutes, before and after. */
  readonly from: number;
  readonly to: number;
}

const MINUTE_MS = 60_000;
// Offsets are sampled once a day and each change is then narrowed to the minute. No zone has
// changed its offset twice within one day, so a daily sample sees every change.
const STEP_MS = 86_400_000;

/** The offset of `zone` at an instant, in minutes. */
export function offsetAt(zone: string, at: number): number {
  return IANAZone.create(zone).offset(at);
}

/** The offset changes of `zone` in [from, to), in order. */
export function zoneTransitions(zone: string, from: number, to: number): ZoneTransition[] {
  const tz = IANAZone.create(zone);
  const transitions: ZoneTransition[] = [];
  let at = from;
  let offset = tz.offset(at);
  while (at < to) {
    const next = Math.min(at + STEP_MS, to);
    const nextOffset = tz.offset(next);
    if (nextOffset !== offset) {
      const change = firstMinuteWith(tz, at, next, offset);
      if (change >= from && change < to) transitions.push({ at: change, from: offset, to: nextOffset });
    }
    at = next;
    offset = nextOffset;
  }
  return transitions;
}

/** The first whole minute in (low, high] whose offset is no longer `before`. */
function firstMinuteWith(tz: IANAZone, low: number, high: number, before: number): number {
  let lowMinute = Math.floor(low / MINUTE_MS);
  let highMinute = Math.ceil(high / MINUTE_MS);
  while (highMinute - lowMinute > 1) {
    const middle = Math.floor((lowMinute + highMinute) / 2);
    if (tz.offset(middle * MINUTE_MS) === before) lowMinute = middle;
    else highMinute = middle;
  }
  return highMinute * MINUTE_MS;
}
