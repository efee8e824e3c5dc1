/**
 * The digest edition schedule may be written as a cron line restricted to "once a week"
 * ("0 9 * * MON"), for people used to cron. Anything more (steps, ranges, day-of-month) is
 * refused instead of half-supported: an edition is weekly.
 */
import { type Result, ok, err } from "../lib/result.ts";
import { WEEKDAYS, type Weekday } from "./schema-primitives.ts";

const CRON_DAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** Parses "MIN HOUR * * DAY" (DAY 0-7 or mon..sun) into a weekday and "HH:MM". */
export function parseWeeklyCron(text: string): Result<{ day: Weekday; time: string }, string> {
  const expected = `expected a weekly cron line "MIN HOUR * * DAY" such as "0 9 * * mon", found "${text}"`;
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 5) return err(expected);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (dayOfMonth !== "*" || month !== "*") return err(expected);
  if (!/^\d{1,2}$/.test(minute) || Number(minute) > 59) return err(`${expected} (minute must be 0-59)`);
  if (!/^\d{1,2}$/.test(hour) || Number(hour) > 23) return err(`${expected} (hour must be 0-23)`);
  const lower = dayOfWeek.toLowerCase();
  const day = /^[0-7]$/.test(lower)
    ? CRON_DAYS[Number(lower)]
    : WEEKDAYS.find((name) => name === lower.slice(0, 3) && lower.length === 3);
  if (day === undefined) return err(`${expected} (day must be 0-7 or mon..sun)`);
  return ok({ day, time: `${hour.padStart(2, "0")}:${minute.padStart(2, "0")}` });
}
