/**
 * The `<when>` of `!convene schedule` and `!convene reschedule`. Accepted:
 * - an ISO date-time with an offset or Z (`2026-12-03T11:00Z`): that exact instant;
 * - an ISO date-time without one (`2026-12-03T14:00`): local time in the zone;
 * - a date then a time: `2026-12-03 14:00`, `3 Dec 2026 2pm`, `25/12/2026 9:30`,
 *   `tomorrow 09:30`, `tuesday 15:00`, `next tuesday 15h`, `mardi prochain 15h`;
 * each optionally followed by an IANA zone (else the caller's zone). "Today", "tomorrow"
 * and weekdays count from now in that zone.
 *
 * Anything with more than one reading is refused with every reading spelled out (see
 * `resolve-date.ts` for the date rules, `read-clock-words.ts` for bare hours), as is a time
 * with no date, a local time the clocks skip or show twice, and a time already past. A
 * convening an hour or a day off costs a whole network a meeting; a second message is cheap.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { Weekday } from "../../../config/network-config.ts";
import {
  type LocalDateTime,
  type Reading,
  addLocalDays,
  formatLocalClock,
  formatLocalDate,
  formatLocalWithOffset,
  formatOffset,
  isCalendarDate,
  isoUtc,
  localMsOf,
  offsetMinutesAt,
  resolveLocalTime,
  wallClockAt,
} from "./local-time.ts";
import { readClockWords, type ClockReading, type ClockSpec } from "./read-clock-words.ts";
import { readDateWords, type DateSpec } from "./read-date-words.ts";
import { looksLikeZone, readZone } from "./read-zone.ts";
import { resolveDate } from "./resolve-date.ts";
import type { OptionNote, WhenError, WhenOption } from "./when-error.ts";

export interface WhenContext {
  /** The moment the command was sent. */
  readonly now: Date | string;
  /** The caller's IANA zone, used when the `<when>` names none. */
  readonly defaultZone: string;
  /** First day of the week, for "next <weekday>" (config `convening.locale.weekStartsOn`); Monday if absent. */
  readonly weekStartsOn?: Weekday;
}

/** A start the person meant unambiguously. */
export interface ParsedWhen {
  /** ISO-8601 UTC instant, as `ConveningTime.start`. */
  readonly start: string;
  /** The zone it was given in (the series repeats at this zone's wall-clock time). */
  readonly zone: string;
}

export interface WhenWords {
  /** How many words the `<when>` took (the rest belong to the command). */
  readonly consumed: number;
  readonly result: Result<ParsedWhen, WhenError>;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;
const FILLERS = new Set(["at", "à", "a"]);
const MINUTE_MS = 60_000;

/** A local reading to resolve, with the note telling it apart from its siblings. */
interface Candidate {
  readonly wall: LocalDateTime;
  readonly note?: OptionNote;
}

function optionOf(reading: Reading, zone: string, note: OptionNote): WhenOption {
  return { start: isoUtc(reading.epochMs), zone, local: formatLocalWithOffset(reading), note };
}

function localText(wall: LocalDateTime): string {
  return `${formatLocalDate(wall)}T${formatLocalClock(wall)}`;
}

/** Minutes east of UTC for "Z", "+05:45", "-0400", "+02"; undefined beyond ±14:00. */
function offsetMinutesOf(text: string): number | undefined {
  if (text === "Z" || text === "z") return 0;
  const match = OFFSET.exec(text);
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  if (Number(match[3] ?? 0) > 59 || minutes > 14 * 60) return undefined;
  return match[1] === "-" ? -minutes : minutes;
}

/** The pieces of the words, before any zone is applied. */
type Pieces =
  | {
      readonly kind: "instant";
      readonly token: string;
      readonly wall: LocalDateTime;
      /** Seconds and milliseconds past the minute, in milliseconds. */
      readonly extraMs: number;
      readonly offsetMinutes: number;
    }
  | { readonly kind: "local"; readonly date?: DateSpec; readonly clock?: ClockSpec };

/** An ISO date-time word: an instant when it has an offset, a local reading otherwise. */
function readIsoDateTime(word: string, iso: RegExpExecArray): Result<Pieces, WhenError> {
  const field = (index: number): number => Number(iso[index] ?? 0);
  const [year, month, day, hour, minute, second] = [
    field(1),
    field(2),
    field(3),
    field(4),
    field(5),
    field(6),
  ];
  if (month < 1 || month > 12) return err({ kind: "invalid-date", token: word, reason: "no-such-month" });
  if (!isCalendarDate(year, month, day))
    return err({ kind: "invalid-date", token: word, reason: "no-such-day" });
  if (hour > 23 || minute > 59 || second > 59) return err({ kind: "invalid-time", token: word });
  const offsetText = iso[8];
  if (offsetText === undefined) {
    // A local reading to the minute: seconds would be false precision for a meeting.
    if (second !== 0) return err({ kind: "invalid-time", token: word });
    return ok({
      kind: "local",
      date: { kind: "calendar", token: word, readings: [{ year, month, day }] },
      clock: { token: word, readings: [{ hour, minute }] },
    });
  }
  const offsetMinutes = offsetMinutesOf(offsetText);
  if (offsetMinutes === undefined) return err({ kind: "invalid-time", token: word });
  const milliseconds = Number((iso[7] ?? "").padEnd(3, "0").slice(0, 3));
  return ok({
    kind: "instant",
    token: word,
    wall: { year, month, day, hour, minute },
    extraMs: second * 1000 + milliseconds,
    offsetMinutes,
  });
}

function readPieces(words: readonly string[]): { used: number; result: Result<Pieces, WhenError> } {
  const first = words[0] ?? "";
  const iso = ISO_DATE_TIME.exec(first);
  if (iso !== null) return { used: 1, result: readIsoDateTime(first, iso) };

  let used = 0;
  const date = readDateWords(words, used);
  if (date !== undefined) {
    if (!date.result.ok) return { used: date.used, result: date.result };
    used += date.used;
    if (FILLERS.has((words[used] ?? "").toLowerCase()) && readClockWords(words, used + 1) !== undefined)
      used++;
  }
  const clock = readClockWords(words, used);
  if (clock !== undefined) {
    if (!clock.result.ok) return { used: used + clock.used, result: clock.result };
    used += clock.used;
  }
  if (date === undefined && clock === undefined)
    return { used: 1, result: err({ kind: "unrecognised", token: first }) };
  return {
    used,
    result: ok({
      kind: "local",
      ...(date?.result.ok === true ? { date: date.result.value } : {}),
      ...(clock?.result.ok === true ? { clock: clock.result.value } : {}),
    }),
  };
}

/** Reads an exact instant and checks its offset against a named zone. */
function resolveInstant(
  pieces: Extract<Pieces, { kind: "instant" }>,
  zone: string,
  zoneNamed: boolean,
  nowMs: number,
): Result<ParsedWhen, WhenError> {
  const epochMs = localMsOf(pieces.wall) + pieces.extraMs - pieces.offsetMinutes * MINUTE_MS;
  const zoneOffset = offsetMinutesAt(zone, epochMs);
  if (zoneNamed && zoneOffset !== pieces.offsetMinutes) {
    // "2026-12-03T14:00+03:00 Europe/Brussels": 14:00 in Nairobi, or 14:00 in Brussels?
    const asWritten = optionOf({ epochMs, offsetMinutes: zoneOffset }, zone, "as-written");
    const resolution = resolveLocalTime(pieces.wall, zone);
    const inZone = resolution.kind === "unique" ? [optionOf(resolution.reading, zone, "in-zone")] : [];
    return err({
      kind: "offset-conflict",
      token: pieces.token,
      zone,
      writtenOffset: formatOffset(pieces.offsetMinutes),
      zoneOffset: formatOffset(zoneOffset),
      options: [asWritten, ...inZone].filter((option) => Date.parse(option.start) >= nowMs),
    });
  }
  if (epochMs < nowMs) return err(pastError(epochMs, zone));
  return ok({ start: isoUtc(epochMs), zone });
}

function pastError(epochMs: number, zone: string): WhenError {
  return {
    kind: "in-the-past",
    start: isoUtc(epochMs),
    zone,
    local: formatLocalWithOffset({ epochMs, offsetMinutes: offsetMinutesAt(zone, epochMs) }),
  };
}

/** Every option a candidate reading gives (two when the clocks skip it or show it twice). */
function optionsOf(candidate: Candidate, zone: string, fallback: OptionNote): WhenOption[] {
  const resolution = resolveLocalTime(candidate.wall, zone);
  const note = candidate.note ?? fallback;
  if (resolution.kind === "unique") return [optionOf(resolution.reading, zone, note)];
  return resolution.readings.map((reading) => optionOf(reading, zone, note));
}

/** Resolves one unambiguous local reading. */
function resolveSingle(wall: LocalDateTime, zone: string, nowMs: number): Result<ParsedWhen, WhenError> {
  const resolution = resolveLocalTime(wall, zone);
  if (resolution.kind === "unique") {
    if (resolution.reading.epochMs < nowMs) return err(pastError(resolution.reading.epochMs, zone));
    return ok({ start: isoUtc(resolution.reading.epochMs), zone });
  }
  const notes: readonly [OptionNote, OptionNote] =
    resolution.kind === "gap" ? ["before-change", "after-change"] : ["first", "second"];
  const options = resolution.readings
    .map((reading, index) => optionOf(reading, zone, notes[index] ?? "first"))
    .filter((option) => Date.parse(option.start) >= nowMs);
  const [firstReading] = resolution.readings;
  if (options.length === 0) return err(pastError(firstReading.epochMs, zone));
  return err({
    kind: resolution.kind === "gap" ? "nonexistent-local-time" : "repeated-local-time",
    local: localText(wall),
    zone,
    clocksFrom: formatLocalClock(resolution.clocksFrom),
    clocksTo: formatLocalClock(resolution.clocksTo),
    options,
  });
}

function withClock(date: Omit<LocalDateTime, "hour" | "minute">, clock: ClockReading): LocalDateTime {
  return { year: date.year, month: date.month, day: date.day, hour: clock.hour, minute: clock.minute };
}

function resolveLocal(
  pieces: Extract<Pieces, { kind: "local" }>,
  zone: string,
  context: WhenContext,
  nowMs: number,
): Result<ParsedWhen, WhenError> {
  const { date, clock } = pieces;
  if (clock === undefined) return err({ kind: "missing-time", token: date?.token ?? "" });
  const now = wallClockAt(zone, nowMs);
  if (date === undefined) {
    const candidates = [0, 1].flatMap((days) =>
      clock.readings.map((reading): Candidate => {
        const wall = addLocalDays(withClock(now, reading), days);
        return { wall, note: days === 0 ? "today" : "tomorrow" };
      }),
    );
    const options = candidates
      .flatMap((candidate) => optionsOf(candidate, zone, "today"))
      .filter((option) => Date.parse(option.start) >= nowMs);
    return err({ kind: "missing-date", token: clock.token, options });
  }
  const dates = resolveDate(date, now, context.weekStartsOn ?? "mon");
  const candidates: Candidate[] = dates.flatMap((dateReading) =>
    clock.readings.map((clockReading) => {
      const note = dateReading.note ?? clockReading.note;
      const wall = withClock(dateReading.date, clockReading);
      return note === undefined ? { wall } : { wall, note };
    }),
  );
  const [only] = candidates;
  if (only === undefined) return err({ kind: "invalid-date", token: date.token, reason: "no-such-day" });
  if (candidates.length === 1) return resolveSingle(only.wall, zone, nowMs);
  const what = dates.length > 1 ? (date.kind === "weekday" ? "weekday" : "date") : "hour";
  const token = what === "hour" ? clock.token : date.token;
  const options = candidates
    .flatMap((candidate) => optionsOf(candidate, zone, "first"))
    .filter((option) => Date.parse(option.start) >= nowMs);
  if (options.length === 0) return resolveSingle(only.wall, zone, nowMs);
  return err({ kind: "ambiguous", what, token, options });
}

/**
 * Reads a `<when>` from the start of `words` (already split on spaces), stopping where it
 * ends; `consumed` says how many words it took, so a command reader can go on from there.
 */
export function parseWhenWords(words: readonly string[], context: WhenContext): WhenWords {
  if (words.length === 0) return { consumed: 0, result: err({ kind: "empty" }) };
  const pieces = readPieces(words);
  if (!pieces.result.ok) return { consumed: pieces.used, result: pieces.result };
  let consumed = pieces.used;
  const zoneWord = words[consumed];
  const zoneNamed = zoneWord !== undefined && looksLikeZone(zoneWord);
  if (zoneNamed) consumed++;
  const zone = readZone(zoneNamed ? zoneWord : context.defaultZone);
  if (!zone.ok) return { consumed, result: zone };
  const nowMs = typeof context.now === "string" ? Date.parse(context.now) : context.now.getTime();
  const result =
    pieces.result.value.kind === "instant"
      ? resolveInstant(pieces.result.value, zone.value, zoneNamed, nowMs)
      : resolveLocal(pieces.result.value, zone.value, context, nowMs);
  return { consumed, result };
}

/** Reads a whole text as a `<when>`; words left over are an error. */
export function parseWhen(text: string, context: WhenContext): Result<ParsedWhen, WhenError> {
  const words = text
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  const { consumed, result } = parseWhenWords(words, context);
  if (!result.ok) return result;
  const extra = words.slice(consumed);
  return extra.length > 0 ? err({ kind: "extra-words", words: extra }) : result;
}
