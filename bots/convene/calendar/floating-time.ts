/**
 * `rrule` works in UTC only; its documented way to get zoned behaviour is to hand it
 * "floating" dates whose UTC fields are the local wall-clock fields, expand, and read each
 * result's fields back as wall-clock time in the zone. These are those conversions.
 */
import { DateTime, IANAZone } from "luxon";
import rrulePackage from "rrule";
import type { SeriesRule } from "./series-rule.ts";

// rrule is CommonJS: Node's ESM loader exposes only its default export.
const { RRule } = rrulePackage;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The `rrule` series of a rule starting at `start` (a time in the convening's zone). */
export function seriesOf(start: DateTime, rule: SeriesRule): InstanceType<typeof RRule> {
  return new RRule({
    ...rule.options,
    dtstart: toFloating(start),
    // UNTIL is an instant; in floating terms it is its wall-clock time in the zone.
    until:
      rule.until === undefined ? null : toFloating(DateTime.fromMillis(rule.until, { zone: start.zone })),
  });
}

export function toFloating(local: DateTime): Date {
  return new Date(
    Date.UTC(
      local.year,
      local.month - 1,
      local.day,
      local.hour,
      local.minute,
      local.second,
      local.millisecond,
    ),
  );
}

/**
 * The instant of a wall-clock time in the zone, read as RFC 5545 §3.3.5 says: a time that
 * occurs twice (the autumn hour repeated) is the first of the two, and a time that does not
 * occur (the spring gap) is read with the offset before the gap. luxon gets the gap right
 * but picks the second of a repeated time, so repeated times are resolved here.
 */
export function fromFloating(floating: Date, zone: string): number {
  const wall = floating.getTime();
  const luxonReading = DateTime.fromMillis(wall, { zone: "utc" })
    .setZone(zone, { keepLocalTime: true })
    .toMillis();
  // Every instant showing this wall-clock time has one of the offsets in force around it.
  const tz = IANAZone.create(zone);
  const readings = [luxonReading - DAY_MS, luxonReading, luxonReading + DAY_MS]
    .map((around) => wall - tz.offset(around) * MINUTE_MS)
    .filter((instant) => instant + tz.offset(instant) * MINUTE_MS === wall);
  return readings.length === 0 ? luxonReading : Math.min(...readings);
}
