/**
 * `every <rule>` of `!convene schedule`, turned into an RFC 5545 RRULE value (without the
 * "RRULE:" prefix, as `ConveningTime.rrule` keeps it). Understood: `every day`,
 * `every week`, `every 2 weeks`, `every other week`, `every month`, `every 3 months`,
 * `every weekday`; then optionally `x6`, `count 6` or `6 times`, or `until 2027-01-31`
 * (inclusive, in the series' zone). The rule is read back with the rrule library before it
 * is returned, so the bot never stores one that other calendar software would reject.
 */
import rrulePackage from "rrule";
import { type Result, ok, err } from "../../../lib/result.ts";
import {
  type LocalDateTime,
  isCalendarDate,
  isoWeekday,
  localMsOf,
  pickInstant,
  resolveLocalTime,
  wallClockAt,
} from "./local-time.ts";
import { expandSeries } from "./expand-series.ts";

const { RRule } = rrulePackage;

export interface RecurrenceContext {
  /** The first start, ISO-8601 UTC (from `parseWhen`). */
  readonly start: string;
  /** The zone the series keeps its wall-clock time in. */
  readonly zone: string;
}

export type RecurrenceError =
  /** The words do not start with "every". */
  | { readonly kind: "not-a-recurrence"; readonly token: string }
  | { readonly kind: "missing-frequency" }
  | { readonly kind: "unknown-frequency"; readonly token: string }
  /** `every 0 weeks`, `every 200 days`, `every 2 weekdays`. */
  | { readonly kind: "bad-interval"; readonly token: string }
  | { readonly kind: "bad-count"; readonly token: string; readonly max: number }
  | { readonly kind: "bad-until"; readonly token: string; readonly reason: "not-a-date" | "before-start" }
  | { readonly kind: "count-and-until" }
  | { readonly kind: "too-many-occurrences"; readonly max: number }
  /** Monthly from the 29th-31st: RFC 5545 silently skips months without that day. */
  | { readonly kind: "month-day-missing"; readonly day: number }
  /** `every weekday` starting on a Saturday or Sunday. */
  | { readonly kind: "start-not-weekday" }
  | { readonly kind: "extra-words"; readonly words: readonly string[] };

export interface RecurrenceWords {
  readonly consumed: number;
  readonly result: Result<string, RecurrenceError>;
}

/** The most occurrences a series may have (a year of daily sessions). */
export const MAX_OCCURRENCES = 366;
const MAX_INTERVAL = 52;

type Frequency = "DAILY" | "WEEKLY" | "MONTHLY";
// A Map, not an object literal: "every constructor" must not find Object.prototype's.
const UNITS: ReadonlyMap<string, Frequency> = new Map([
  ["day", "DAILY"],
  ["days", "DAILY"],
  ["week", "WEEKLY"],
  ["weeks", "WEEKLY"],
  ["month", "MONTHLY"],
  ["months", "MONTHLY"],
]);
const COUNT_INLINE = /^[x×](\d+)$/i;
const NUMBER = /^\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Rule {
  readonly freq: Frequency;
  readonly interval: number;
  readonly weekdays: boolean;
  readonly count?: number;
  /** Inclusive last local date. */
  readonly until?: LocalDateTime;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function icalUtc(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** Reads `every ...` from the start of `words`; `consumed` says how many words it took. */
export function parseRecurrenceWords(words: readonly string[], context: RecurrenceContext): RecurrenceWords {
  const lower = words.map((word) => word.toLowerCase());
  const fail = (consumed: number, error: RecurrenceError): RecurrenceWords => ({
    consumed,
    result: err(error),
  });
  if (lower[0] !== "every") return fail(0, { kind: "not-a-recurrence", token: words[0] ?? "" });
  let at = 1;
  let interval = 1;
  const amount = lower[at];
  if (amount === undefined) return fail(at, { kind: "missing-frequency" });
  if (amount === "other") {
    interval = 2;
    at++;
  } else if (NUMBER.test(amount)) {
    interval = Number(amount);
    if (interval < 1 || interval > MAX_INTERVAL) return fail(at + 1, { kind: "bad-interval", token: amount });
    at++;
  }
  const unit = lower[at];
  if (unit === undefined) return fail(at, { kind: "missing-frequency" });
  const weekdays = unit === "weekday" || unit === "weekdays";
  const freq = weekdays ? "WEEKLY" : UNITS.get(unit);
  if (freq === undefined) return fail(at + 1, { kind: "unknown-frequency", token: words[at] ?? "" });
  if (weekdays && interval !== 1)
    return fail(at + 1, { kind: "bad-interval", token: `${words[at - 1] ?? ""} ${words[at] ?? ""}` });
  at++;

  let count: number | undefined;
  let until: LocalDateTime | undefined;
  for (;;) {
    const word = lower[at];
    if (word === undefined) break;
    const inline = COUNT_INLINE.exec(word);
    let countText: string | undefined;
    let countToken = words[at] ?? "";
    let used: number;
    if (inline !== null) {
      countText = inline[1];
      used = 1;
    } else if (word === "count") {
      countText = lower[at + 1] ?? "";
      countToken = `${words[at] ?? ""} ${words[at + 1] ?? ""}`.trim();
      used = 2;
    } else if (NUMBER.test(word) && lower[at + 1] === "times") {
      countText = word;
      countToken = `${words[at] ?? ""} ${words[at + 1] ?? ""}`;
      used = 2;
    } else if (word === "until") {
      const token = words[at + 1] ?? "";
      const match = ISO_DATE.exec(token);
      const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
      if (match === null || !isCalendarDate(year, month, day))
        return fail(at + 2, { kind: "bad-until", token, reason: "not-a-date" });
      if (until !== undefined || count !== undefined) return fail(at + 2, { kind: "count-and-until" });
      until = { year, month, day, hour: 23, minute: 59 };
      at += 2;
      continue;
    } else break;
    if (
      countText === undefined ||
      !NUMBER.test(countText) ||
      Number(countText) < 1 ||
      Number(countText) > MAX_OCCURRENCES
    )
      return fail(at + used, { kind: "bad-count", token: countToken, max: MAX_OCCURRENCES });
    if (until !== undefined || count !== undefined) return fail(at + used, { kind: "count-and-until" });
    count = Number(countText);
    at += used;
  }
  const rule: Rule = {
    freq,
    interval,
    weekdays,
    ...(count === undefined ? {} : { count }),
    ...(until === undefined ? {} : { until }),
  };
  return { consumed: at, result: buildRrule(rule, context) };
}

/** Checks the rule against the series' start and writes the RRULE value. */
function buildRrule(rule: Rule, context: RecurrenceContext): Result<string, RecurrenceError> {
  const startMs = Date.parse(context.start);
  const first = wallClockAt(context.zone, startMs);
  if (rule.freq === "MONTHLY" && first.day > 28) return err({ kind: "month-day-missing", day: first.day });
  if (rule.weekdays && isoWeekday(first) > 5) return err({ kind: "start-not-weekday" });
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.weekdays) parts.push("BYDAY=MO,TU,WE,TH,FR");
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) {
    const untilDate = `${pad(rule.until.year, 4)}-${pad(rule.until.month)}-${pad(rule.until.day)}`;
    if (localMsOf(rule.until) < localMsOf(first))
      return err({ kind: "bad-until", token: untilDate, reason: "before-start" });
    // RFC 5545: with a zoned DTSTART, UNTIL is a UTC instant; the end of that local day.
    const untilMs = pickInstant(resolveLocalTime(rule.until, context.zone)) + 59_000;
    parts.push(`UNTIL=${icalUtc(untilMs)}`);
  }
  const value = parts.join(";");
  // Read back by the library: a rule it cannot parse, or parses differently, is a bug here.
  const parsed = RRule.parseString(value);
  if (parsed.freq !== RRule[rule.freq] || (parsed.interval ?? 1) !== rule.interval)
    throw new Error(`rrule read "${value}" back differently`);
  if (rule.until !== undefined) {
    const occurrences = expandSeries(
      { start: context.start, zone: context.zone, rrule: value },
      {
        limit: MAX_OCCURRENCES + 1,
      },
    );
    if (!occurrences.ok) throw new Error(`rrule could not expand "${value}": ${occurrences.error.message}`);
    if (occurrences.value.length > MAX_OCCURRENCES)
      return err({ kind: "too-many-occurrences", max: MAX_OCCURRENCES });
  }
  return ok(value);
}

/** Reads a whole text as `every ...`; words left over are an error. */
export function parseRecurrence(text: string, context: RecurrenceContext): Result<string, RecurrenceError> {
  const words = text
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  const { consumed, result } = parseRecurrenceWords(words, context);
  if (!result.ok) return result;
  const extra = words.slice(consumed);
  return extra.length > 0 ? err({ kind: "extra-words", words: extra }) : result;
}

/** The English message for a refused recurrence. */
export function renderRecurrenceError(error: RecurrenceError): string {
  const examples = `"every week", "every 2 weeks x6", "every weekday until 2027-01-31"`;
  switch (error.kind) {
    case "not-a-recurrence":
      return `A repeating convening starts with "every", e.g. ${examples}; found "${error.token}".`;
    case "missing-frequency":
      return `"every" needs a unit: day, week, month or weekday, e.g. ${examples}.`;
    case "unknown-frequency":
      return `"${error.token}" is not a unit I can repeat by: use day, week, month or weekday.`;
    case "bad-interval":
      return `"${error.token}": repeat every 1 to ${MAX_INTERVAL} days, weeks or months (weekdays cannot be spaced).`;
    case "bad-count":
      return `"${error.token}": the number of sessions must be 1 to ${error.max}.`;
    case "bad-until":
      return error.reason === "not-a-date"
        ? `"${error.token}" is not a date: write "until" with a date like 2027-01-31.`
        : `"until ${error.token}" is before the first session.`;
    case "count-and-until":
      return `Give either a number of sessions or an end date, not both.`;
    case "too-many-occurrences":
      return `That makes more than ${error.max} sessions; choose an earlier end date.`;
    case "month-day-missing":
      return `A monthly series starting on day ${error.day} would skip the months that have no day ${error.day}; start on day 1 to 28.`;
    case "start-not-weekday":
      return `A weekday series must start on a weekday (Monday to Friday).`;
    case "extra-words":
      return `I don't understand "${error.words.join(" ")}" after the repeat rule.`;
  }
}
