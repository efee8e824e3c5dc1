/**
 * Wall-clock readings in IANA zones. A local time can mean no instant (the clocks jump over
 * it in spring), one, or two (the clocks pass it twice in autumn); `resolveLocalTime` reports
 * all three so callers decide rather than inherit a library's silent pick. Luxon supplies the
 * zone offsets (from the runtime's tz database); the arithmetic on them is done here.
 */
import { IANAZone } from "luxon";

/** A date and time as read on a wall clock, to the minute. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** One instant a local time may mean, with the zone's UTC offset then (minutes, east positive). */
export interface Reading {
  readonly epochMs: number;
  readonly offsetMinutes: number;
}

export type LocalTimeResolution =
  | { readonly kind: "unique"; readonly reading: Reading }
  | {
      /** "gap": the clocks skip this time; "overlap": they show it twice. */
      readonly kind: "gap" | "overlap";
      /**
       * Overlap: the first and second time the clock shows it. Gap: the time read with the
       * offset from after the jump (an hour earlier, before it) and from before the jump
       * (an hour later, after it). Earlier first.
       */
      readonly readings: readonly [Reading, Reading];
      /** The wall clock just before and just after the change, e.g. 02:00 and 03:00. */
      readonly clocksFrom: LocalDateTime;
      readonly clocksTo: LocalDateTime;
    };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const zones = new Map<string, IANAZone>();

function zoneFor(name: string): IANAZone {
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

/** The zone's UTC offset at an instant, in minutes (east positive). */
export function offsetMinutesAt(zone: string, epochMs: number): number {
  return zoneFor(zone).offset(epochMs);
}

/** The wall clock read as if it were UTC: the base for offset arithmetic ("local ms"). */
export function localMsOf(wall: LocalDateTime): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0-99 into 1900-1999.
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, 0, 0);
  return date.getTime();
}

/** The inverse of `localMsOf`. */
export function wallOf(localMs: number): LocalDateTime {
  const date = new Date(localMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

/** The wall clock in `zone` at an instant. */
export function wallClockAt(zone: string, epochMs: number): LocalDateTime {
  return wallOf(epochMs + offsetMinutesAt(zone, epochMs) * MINUTE_MS);
}

/** The first instant in (lo, hi] whose offset differs from the one at `lo`, to the minute. */
function findTransition(offsetAt: (epochMs: number) => number, lo: number, hi: number): number {
  const before = offsetAt(lo);
  let low = lo;
  let high = hi;
  while (high - low > MINUTE_MS) {
    const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(mid) === before) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * Every instant a local time (given as local ms) can mean, with `offsetAt` giving the zone's
 * offset in minutes. Offsets are sampled a day either side, which covers every transition
 * in the tz database (none are closer together than that).
 */
export function resolveLocalMs(localMs: number, offsetAt: (epochMs: number) => number): LocalTimeResolution {
  const offsetBefore = offsetAt(localMs - DAY_MS);
  const offsetAfter = offsetAt(localMs + DAY_MS);
  const readings: Reading[] = [];
  for (const offsetMinutes of new Set([offsetBefore, offsetAt(localMs), offsetAfter])) {
    const epochMs = localMs - offsetMinutes * MINUTE_MS;
    if (offsetAt(epochMs) === offsetMinutes) readings.push({ epochMs, offsetMinutes });
  }
  readings.sort((a, b) => a.epochMs - b.epochMs);
  const [first, second] = readings;
  if (first !== undefined && second === undefined) return { kind: "unique", reading: first };
  const transition = findTransition(offsetAt, localMs - 2 * DAY_MS, localMs + 2 * DAY_MS);
  const clocksFrom = wallOf(transition + offsetBefore * MINUTE_MS);
  const clocksTo = wallOf(transition + offsetAfter * MINUTE_MS);
  if (first !== undefined && second !== undefined)
    return { kind: "overlap", readings: [first, second], clocksFrom, clocksTo };
  // In a gap, the offset from after the jump lands before it and the offset from before
  // the jump lands after it; each reading carries the offset really in force at its instant.
  const reading = (epochMs: number): Reading => ({ epochMs, offsetMinutes: offsetAt(epochMs) });
  const earlier = reading(localMs - offsetAfter * MINUTE_MS);
  const later = reading(localMs - offsetBefore * MINUTE_MS);
  return { kind: "gap", readings: [earlier, later], clocksFrom, clocksTo };
}

/** Every instant `wall` can mean in `zone` (a valid IANA zone). */
export function resolveLocalTime(wall: LocalDateTime, zone: string): LocalTimeResolution {
  return resolveLocalMs(localMsOf(wall), (epochMs) => offsetMinutesAt(zone, epochMs));
}

/**
 * One instant for a local time, for series and working-hours edges where asking is not an
 * option: in a gap the time after the jump (02:30 becomes 03:30, as the clocks show it
 * an hour later), in an overlap the first of the two.
 */
export function pickInstant(resolution: LocalTimeResolution): number {
  if (resolution.kind === "unique") return resolution.reading.epochMs;
  return resolution.kind === "gap" ? resolution.readings[1].epochMs : resolution.readings[0].epochMs;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, "0");
}

/** `+05:45`, `-04:00`, `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2026-03-29` */
export function formatLocalDate(wall: LocalDateTime): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `02:30` */
export function formatLocalClock(wall: LocalDateTime): string {
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** `2026-03-29T03:30+02:00`: the instant as its local reading with the offset. */
export function formatLocalWithOffset(reading: Reading): string {
  const wall = wallOf(reading.epochMs + reading.offsetMinutes * MINUTE_MS);
  return `${formatLocalDate(wall)}T${formatLocalClock(wall)}${formatOffset(reading.offsetMinutes)}`;
}

/** The ISO-8601 UTC form the convening model stores, e.g. "2026-12-03T11:00:00.000Z". */
export function isoUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Day of the week of a local date, 1 = Monday ... 7 = Sunday (ISO). */
export function isoWeekday(wall: Pick<LocalDateTime, "year" | "month" | "day">): number {
  const day = new Date(localMsOf({ ...wall, hour: 0, minute: 0 })).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether `year-month-day` is a real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const wall = wallOf(localMsOf({ year, month, day, hour: 0, minute: 0 }));
  return wall.year === year && wall.month === month && wall.day === day;
}

/** The local date `days` after `wall`'s date (time kept). */
export function addLocalDays(wall: LocalDateTime, days: number): LocalDateTime {
  return wallOf(localMsOf(wall) + days * DAY_MS);
}
