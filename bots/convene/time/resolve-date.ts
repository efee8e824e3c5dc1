/**
 * Turns what the date words say into actual dates, given today's date in the zone the
 * `<when>` is read in. Rules (each refuses rather than guesses when readings differ):
 * - a year left out means the next such date, today included;
 * - a bare weekday means the next such day; said on that very day it could be today or in
 *   a week, so both are kept;
 * - "next tuesday" is the first Tuesday after today for some people and the Tuesday of next
 *   calendar week for others (week start from config); when those differ both are kept.
 */
import type { Weekday } from "../../../config/network-config.ts";
import { type LocalDateTime, addLocalDays, isCalendarDate, isoWeekday } from "./local-time.ts";
import type { DateSpec } from "./read-date-words.ts";
import type { OptionNote } from "./when-error.ts";

export type LocalDate = Pick<LocalDateTime, "year" | "month" | "day">;

export interface DateReading {
  readonly date: LocalDate;
  readonly note?: OptionNote;
}

const WEEKDAY_NUMBER: Readonly<Record<Weekday, number>> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

// 29 February, written without a year, is at most eight years away (1896 to 1904 skipped one).
const YEARS_SEARCHED = 9;

function plusDays(today: LocalDate, days: number): LocalDate {
  const { year, month, day } = addLocalDays({ ...today, hour: 0, minute: 0 }, days);
  return { year, month, day };
}

function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The next `month`/`day` on or after `today`. */
function nextOccurrence(today: LocalDate, month: number, day: number): LocalDate | undefined {
  for (let year = today.year; year < today.year + YEARS_SEARCHED; year++) {
    const date = { year, month, day };
    if (isCalendarDate(year, month, day) && compareDates(date, today) >= 0) return date;
  }
  return undefined;
}

/** The dates `spec` can mean, given `today` in the `<when>`'s zone; more than one is ambiguous. */
export function resolveDate(spec: DateSpec, today: LocalDate, weekStartsOn: Weekday): readonly DateReading[] {
  switch (spec.kind) {
    case "calendar":
      return spec.readings.flatMap((reading) => {
        const date =
          reading.year === undefined
            ? nextOccurrence(today, reading.month, reading.day)
            : { year: reading.year, month: reading.month, day: reading.day };
        if (date === undefined) return [];
        return reading.note === undefined ? [{ date }] : [{ date, note: reading.note }];
      });
    case "relative":
      return [{ date: plusDays(today, spec.days) }];
    case "weekday": {
      const todayNumber = isoWeekday(today);
      if (!spec.next) {
        const ahead = (spec.weekday - todayNumber + 7) % 7;
        if (ahead !== 0) return [{ date: plusDays(today, ahead) }];
        return [
          { date: today, note: "this-week" },
          { date: plusDays(today, 7), note: "next-week" },
        ];
      }
      const coming = ((spec.weekday - todayNumber + 6) % 7) + 1;
      const start = WEEKDAY_NUMBER[weekStartsOn];
      const nextWeekStarts = 7 - ((todayNumber - start + 7) % 7);
      const ofNextWeek = nextWeekStarts + ((spec.weekday - start + 7) % 7);
      if (coming === ofNextWeek) return [{ date: plusDays(today, coming) }];
      return [
        { date: plusDays(today, coming), note: "coming" },
        { date: plusDays(today, ofNextWeek), note: "of-next-week" },
      ];
    }
  }
}
