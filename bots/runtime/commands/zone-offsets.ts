/**
 * Wall-clock arithmetic in IANA zones with `Intl` alone (no date library): the offset of a
 * zone at an instant, and every instant a local time can mean. A local time can mean none
 * (the clocks jump over it in spring), one, or two (the clocks go back in autumn); callers
 * must handle all three rather than silently picking one, which is how most schedulers
 * produce convenings an hour off.
 */
import { isIanaTimeZone } from "../../../lib/time-zones.ts";

/** A local date and time, as written on a wall clock. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** How a local time maps onto instants in a zone. */
export type LocalTimeResolution =
  | { readonly kind: "unique"; readonly epochMs: number; readonly offsetMs: number }
  | {
      /** The clocks skipped this time; `readings` are the two instants it could mean, earlier first. */
      readonly kind: "gap" | "overlap";
      readonly readings: readonly [Reading, Reading];
      /** Wall-clock times just before and at the transition, e.g. 02:00 and 03:00. */
      readonly clocksFrom: WallClock;
      readonly clocksTo: WallClock;
    };

/** One instant a local time may mean, with the offset in force then. */
export interface Reading {
  readonly epochMs: number;
  readonly offsetMs: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock in `zone` at an instant. */
export function wallClockAt(epochMs: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(epochMs)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts["year"] ?? 0,
    month: parts["month"] ?? 0,
    day: parts["day"] ?? 0,
    hour: parts["hour"] ?? 0,
    minute: parts["minute"] ?? 0,
    second: parts["second"] ?? 0,
  };
}

/** The wall clock read as if it were UTC: the arithmetic base for offsets. */
export function wallClockAsUtc(wall: WallClock): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not treat years 0-99 as 1900-1999.
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function offsetMsAt(epochMs: number, zone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallClockAsUtc(wallClockAt(wholeSecond, zone)) - wholeSecond;
}

/** The first instant in (lo, hi] whose offset differs from the offset at `lo`. */
function findTransition(lo: number, hi: number, zone: string): number {
  const before = offsetMsAt(lo, zone);
  let low = lo;
  let high = hi;
  while (high - low > 1000) {
    const mid = Math.floor((low + high) / 2000) * 1000;
    if (mid <= low) break;
    if (offsetMsAt(mid, zone) === before) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * Every instant the local time `wall` can mean in `zone`. Offsets are sampled two days
 * either side, which covers every real transition (none are closer together than that).
 */
export function resolveLocalTime(wall: WallClock, zone: string): LocalTimeResolution {
  const local = wallClockAsUtc(wall);
  const offsetBefore = offsetMsAt(local - 2 * DAY_MS, zone);
  const offsetAfter = offsetMsAt(local + 2 * DAY_MS, zone);
  const readings: Reading[] = [];
  for (const offsetMs of new Set([offsetBefore, offsetAfter, offsetMsAt(local, zone)])) {
    const epochMs = local - offsetMs;
    if (offsetMsAt(epochMs, zone) === offsetMs) readings.push({ epochMs, offsetMs });
  }
  readings.sort((a, b) => a.epochMs - b.epochMs);
  const first = readings[0];
  const last = readings[readings.length - 1];
  if (first !== undefined && last !== undefined && readings.length === 1)
    return { kind: "unique", epochMs: first.epochMs, offsetMs: first.offsetMs };
  const transition = findTransition(local - 3 * DAY_MS, local + 3 * DAY_MS, zone);
  const clocksFrom = wallClockAtOffset(transition, offsetBefore);
  const clocksTo = wallClockAtOffset(transition, offsetAfter);
  if (first !== undefined && last !== undefined)
    return { kind: "overlap", readings: [first, last], clocksFrom, clocksTo };
  // In a gap, reading the time with the offset from before the jump lands after it, and
  // with the offset from after the jump lands before it: both are plausible intentions.
  // Each reading is reported with the offset actually in force at its instant.
  const reading = (epochMs: number): Reading => ({ epochMs, offsetMs: offsetMsAt(epochMs, zone) });
  const withBefore = reading(local - offsetBefore);
  const withAfter = reading(local - offsetAfter);
  const ordered: [Reading, Reading] =
    withBefore.epochMs <= withAfter.epochMs ? [withBefore, withAfter] : [withAfter, withBefore];
  return { kind: "gap", readings: ordered, clocksFrom, clocksTo };
}

function wallClockAtOffset(epochMs: number, offsetMs: number): WallClock {
  const date = new Date(epochMs + offsetMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

let zonesByLowerCase: ReadonlyMap<string, string> | undefined;

/**
 * The canonical spelling of a zone name, matching case-insensitively ("europe/berlin"
 * works), or undefined when the runtime does not know the zone.
 */
export function canonicalZone(name: string): string | undefined {
  zonesByLowerCase ??= new Map(Intl.supportedValuesOf("timeZone").map((zone) => [zone.toLowerCase(), zone]));
  const listed = zonesByLowerCase.get(name.toLowerCase());
  if (listed !== undefined) return listed;
  if (!isIanaTimeZone(name)) return undefined;
  // Intl accepts aliases it does not list (Asia/Kathmandu beside its listed Asia/Katmandu):
  // keep the spelling people wrote, re-casing only all-lowercase input.
  return name === name.toLowerCase()
    ? new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone
    : name;
}

/** Every zone name the runtime knows, for suggestions. */
export function knownZones(): readonly string[] {
  return Intl.supportedValuesOf("timeZone");
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, "0");
}

/** `+05:45`, `-04:00`, `+00:00` (seconds dropped: no zone in use today has them). */
export function formatOffset(offsetMs: number): string {
  const totalMinutes = Math.round(offsetMs / 60_000);
  const sign = totalMinutes < 0 ? "-" : "+";
  return `${sign}${pad(Math.floor(Math.abs(totalMinutes) / 60))}:${pad(Math.abs(totalMinutes) % 60)}`;
}

/** `2026-03-29` */
export function formatDate(wall: WallClock): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `02:30` */
export function formatClock(wall: WallClock): string {
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** An instant as ISO 8601 local time with offset, e.g. `2026-03-29T03:30+02:00`. */
export function formatWithOffset(epochMs: number, offsetMs: number): string {
  const wall = wallClockAtOffset(epochMs, offsetMs);
  const seconds = wall.second === 0 ? "" : `:${pad(wall.second)}`;
  return `${formatDate(wall)}T${formatClock(wall)}${seconds}${formatOffset(offsetMs)}`;
}
