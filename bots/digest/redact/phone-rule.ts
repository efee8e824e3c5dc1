/**
 * Phone numbers in international (+254 712 345 678, 00 33 6 12 34 56 78, +971-50-123-4567)
 * and local formats (0712 345678, 06 12 34 56 78, (020) 7946 0958, 050-123-4567), in Western,
 * Arabic-Indic (٠١٢) and Eastern Arabic-Indic (۰۱۲) digits. A loose expression finds runs of
 * digits and separators; the groups then decide, so that dates, years, times, amounts and
 * short numbers survive.
 */
import { type DigitGroup, digitCount, digitGroups } from "./phone-groups.ts";
import {
  isAmountInContext,
  isDate,
  isNumberList,
  isThousands,
  isTimeRange,
  isYearList,
} from "./number-shapes.ts";
import { splitAtDates, trimNeighbours } from "./split-digit-run.ts";
import { type RedactionRule, type RuleMatch, matchesOf } from "./redaction-rule.ts";

const DIGITS = ["0-9", "\\u0660-\\u0669", "\\u06F0-\\u06F9"];
// Between two digits: at most one space or one of . - ‐ ‑, with a bracket either side, so
// "10.30 - 12.00" (a spaced dash) and "3, 4" stay apart while "+254 (0) 712" holds together.
const SEPARATOR = String.raw`\)?(?:[ \u00A0\u202F]|[.\-\u2010\u2011])?\(?`;
// One script of digits per run: nobody writes a number half in Arabic-Indic digits, so
// "1 500 000 ٢٠٢٤" is two numbers. Not glued to a word, a link, or a decimal ("v2.3.14").
const RUNS = DIGITS.map((digit) => `[${digit}](?:${SEPARATOR}[${digit}])*`).join("|");
const CANDIDATE = String.raw`(?<![\p{L}\p{N}\p{M}_@/#%&=?+])(?<!\p{N}\.)(?:\(?\+|\()?(?:${RUNS})\)?(?![\p{L}\p{N}\p{M}_@])`;

const MIN_DIGITS = 7;
const MIN_INTERNATIONAL_DIGITS = 8;
const MIN_UNGROUPED_DIGITS = 9;
const MIN_UNGROUPED_TRUNK_DIGITS = 8;

function isInternational(prefix: string, groups: readonly DigitGroup[]): boolean {
  return prefix.includes("+") || (groups[0]?.digits.startsWith("00") ?? false);
}

function isPhoneNumber(text: string, prefix: string, groups: readonly DigitGroup[]): boolean {
  const count = digitCount(groups);
  if (isInternational(prefix, groups)) return count >= MIN_INTERNATIONAL_DIGITS;
  if (count < MIN_DIGITS) return false;
  const [only] = groups;
  if (groups.length === 1 && only !== undefined) {
    // Ungrouped: 0712345678 is a number to call, 1500000 is more likely a count.
    if (count < (only.digits.startsWith("0") ? MIN_UNGROUPED_TRUNK_DIGITS : MIN_UNGROUPED_DIGITS))
      return false;
  }
  const first = groups[0];
  const last = groups.at(-1);
  if (first === undefined || last === undefined) return false;
  if (isDate(groups) || isTimeRange(groups) || isYearList(groups)) return false;
  if (isThousands(groups) || isNumberList(groups)) return false;
  // An amount never starts with 0, so "0712 345678 %" is a number followed by noise, and the
  // answer does not change when a neighbour is redacted.
  return first.digits.startsWith("0") || !isAmountInContext(text, first.start, last.end);
}

/**
 * The span to remove: the digits, the leading "+" or "(" written before them, and brackets
 * only when they pair up, so "(call 0712 345678)" keeps its closing bracket.
 */
function spanOf(text: string, groups: readonly DigitGroup[], prefixStart: number, limit: number): RuleMatch {
  const first = groups[0];
  const last = groups.at(-1);
  let start = Math.min(prefixStart, first?.start ?? prefixStart);
  let end = last?.end ?? limit;
  if (text.charAt(end) === ")" && end < limit) end += 1;
  const span = text.slice(start, end);
  const opens = span.split("(").length - 1;
  const closes = span.split(")").length - 1;
  if (opens > closes && text.charAt(start) === "(") start += 1;
  if (closes > opens && text.charAt(end - 1) === ")") end -= 1;
  return { start, end };
}

interface Run {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly DigitGroup[];
}

function phoneIn(text: string, run: Run, piece: readonly DigitGroup[]): RuleMatch | undefined {
  const groups = trimNeighbours(text, [...piece]);
  const first = groups[0];
  const last = groups.at(-1);
  if (first === undefined || last === undefined) return undefined;
  // A "+" or "(" before the digits belongs to the number: the run's, or the group's own "(".
  const prefixStart =
    first === run.groups[0] ? run.start : first.before.endsWith("(") ? first.start - 1 : first.start;
  const limit = last === run.groups.at(-1) ? run.end : last.end;
  if (!isPhoneNumber(text, text.slice(prefixStart, first.start), groups)) return undefined;
  return spanOf(text, groups, prefixStart, limit);
}

// Where a number can start inside a run: a group with the trunk 0 or the international 00
// ("00 33…", "0033…") after a space; "000" in "1 500 000" is neither.
function startsNumber(group: DigitGroup): boolean {
  return /^(?:0[1-9]|00$|00[1-9])/u.test(group.digits) && /\s\(?$/u.test(group.before);
}

/**
 * The phone numbers in a piece of a run. An amount or a count may come first, "USD 12 500
 * 0712 345678" or "1 500 000 00 33 6…", which as a whole reads as an amount or as one long
 * number: the number is then taken from a group where a number can start.
 */
function phonesIn(text: string, run: Run, piece: readonly DigitGroup[]): RuleMatch[] {
  const starts = piece.flatMap((group, at) => (at > 0 && startsNumber(group) ? [at] : []));
  // "+254 700 100 000" is grouped like a count, but the "+" says otherwise.
  const international = piece[0] === run.groups[0] && text.slice(run.start, piece[0]?.start).includes("+");
  for (const at of international ? [] : starts) {
    const head = piece.slice(0, at);
    const tail = isThousands(head) || isYearList(head) ? phoneIn(text, run, piece.slice(at)) : undefined;
    if (tail !== undefined) return [tail];
  }
  const whole = phoneIn(text, run, piece);
  if (whole !== undefined) return [whole];
  for (const at of starts) {
    const tail = phoneIn(text, run, piece.slice(at));
    if (tail !== undefined) return [...phonesIn(text, run, piece.slice(0, at)), tail];
  }
  return [];
}

/** Every phone number in `text`, as spans. */
export function findPhoneNumbers(text: string): RuleMatch[] {
  return matchesOf(new RegExp(CANDIDATE, "gu"), text).flatMap(({ start, end }) => {
    const run = { start, end, groups: digitGroups(text, start, end) };
    return splitAtDates(run.groups).flatMap((piece) => phonesIn(text, run, piece));
  });
}

export const phoneRule: RedactionRule = {
  id: "phone",
  kind: "phone",
  description: "Phone numbers, international and local, in Western or Arabic-Indic digits",
  pattern: CANDIDATE,
  replacement: "placeholder",
  pass: 2,
  priority: 60,
  find: (text) => findPhoneNumbers(text),
};
