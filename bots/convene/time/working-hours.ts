/**
 * Whether a convening falls inside a region's working hours. The hours in the config
 * ("09:00"-"17:30", mon-fri) are a promise about people's local clocks, and a region's
 * people live in all of its zones: MENA lists Amman, Tunis and Beirut, two hours apart in
 * winter, so 09:00 in Amman is 07:00 in Tunis. By default ("every-zone") a slot must
 * therefore be inside the hours in each of the region's zones; "reference-zone" checks only
 * the first zone, for organisers who accept that looser reading.
 *
 * The definition is by instants: each working day in a zone is the interval from the
 * instant its start time is shown to the instant its end time is shown (a boundary the
 * clocks skip or repeat is placed as `pickInstant` says), and a slot is inside when one such
 * interval contains all of it. A slot crossing local midnight is never inside, since no
 * working day reaches midnight (the config requires end after start, both within the day).
 */
import type { Weekday, WorkingHours } from "../../../config/network-config.ts";
import {
  type LocalDateTime,
  addLocalDays,
  formatLocalClock,
  formatLocalDate,
  isoWeekday,
  localMsOf,
  offsetMinutesAt,
  pickInstant,
  resolveLocalMs,
  wallOf,
} from "./local-time.ts";
import type { OffsetAt } from "./offset-timeline.ts";

/** What the time logic needs of a region (a `RegionConfig` fits). */
export interface RegionHours {
  readonly id: string;
  readonly name?: string;
  /** The first is the reference zone. */
  readonly timeZones: readonly string[];
  readonly workingHours: WorkingHours;
}

export type ZonePolicy = "every-zone" | "reference-zone";

/** A half-open interval [start, end) of epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** A proposed convening: its start (ISO or epoch ms) and length. */
export interface Slot {
  readonly start: string | number;
  readonly durationMinutes: number;
}

/** Why a slot is outside a region's hours, in the first zone where it is. */
export interface WorkingHoursMiss {
  readonly region: string;
  readonly zone: string;
  readonly reason: "crosses-midnight" | "day-off" | "starts-early" | "ends-late" | "clock-change";
  /** Local start and end, "2026-12-03T07:00". */
  readonly localStart: string;
  readonly localEnd: string;
  readonly weekday: Weekday;
  readonly hours: WorkingHours;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
export const WEEKDAY_NAMES: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Minutes since midnight of "HH:MM". */
export function clockMinutes(text: string): number {
  const [hours = "0", minutes = "0"] = text.split(":");
  return Number(hours) * 60 + Number(minutes);
}

/** The zones a policy checks for a region. */
export function zonesChecked(region: RegionHours, policy: ZonePolicy): readonly string[] {
  return policy === "every-zone" ? region.timeZones : region.timeZones.slice(0, 1);
}

function weekdayOf(wall: LocalDateTime): Weekday {
  return WEEKDAY_NAMES[isoWeekday(wall) - 1] ?? "mon";
}

/**
 * The working days of one zone that overlap [fromMs, toMs), in order. `offsetAt` defaults
 * to asking the tz database; pass an `offsetTimeline` when calling this many times.
 */
export function zoneWorkingIntervals(
  zone: string,
  hours: WorkingHours,
  fromMs: number,
  toMs: number,
  offsetAt: OffsetAt = (epochMs) => offsetMinutesAt(zone, epochMs),
): Interval[] {
  const startMinutes = clockMinutes(hours.start);
  const endMinutes = clockMinutes(hours.end);
  const days = new Set(hours.days);
  const intervals: Interval[] = [];
  // Local dates from a day before the window to a day after cover every offset (±14 h).
  const first = wallOf(fromMs + offsetAt(fromMs) * MINUTE_MS - DAY_MS);
  let date: LocalDateTime = { ...first, hour: 0, minute: 0 };
  const lastLocalMs = toMs + offsetAt(toMs) * MINUTE_MS + DAY_MS;
  for (; localMsOf(date) <= lastLocalMs; date = addLocalDays(date, 1)) {
    if (!days.has(weekdayOf(date))) continue;
    const midnight = localMsOf(date);
    const start = pickInstant(resolveLocalMs(midnight + startMinutes * MINUTE_MS, offsetAt));
    const end = pickInstant(resolveLocalMs(midnight + endMinutes * MINUTE_MS, offsetAt));
    if (end > fromMs && start < toMs && end > start) intervals.push({ start, end });
  }
  return intervals;
}

/** The common part of two sorted lists of disjoint intervals. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const common: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === undefined || y === undefined) break;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) common.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return common;
}

/**
 * The instants in [fromMs, toMs) (padded by the intervals reaching past it) when the region
 * is at work in every zone the policy checks. `offsetsFor` lets a caller share timelines.
 */
export function regionWorkingIntervals(
  region: RegionHours,
  fromMs: number,
  toMs: number,
  policy: ZonePolicy = "every-zone",
  offsetsFor?: (zone: string) => OffsetAt,
): Interval[] {
  let common: Interval[] | undefined;
  for (const zone of zonesChecked(region, policy)) {
    const intervals = zoneWorkingIntervals(zone, region.workingHours, fromMs, toMs, offsetsFor?.(zone));
    common = common === undefined ? intervals : intersectIntervals(common, intervals);
  }
  return common ?? [];
}

function slotBounds(slot: Slot): Interval {
  const start = typeof slot.start === "number" ? slot.start : Date.parse(slot.start);
  return { start, end: start + slot.durationMinutes * MINUTE_MS };
}

function inside(intervals: readonly Interval[], slot: Interval): boolean {
  return intervals.some((interval) => interval.start <= slot.start && slot.end <= interval.end);
}

function localText(zone: string, epochMs: number): string {
  const wall = wallOf(epochMs + offsetMinutesAt(zone, epochMs) * MINUTE_MS);
  return `${formatLocalDate(wall)}T${formatLocalClock(wall)}`;
}

/** Why `slot` is outside the region's working hours, or undefined when it is inside. */
export function workingHoursMiss(
  slot: Slot,
  region: RegionHours,
  policy: ZonePolicy = "every-zone",
): WorkingHoursMiss | undefined {
  const bounds = slotBounds(slot);
  for (const zone of zonesChecked(region, policy)) {
    const intervals = zoneWorkingIntervals(
      zone,
      region.workingHours,
      bounds.start - DAY_MS,
      bounds.end + DAY_MS,
    );
    if (inside(intervals, bounds)) continue;
    const startWall = wallOf(bounds.start + offsetMinutesAt(zone, bounds.start) * MINUTE_MS);
    const lastMinute = bounds.end - MINUTE_MS;
    const endWall = wallOf(lastMinute + offsetMinutesAt(zone, lastMinute) * MINUTE_MS);
    const startMinutes = startWall.hour * 60 + startWall.minute;
    const endMinutes = endWall.hour * 60 + endWall.minute + 1;
    const weekday = weekdayOf(startWall);
    const reason: WorkingHoursMiss["reason"] =
      formatLocalDate(startWall) !== formatLocalDate(endWall)
        ? "crosses-midnight"
        : !region.workingHours.days.includes(weekday)
          ? "day-off"
          : startMinutes < clockMinutes(region.workingHours.start)
            ? "starts-early"
            : endMinutes > clockMinutes(region.workingHours.end)
              ? "ends-late"
              : "clock-change";
    return {
      region: region.id,
      zone,
      reason,
      localStart: localText(zone, bounds.start),
      localEnd: localText(zone, bounds.end),
      weekday,
      hours: region.workingHours,
    };
  }
  return undefined;
}

/** Whether all of `slot` is inside the region's working hours (see the module comment). */
export function isWithinWorkingHours(
  slot: Slot,
  region: RegionHours,
  policy: ZonePolicy = "every-zone",
): boolean {
  const bounds = slotBounds(slot);
  return zonesChecked(region, policy).every((zone) =>
    inside(
      zoneWorkingIntervals(zone, region.workingHours, bounds.start - DAY_MS, bounds.end + DAY_MS),
      bounds,
    ),
  );
}
