/**
 * The time-of-day words of a `<when>`: `14:00`, `9:30`, `2pm`, `2:30 pm`, `14h`, `14h30`
 * (French), or a bare hour. A bare hour from 1 to 12 could be morning or afternoon and
 * gets both readings; 0 and 13-23 can only mean one thing. "2h" is 02:00, as in French; it
 * is only read where a time is expected, so a duration after a complete `<when>` is safe.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { WhenError } from "./when-error.ts";

export interface ClockReading {
  readonly hour: number;
  readonly minute: number;
  readonly note?: "morning" | "afternoon";
}

export interface ClockSpec {
  readonly token: string;
  readonly readings: readonly ClockReading[];
}

export interface ClockWords {
  readonly used: number;
  readonly result: Result<ClockSpec, WhenError>;
}

const H24 = /^(\d{1,2}):(\d{2})$/;
const FRENCH = /^(\d{1,2})h(\d{2})?$/i;
const H12 = /^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)$/i;
const MERIDIEM = /^(am|pm|a\.m\.|p\.m\.)$/i;
const BARE = /^(\d{1,2})(?::(\d{2}))?$/;
// Anything shaped like an attempt at a time, so "25:00" or "14:00:00" is reported as a bad
// time rather than as an unknown word.
const TIME_LIKE = /^\d{1,2}(?:[:h]\d*|(?::\d+)*(?:am|pm))/i;

function clock(token: string, readings: readonly ClockReading[]): Result<ClockSpec, WhenError> {
  return ok({ token, readings });
}

function h24(token: string, hour: number, minute: number): Result<ClockSpec, WhenError> {
  if (hour > 23 || minute > 59) return err({ kind: "invalid-time", token });
  return clock(token, [{ hour, minute }]);
}

function h12(token: string, hour: number, minute: number, meridiem: string): Result<ClockSpec, WhenError> {
  if (hour < 1 || hour > 12 || minute > 59) return err({ kind: "invalid-time", token });
  const pm = meridiem.toLowerCase().startsWith("p");
  return clock(token, [{ hour: (hour % 12) + (pm ? 12 : 0), minute }]);
}

/** Reads the time at `words[at]`; undefined when the word is not a time at all. */
export function readClockWords(words: readonly string[], at: number): ClockWords | undefined {
  const word = words[at];
  if (word === undefined) return undefined;

  const next = words[at + 1];
  const bare = BARE.exec(word);
  if (bare !== null && next !== undefined && MERIDIEM.test(next)) {
    const token = `${word} ${next}`;
    return { used: 2, result: h12(token, Number(bare[1]), Number(bare[2] ?? 0), next) };
  }
  const twelve = H12.exec(word);
  if (twelve !== null)
    return { used: 1, result: h12(word, Number(twelve[1]), Number(twelve[2] ?? 0), twelve[3] ?? "") };
  const colon = H24.exec(word) ?? FRENCH.exec(word);
  if (colon !== null) return { used: 1, result: h24(word, Number(colon[1]), Number(colon[2] ?? 0)) };
  if (bare !== null) {
    const hour = Number(bare[1]);
    if (hour > 23) return { used: 1, result: err({ kind: "invalid-time", token: word }) };
    if (hour === 0 || hour > 12) return { used: 1, result: clock(word, [{ hour, minute: 0 }]) };
    return {
      used: 1,
      result: clock(word, [
        { hour: hour % 12, minute: 0, note: "morning" },
        { hour: (hour % 12) + 12, minute: 0, note: "afternoon" },
      ]),
    };
  }
  if (TIME_LIKE.test(word)) return { used: 1, result: err({ kind: "invalid-time", token: word }) };
  return undefined;
}
