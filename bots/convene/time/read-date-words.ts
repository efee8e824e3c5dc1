/**
 * The date words of a `<when>`, read into what they say before any zone or "today" is
 * known: a calendar date (one reading, or two when `03/12/2026` could be either order),
 * a day relative to today, or a weekday. English and French words are understood, since
 * the network works in both. Resolving to actual dates is `resolve-date.ts`.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import { isCalendarDate } from "./local-time.ts";
import type { WhenError } from "./when-error.ts";

/** A calendar reading; `year` is absent when the person left it out (the next such date). */
export interface CalendarReading {
  readonly year?: number;
  readonly month: number;
  readonly day: number;
  readonly note?: "day-first" | "month-first";
}

export type DateSpec =
  | { readonly kind: "calendar"; readonly token: string; readonly readings: readonly CalendarReading[] }
  /** Today (0) or tomorrow (1). */
  | { readonly kind: "relative"; readonly token: string; readonly days: number }
  /** 1 = Monday ... 7 = Sunday; `next` for "next tuesday" / "mardi prochain". */
  | { readonly kind: "weekday"; readonly token: string; readonly weekday: number; readonly next: boolean };

export interface DateWords {
  /** How many words the date took. */
  readonly used: number;
  readonly result: Result<DateSpec, WhenError>;
}

// Maps, not object literals: a word like "constructor" must not find Object.prototype's.
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["january", "jan", "janvier", "janv"],
    ["february", "feb", "février", "fevrier", "févr", "fevr", "fév", "fev"],
    ["march", "mar", "mars"],
    ["april", "apr", "avril", "avr"],
    ["may", "mai"],
    ["june", "jun", "juin"],
    ["july", "jul", "juillet", "juil"],
    ["august", "aug", "août", "aout"],
    ["september", "sep", "sept", "septembre"],
    ["october", "oct", "octobre"],
    ["november", "nov", "novembre"],
    ["december", "dec", "décembre", "decembre", "déc"],
  ].flatMap((names, index) => names.map((name) => [name, index + 1])),
);

const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  [
    ["monday", "mon", "lundi"],
    ["tuesday", "tue", "tues", "mardi"],
    ["wednesday", "wed", "mercredi"],
    ["thursday", "thu", "thur", "thurs", "jeudi"],
    ["friday", "fri", "vendredi"],
    ["saturday", "sat", "samedi"],
    ["sunday", "sun", "dimanche"],
    // French abbreviations are left out: "mar" is also March, "sam" and "dim" are words.
  ].flatMap((names, index) => names.map((name) => [name, index + 1])),
);

const RELATIVE: ReadonlyMap<string, number> = new Map([
  ["today", 0],
  ["aujourd'hui", 0],
  ["aujourdhui", 0],
  ["tomorrow", 1],
  ["demain", 1],
]);

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
// Day and month in either order, then perhaps a year: 03/12/2026, 3.12.2026, 03/12.
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d+))?$/;
const DAY_NUMBER = /^(\d{1,2})(?:st|nd|rd|th|er)?,?$/;
const YEAR = /^(\d{4})$/;

function lower(word: string | undefined): string {
  return (word ?? "").toLowerCase().replace(/[.,]$/, "");
}

function calendar(token: string, readings: readonly CalendarReading[]): Result<DateSpec, WhenError> {
  return ok({ kind: "calendar", token, readings });
}

/** One reading, checked: a month outside 1-12 or a day the month lacks is refused. */
function single(token: string, year: number | undefined, month: number, day: number): DateWords["result"] {
  if (month < 1 || month > 12) return err({ kind: "invalid-date", token, reason: "no-such-month" });
  // Without a year, 29 February exists (in some year) and is found later.
  if (!isCalendarDate(year ?? 2000, month, day))
    return err({ kind: "invalid-date", token, reason: "no-such-day" });
  return calendar(token, [year === undefined ? { month, day } : { year, month, day }]);
}

/** `a/b[/year]`: day first or month first; both kept when both are real and differ. */
function numericDate(token: string, a: number, b: number, yearText: string | undefined): DateWords["result"] {
  if (yearText !== undefined && yearText.length !== 4)
    return err({ kind: "invalid-date", token, reason: "two-digit-year" });
  const year = yearText === undefined ? undefined : Number(yearText);
  const valid = (month: number, day: number): boolean =>
    month >= 1 && month <= 12 && isCalendarDate(year ?? 2000, month, day);
  const readings: CalendarReading[] = [];
  const withYear = (reading: CalendarReading): CalendarReading =>
    year === undefined ? reading : { year, ...reading };
  if (valid(b, a)) readings.push(withYear({ month: b, day: a, note: "day-first" }));
  if (valid(a, b) && a !== b) readings.push(withYear({ month: a, day: b, note: "month-first" }));
  if (readings.length === 0)
    return err({ kind: "invalid-date", token, reason: a > 12 && b > 12 ? "no-such-month" : "no-such-day" });
  // A single possible reading is not ambiguous: 25/12/2026 can only be 25 December.
  const [only] = readings;
  if (readings.length === 1 && only !== undefined) return calendar(token, [withoutNote(only)]);
  return calendar(token, readings);
}

function withoutNote(reading: CalendarReading): CalendarReading {
  return reading.year === undefined
    ? { month: reading.month, day: reading.day }
    : { year: reading.year, month: reading.month, day: reading.day };
}

/** `3 dec [2026]` or `dec 3[,] [2026]`, from `at`; undefined when the words are not that. */
function namedMonthDate(words: readonly string[], at: number): DateWords | undefined {
  const [first, second, third] = [words[at], words[at + 1], words[at + 2]];
  const dayFirst = DAY_NUMBER.exec(first ?? "");
  const monthSecond = MONTHS.get(lower(second));
  const monthFirst = MONTHS.get(lower(first));
  const daySecond = DAY_NUMBER.exec(second ?? "");
  let day: number;
  let month: number;
  if (dayFirst !== null && monthSecond !== undefined) {
    day = Number(dayFirst[1]);
    month = monthSecond;
  } else if (monthFirst !== undefined && daySecond !== null) {
    day = Number(daySecond[1]);
    month = monthFirst;
  } else return undefined;
  const year = YEAR.exec(third ?? "");
  const used = year === null ? 2 : 3;
  const token = words.slice(at, at + used).join(" ");
  return { used, result: single(token, year === null ? undefined : Number(year[1]), month, day) };
}

/**
 * Reads the date at `words[at]`. Undefined when the word does not start a date at all (it
 * may be a time); an error when it clearly tries to be one and fails.
 */
export function readDateWords(words: readonly string[], at: number): DateWords | undefined {
  const word = words[at];
  if (word === undefined) return undefined;
  const key = lower(word);

  const iso = ISO_DATE.exec(word) ?? YEAR_FIRST.exec(word);
  if (iso !== null) return { used: 1, result: single(word, Number(iso[1]), Number(iso[2]), Number(iso[3])) };
  const numeric = NUMERIC.exec(word);
  if (numeric !== null)
    return { used: 1, result: numericDate(word, Number(numeric[1]), Number(numeric[2]), numeric[3]) };

  const relative = RELATIVE.get(key);
  if (relative !== undefined)
    return { used: 1, result: ok({ kind: "relative", token: word, days: relative }) };

  const named = namedMonthDate(words, at);
  if (named !== undefined) return named;

  if (key === "next" || key === "this") {
    const weekday = WEEKDAYS.get(lower(words[at + 1]));
    if (weekday === undefined) return undefined;
    const token = `${word} ${words[at + 1] ?? ""}`;
    return { used: 2, result: ok({ kind: "weekday", token, weekday, next: key === "next" }) };
  }
  const weekday = WEEKDAYS.get(key);
  if (weekday !== undefined) {
    // French puts "prochain" after the day: "mardi prochain".
    const next = /^prochaine?$/.test(lower(words[at + 1]));
    const used = next ? 2 : 1;
    const token = words.slice(at, at + used).join(" ");
    return { used, result: ok({ kind: "weekday", token, weekday, next }) };
  }
  return undefined;
}
