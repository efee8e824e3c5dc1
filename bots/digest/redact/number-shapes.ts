/**
 * Numbers that look like phone numbers to a digit counter but are not: dates, years, times,
 * amounts and counts. Digests quote reports ("on 15.03.2024", "1 500 000 KES", "10.30-12.00"),
 * and eating those would make a digest useless, so each shape is recognised on its own.
 */
import type { DigitGroup } from "./phone-groups.ts";

const DATE_SEPARATORS = new Set([".", "-", "/"]);
const SPACES = /^[ \u00a0\u202f]$/u;

function value(group: DigitGroup | undefined): number {
  return group === undefined ? Number.NaN : Number(group.digits);
}

export function isYear(group: DigitGroup): boolean {
  const year = value(group);
  return group.digits.length === 4 && year >= 1900 && year <= 2099;
}

function isDayMonth(first: DigitGroup, second: DigitGroup): boolean {
  if (first.digits.length > 2 || second.digits.length > 2) return false;
  const a = value(first);
  const b = value(second);
  // Day then month, or month then day (a US date in an English message).
  return a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
}

/** Three groups written as one date: 15.03.2024, 2024-03-15, 15-03-24, 15 03 2024. */
export function isDate(groups: readonly DigitGroup[]): boolean {
  const [a, b, c] = groups;
  if (groups.length !== 3 || a === undefined || b === undefined || c === undefined) return false;
  const separator = b.before;
  if (c.before !== separator) return false;
  const punctuated = DATE_SEPARATORS.has(separator);
  if (!punctuated && !SPACES.test(separator)) return false;
  if (isYear(a)) return isDayMonth(c, b);
  const shortYear = punctuated && c.digits.length === 2;
  return (isYear(c) || shortYear) && isDayMonth(a, b);
}

/** "10.30-12.00": a time range written with dots, as in British and East African English. */
export function isTimeRange(groups: readonly DigitGroup[]): boolean {
  if (groups.length !== 4 || groups.some((group) => group.digits.length > 2)) return false;
  const [, m1, h2, m2] = groups;
  if (m1?.before !== "." || m2?.before !== "." || !/^[-\u2013]$/u.test(h2?.before ?? "")) return false;
  const [first, , second] = groups;
  return value(first) <= 24 && value(second) <= 24 && value(m1) <= 59 && value(m2) <= 59;
}

/** Years and year ranges: "2019-2024", "1990 2000". */
export function isYearList(groups: readonly DigitGroup[]): boolean {
  return groups.length >= 2 && groups.every(isYear);
}

/**
 * "1 500 000", "2.500.000", "1 500 000.50": a count or amount grouped by thousands. A phone
 * number's first group starts with the trunk 0 or is longer than three digits, except local
 * numbers written without their 0 ("712 345 678"), which this lets through (a known limit).
 */
export function isThousands(groups: readonly DigitGroup[]): boolean {
  const [first, ...rest] = groups;
  if (first === undefined || rest.length === 0) return false;
  if (first.digits.length > 3 || first.digits.startsWith("0")) return false;
  const separator = rest[0]?.before ?? "";
  if (!SPACES.test(separator) && separator !== ".") return false;
  const last = rest.at(-1);
  const decimals = last !== undefined && last.before !== separator && last.digits.length <= 2 ? 1 : 0;
  const thousands = rest.slice(0, rest.length - decimals);
  return thousands.every((group) => group.digits.length === 3 && group.before === separator);
}

/** "1 2 3 4 5 6 7": a list of small numbers, not a phone number's grouping. */
export function isNumberList(groups: readonly DigitGroup[]): boolean {
  return groups.filter((group) => group.digits.length === 1).length > 2;
}

const CURRENCY_CODES =
  "KSh|Ksh|KES|TSh|TZS|UGX|USD|EUR|GBP|CHF|ETB|Br|SOS|DJF|AED|SAR|QAR|EGP|MAD|TND|DZD|LBP|JOD|FCFA|CFA|XOF|XAF|Sh";
const CURRENCY_WORDS =
  "dollars?|euros?|shillings?|francs?|birr|dirhams?|riyals?|pounds?|livres?|dinars?|" +
  "دولار|دولارات|درهم|دراهم|ريال|جنيه|شلن|يورو|ليرة|دينار";
const AMOUNT_BEFORE = new RegExp(String.raw`(?:[$€£¥₦₹]|(?<![\p{L}])(?:${CURRENCY_CODES})\.?)\s?$`, "u");
const AMOUNT_AFTER = new RegExp(
  String.raw`^\s?(?:%|[$€£¥₦₹]|(?:${CURRENCY_CODES}|${CURRENCY_WORDS})(?![\p{L}]))`,
  "iu",
);

/** A currency or percent sign written next to the number: "KES 1500000", "2500000 shillings". */
export function isAmountInContext(text: string, start: number, end: number): boolean {
  return (
    AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 8), start)) ||
    AMOUNT_AFTER.test(text.slice(end, end + 16))
  );
}
