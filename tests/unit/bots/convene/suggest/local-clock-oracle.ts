/**
 * An independent reading of working hours for tests: it looks at local clocks with luxon,
 * slot by slot, where the code under test intersects UTC intervals built from offset
 * timelines. The two agree whenever no clock change falls inside working hours, which the
 * property tests ensure by keeping working days between 05:00 and midnight (tz database
 * changes happen at 04:00 local time or earlier).
 */
import { DateTime } from "luxon";
import type { RegionHours, ZonePolicy } from "../../../../../bots/convene/time/working-hours.ts";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const MINUTE_MS = 60_000;

function clock(text: string): number {
  const [hours = 0, minutes = 0] = text.split(":").map(Number);
  return hours * 60 + minutes;
}

/**
 * Minutes from the nearer edge of the working day, the smallest over the zones checked;
 * undefined when the slot is outside the hours in some zone.
 */
export function clockMargin(
  startMs: number,
  durationMinutes: number,
  region: RegionHours,
  policy: ZonePolicy = "every-zone",
): number | undefined {
  const zones = policy === "every-zone" ? region.timeZones : region.timeZones.slice(0, 1);
  const workStart = clock(region.workingHours.start);
  const workEnd = clock(region.workingHours.end);
  let margin = Number.POSITIVE_INFINITY;
  for (const zone of zones) {
    const start = DateTime.fromMillis(startMs, { zone });
    const lastMinute = DateTime.fromMillis(startMs + (durationMinutes - 1) * MINUTE_MS, { zone });
    if (start.toISODate() !== lastMinute.toISODate()) return undefined;
    if (!region.workingHours.days.includes(DAYS[start.weekday - 1] ?? "mon")) return undefined;
    const startMinutes = start.hour * 60 + start.minute;
    const endMinutes = lastMinute.hour * 60 + lastMinute.minute + 1;
    if (startMinutes < workStart || endMinutes > workEnd) return undefined;
    margin = Math.min(margin, startMinutes - workStart, workEnd - endMinutes);
  }
  return margin;
}

export function insideByClock(
  startMs: number,
  durationMinutes: number,
  region: RegionHours,
  policy: ZonePolicy = "every-zone",
): boolean {
  return clockMargin(startMs, durationMinutes, region, policy) !== undefined;
}

/** Grid starts in [fromMs, toMs) with room for the slot, the grid following `alignZone`'s clock at `fromMs`. */
export function gridStarts(
  fromMs: number,
  toMs: number,
  durationMinutes: number,
  granularityMinutes: number,
  alignZone: string,
): number[] {
  const step = granularityMinutes * MINUTE_MS;
  const offset = DateTime.fromMillis(fromMs, { zone: alignZone }).offset * MINUTE_MS;
  const starts: number[] = [];
  for (
    let t = Math.ceil((fromMs + offset) / step) * step - offset;
    t + durationMinutes * MINUTE_MS <= toMs;
    t += step
  )
    starts.push(t);
  return starts;
}

/** Every grid slot inside all regions' hours, with the regions it is unsocial for (margin < 60). */
export function oracleSlots(
  regions: readonly RegionHours[],
  fromMs: number,
  toMs: number,
  durationMinutes: number,
  granularityMinutes: number,
  alignZone: string,
): { start: number; unsocial: string[] }[] {
  const slots: { start: number; unsocial: string[] }[] = [];
  for (const start of gridStarts(fromMs, toMs, durationMinutes, granularityMinutes, alignZone)) {
    const margins = regions.map((region) => clockMargin(start, durationMinutes, region));
    if (margins.some((margin) => margin === undefined)) continue;
    slots.push({
      start,
      unsocial: regions.filter((_, index) => (margins[index] ?? 0) < 60).map((region) => region.id),
    });
  }
  return slots;
}
