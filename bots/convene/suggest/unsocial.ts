/**
 * How hard a slot is on a region. Its margin is how far the slot stays from the edges of
 * the region's working day (the day as `regionWorkingIntervals` gives it, so with every
 * zone counted): min(minutes from the day's start to the slot's start, minutes from the
 * slot's end to the day's end), in elapsed time.
 *
 * A slot is UNSOCIAL for a region when its margin is under `UNSOCIAL_MARGIN_MINUTES` (60):
 * it touches the first or the last hour of the working day in at least one of the region's
 * zones; someone there starts their day with it or stays late for it. Discomfort refines
 * this for ranking: 0 when the slot sits mid-day, 1 when it touches an edge.
 */
import type { Interval } from "../time/working-hours.ts";

export const UNSOCIAL_MARGIN_MINUTES = 60;

const MINUTE_MS = 60_000;

/** Minutes between the slot and the nearer edge of the working day containing it. */
export function marginMinutes(slot: Interval, day: Interval): number {
  return Math.min(slot.start - day.start, day.end - slot.end) / MINUTE_MS;
}

/** 0 (centred in the working day) to 1 (touching an edge). */
export function discomfort(slot: Interval, day: Interval): number {
  const best = (day.end - day.start - (slot.end - slot.start)) / 2 / MINUTE_MS;
  if (best <= 0) return 1;
  return 1 - Math.max(0, marginMinutes(slot, day)) / best;
}

/** The working day (from sorted, disjoint `days`) containing all of `slot`, if any. */
export function containingDay(slot: Interval, days: readonly Interval[]): Interval | undefined {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const day = days[mid];
    if (day === undefined) break;
    if (day.end < slot.end) low = mid + 1;
    else if (day.start > slot.start) high = mid - 1;
    else return day;
  }
  return undefined;
}
