/**
 * A convening's time, checked once before feeds or reminders use it: the zone is one luxon
 * knows, the start is an instant, the duration is positive and the series rule parses. A
 * stored convening should always pass; one that does not is skipped with a reason rather
 * than breaking the whole feed it appears in.
 *
 * A series must also start on one of its own occurrences (a Tuesday start with
 * BYDAY=MO,WE is refused). RFC 5545 leaves such a series undefined, and readers differ:
 * some count DTSTART as an extra occurrence, others (and `rrule`) skip it, so reminders and
 * calendars would disagree about when it meets. Likewise a start in the second pass of an
 * hour repeated when DST ends is refused: written as local time with a TZID, every RFC 5545
 * reader takes it as the first pass, an hour earlier.
 */
import { DateTime, IANAZone } from "luxon";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { ConveningTime } from "../model/convening.ts";
import { fromFloating, seriesOf, toFloating } from "./floating-time.ts";
import { type SeriesRule, parseSeriesRule } from "./series-rule.ts";

export interface CheckedTime {
  /** The first start, in the convening's zone. */
  readonly start: DateTime<true>;
  readonly zone: string;
  readonly durationMinutes: number;
  readonly rule?: SeriesRule;
}

export function checkTime(time: ConveningTime): Result<CheckedTime, string> {
  if (!IANAZone.isValidZone(time.zone)) return err(`"${time.zone}" is not a time zone`);
  const start = DateTime.fromISO(time.start, { setZone: true });
  if (!start.isValid || !/(?:Z|[+-]\d{2}:?\d{2})$/.test(time.start))
    return err(`"${time.start}" is not an ISO instant with an offset`);
  if (!Number.isInteger(time.durationMinutes) || time.durationMinutes <= 0)
    return err(`duration ${time.durationMinutes} is not a positive number of minutes`);
  const zoned = start.setZone(time.zone);
  if (!zoned.isValid) return err(`"${time.zone}" is not a time zone`);
  if (fromFloating(toFloating(zoned), time.zone) !== zoned.toMillis())
    return err(`the start ${time.start} is in the repeated hour of a DST change in ${time.zone}`);
  if (time.rrule === undefined)
    return ok({ start: zoned, zone: time.zone, durationMinutes: time.durationMinutes });
  const rule = parseSeriesRule(time.rrule);
  if (!rule.ok) return rule;
  const [first] = seriesOf(zoned, rule.value).all((_date, index) => index < 1);
  if (first === undefined || fromFloating(first, time.zone) !== zoned.toMillis())
    return err(`the start ${time.start} is not an occurrence of "${time.rrule}"`);
  return ok({ start: zoned, zone: time.zone, durationMinutes: time.durationMinutes, rule: rule.value });
}
