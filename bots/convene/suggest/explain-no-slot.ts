/**
 * Why no slot fits, narrowed to what an organiser can act on: first a region that has no
 * long enough working stretch by itself, then the pairs of regions that never overlap long
 * enough (drop or split one of them), and only then "no time common to all". Each region's
 * hours are given on its own clock and on the UTC clock, so the overlap can be seen.
 */
import { intersectIntervals, zoneWorkingIntervals, type Interval } from "../time/working-hours.ts";
import { formatLocalClock, wallOf } from "../time/local-time.ts";
import type { NoSlotReason, RegionHoursUtc } from "./suggest-request.ts";
import type { SearchSpace } from "./slot-candidates.ts";

const MINUTE_MS = 60_000;

/** The longest of `intervals` within the window [fromMs, toMs), in minutes. */
function longestWithin(intervals: readonly Interval[], fromMs: number, toMs: number): number {
  let longest = 0;
  for (const interval of intervals)
    longest = Math.max(longest, Math.min(interval.end, toMs) - Math.max(interval.start, fromMs));
  return longest / MINUTE_MS;
}

function clockAt(epochMs: number, offsetMinutes: number): string {
  return formatLocalClock(wallOf(epochMs + offsetMinutes * MINUTE_MS));
}

/** A region's hours as they apply in the window (every zone counted), on its clock and UTC's. */
function hoursOf(space: SearchSpace, index: number): RegionHoursUtc {
  const region = space.request.regions[index];
  if (region === undefined) throw new Error(`no region at ${index}`);
  const zone = region.timeZones[0] ?? "UTC";
  const offsetAt = space.offsetsFor(zone);
  const base = { region: region.id, zone, days: region.workingHours.days };
  const day =
    space.regionDays[index]?.[0] ??
    zoneWorkingIntervals(zone, region.workingHours, space.request.fromMs, space.request.toMs, offsetAt)[0];
  if (day !== undefined)
    return {
      ...base,
      localStart: clockAt(day.start, offsetAt(day.start)),
      localEnd: clockAt(day.end, offsetAt(day.end)),
      utcStart: clockAt(day.start, 0),
      utcEnd: clockAt(day.end, 0),
    };
  // No working day at all in the window: the configured hours at the window's offset.
  const offset = offsetAt(space.request.fromMs);
  const [start, end] = [region.workingHours.start, region.workingHours.end].map((clock) => {
    const [h = 0, m = 0] = clock.split(":").map(Number);
    return Date.UTC(2000, 0, 1, h, m) - offset * MINUTE_MS;
  }) as [number, number];
  return {
    ...base,
    localStart: region.workingHours.start,
    localEnd: region.workingHours.end,
    utcStart: clockAt(start, 0),
    utcEnd: clockAt(end, 0),
  };
}

/** The reason no slot was found in `space` (call only when none was). */
export function explainNoSlot(space: SearchSpace): NoSlotReason {
  const { request, regionDays } = space;
  const durationMinutes = request.durationMs / MINUTE_MS;
  const longestMinutes = (intervals: readonly Interval[]): number =>
    longestWithin(intervals, request.fromMs, request.toMs);
  const hours = request.regions.map((_, index) => hoursOf(space, index));
  for (const [index, region] of request.regions.entries()) {
    const days = regionDays[index] ?? [];
    if (longestMinutes(days) >= durationMinutes) continue;
    const zone = region.timeZones[0] ?? "UTC";
    const reference = zoneWorkingIntervals(
      zone,
      region.workingHours,
      request.fromMs,
      request.toMs,
      space.offsetsFor(zone),
    );
    const cause =
      reference.length === 0 ? "no-working-day" : days.length === 0 ? "zones-disjoint" : "too-short";
    return { kind: "region-never-free", region: region.id, cause, hours: hoursOf(space, index) };
  }
  const pairs: { a: string; b: string; longestMinutes: number }[] = [];
  for (let i = 0; i < request.regions.length; i++) {
    for (let j = i + 1; j < request.regions.length; j++) {
      const shared = longestMinutes(intersectIntervals(regionDays[i] ?? [], regionDays[j] ?? []));
      if (shared < durationMinutes)
        pairs.push({
          a: request.regions[i]?.id ?? "",
          b: request.regions[j]?.id ?? "",
          longestMinutes: shared,
        });
    }
  }
  if (pairs.length > 0) return { kind: "no-overlap", pairs, durationMinutes, hours };
  return { kind: "no-common-time", longestMinutes: longestMinutes(space.common), durationMinutes, hours };
}
