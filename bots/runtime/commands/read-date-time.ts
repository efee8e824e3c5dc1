/**
 * The date-time argument. Accepted: ISO 8601 with an offset or Z (`2026-03-29T10:00+02:00`),
 * or a local time with an IANA zone (`2026-03-29 10:00 Europe/Berlin`,
 * `2026-03-29T10:00 Europe/Berlin`), as separate words or inside quotes. A local time the
 * clocks skip or pass twice is refused with both readings spelled out: guessing is how
 * cross-zone convenings end up an hour off. Zone abbreviations (EST, CET) are refused
 * because people write "EST" all summer when they mean New York time.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { Token } from "./tokenise-command.ts";
import type { ReadOutcome, ValueKind, ValueProblem } from "./value-kind.ts";
import {
  type WallClock,
  canonicalZone,
  formatClock,
  formatDate,
  formatOffset,
  formatWithOffset,
  knownZones,
  resolveLocalTime,
  wallClockAsUtc,
} from "./zone-offsets.ts";
import { nearestNames } from "./nearest-names.ts";

/** An instant together with the zone it was given in. */
export interface ZonedDateTime {
  /** Milliseconds since the Unix epoch. */
  readonly epochMs: number;
  /** An IANA zone name (`Europe/Berlin`), `UTC`, or a fixed offset (`+05:45`). */
  readonly zone: string;
  /** The zone's offset from UTC at that instant, in minutes (east positive). */
  readonly offsetMinutes: number;
}

const EXPECTED = "YYYY-MM-DD HH:MM Zone or ISO 8601";
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const OFFSET = "(Z|z|[+-]\\d{2}(?::?\\d{2})?)";
const TIME = new RegExp(`^(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?${OFFSET}?$`);
const DATE_T_TIME = /^(\d{4}-\d{1,2}-\d{1,2})[Tt](.+)$/;
const OFFSET_ONLY = new RegExp(`^${OFFSET}$`);
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const ABBREVIATION = /^[A-Z]{2,5}$/;

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface TimeParts {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly offset?: string;
}

/** Parsed pieces before the zone is applied. */
interface Pieces {
  readonly consumed: number;
  readonly date?: string;
  readonly time?: string;
  readonly zone?: string;
}

/** Which of `parts` belong to the date-time, by their shape alone. */
function splitPieces(parts: readonly string[]): Pieces {
  const [first = "", second, third] = parts;
  const joined = DATE_T_TIME.exec(first);
  if (joined !== null) {
    const [, date = "", time = ""] = joined;
    if (TIME.exec(time)?.[4] !== undefined) return { consumed: 1, date, time };
    return second !== undefined && looksLikeZone(second)
      ? { consumed: 2, date, time, zone: second }
      : { consumed: 1, date, time };
  }
  if (!/^\d{4}-\d/.test(first)) return { consumed: 1 };
  if (second === undefined || !/^\d{1,2}:/.test(second)) return { consumed: 1, date: first };
  if (TIME.exec(second)?.[4] !== undefined) return { consumed: 2, date: first, time: second };
  return third !== undefined && looksLikeZone(third)
    ? { consumed: 3, date: first, time: second, zone: third }
    : { consumed: 2, date: first, time: second };
}

function looksLikeZone(word: string): boolean {
  return (
    OFFSET_ONLY.test(word) ||
    (ZONE_NAME.test(word) &&
      (word.includes("/") || ABBREVIATION.test(word) || canonicalZone(word) !== undefined))
  );
}

function parseDate(text: string): DateParts | undefined {
  const match = DATE.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  const valid =
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return valid ? { year, month, day } : undefined;
}

function parseTime(text: string): TimeParts | undefined {
  const match = TIME.exec(text);
  if (match === null) return undefined;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return match[4] === undefined ? { hour, minute, second } : { hour, minute, second, offset: match[4] };
}

/** A fixed offset such as `+05:45`, `-0400`, `+02` or `Z`, in milliseconds. */
function parseOffset(text: string): number | undefined {
  if (text === "Z" || text === "z") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (match === null) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59 || (hours === 14 && minutes > 0)) return undefined;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** Parses the words of a date-time (already split); see the module comment for the forms. */
export function parseDateTimeWords(parts: readonly string[]): {
  readonly consumed: number;
  readonly result: Result<ZonedDateTime, ValueProblem>;
} {
  const pieces = splitPieces(parts);
  const found = parts.slice(0, pieces.consumed).join(" ");
  const fail = (problem: string, extra: Partial<ValueProblem> = {}) => ({
    consumed: pieces.consumed,
    result: err({ found, problem, ...extra }),
  });
  const date = pieces.date === undefined ? undefined : parseDate(pieces.date);
  if (date === undefined) return fail("is not a date");
  if (date.year < MIN_YEAR || date.year > MAX_YEAR)
    return fail(`is outside the years ${MIN_YEAR}-${MAX_YEAR}`);
  if (pieces.time === undefined) return fail("has no time of day");
  const time = parseTime(pieces.time);
  if (time === undefined) return fail("is not a time of day (00:00 to 23:59)");
  const wall: WallClock = { ...date, ...time };
  const fixed =
    time.offset ?? (pieces.zone !== undefined && OFFSET_ONLY.test(pieces.zone) ? pieces.zone : undefined);
  if (fixed !== undefined) {
    const offsetMs = parseOffset(fixed);
    if (offsetMs === undefined) return fail(`has an offset "${fixed}" outside -12:00 to +14:00`);
    return {
      consumed: pieces.consumed,
      result: ok({
        epochMs: wallClockAsUtc(wall) - offsetMs,
        zone: offsetMs === 0 ? "UTC" : formatOffset(offsetMs),
        offsetMinutes: offsetMs / 60_000,
      }),
    };
  }
  if (pieces.zone === undefined)
    return fail("has no time zone", {
      expected: "a zone after the time, e.g. 2026-03-29 10:00 Europe/Berlin",
    });
  const zone =
    pieces.zone.toUpperCase() === "UTC" || pieces.zone.toUpperCase() === "GMT"
      ? "UTC"
      : canonicalZone(pieces.zone);
  if (zone === undefined || (zone !== "UTC" && !pieces.zone.includes("/"))) {
    const [guess] = nearestNames(pieces.zone, knownZones(), 1);
    const hint =
      zone !== undefined || ABBREVIATION.test(pieces.zone)
        ? "a zone name with its region, such as America/New_York; abbreviations and legacy names are ambiguous across summer and winter"
        : guess === undefined
          ? "an IANA zone name such as Europe/Berlin"
          : `an IANA zone name, perhaps ${guess}`;
    return fail(`has a time zone "${pieces.zone}" I cannot use`, { expected: hint });
  }
  return { consumed: pieces.consumed, result: resolveInZone(wall, zone, found) };
}

function resolveInZone(wall: WallClock, zone: string, found: string): Result<ZonedDateTime, ValueProblem> {
  const resolution = resolveLocalTime(wall, zone);
  if (resolution.kind === "unique")
    return ok({ epochMs: resolution.epochMs, zone, offsetMinutes: resolution.offsetMs / 60_000 });
  const alternatives = resolution.readings.map((reading) =>
    formatWithOffset(reading.epochMs, reading.offsetMs),
  );
  const [firstReading = "", secondReading = ""] = alternatives;
  const day = formatDate(resolution.clocksFrom);
  const from = formatClock(resolution.clocksFrom);
  const to = formatClock(resolution.clocksTo);
  const problem =
    resolution.kind === "gap"
      ? `does not exist in ${zone}: the clocks jump from ${from} to ${to} on ${day}, so it could mean ${firstReading} or ${secondReading}`
      : `happens twice in ${zone}: the clocks go back from ${from} to ${to} on ${day}, so it could mean ${firstReading} (the first time) or ${secondReading} (the second)`;
  return err({ found, problem, expected: "one of these, written with its UTC offset", alternatives });
}

/** The date-time value kind. */
export function dateTimeValue(): ValueKind<ZonedDateTime> {
  return {
    kind: "date-time",
    expected: EXPECTED,
    placeholder: (name) => `<${name}>`,
    read: (tokens: readonly Token[], at: number): ReadOutcome<ZonedDateTime> => {
      const first = tokens[at];
      if (first === undefined) return { used: 1, result: err({ found: "", problem: "is missing" }) };
      // A quoted date-time ("2026-03-29 10:00 Europe/Berlin") is one token holding all parts.
      if (first.quoted) {
        const words = first.text.trim().split(/\s+/u);
        const parsed = parseDateTimeWords(words);
        if (parsed.consumed < words.length && parsed.result.ok)
          return { used: 1, result: err({ found: first.text, problem: "has extra words after the time" }) };
        return { used: 1, result: parsed.result };
      }
      const words: string[] = [];
      for (const token of tokens.slice(at, at + 3)) {
        if (token.quoted) break;
        words.push(token.text);
      }
      const parsed = parseDateTimeWords(words);
      return { used: parsed.consumed, result: parsed.result };
    },
  };
}
