/**
 * A run of digits may hold more than a phone number: a time, a date or a year written next to
 * it, or the end of a number grouped with commas. These cut the run into the pieces that
 * are then judged one by one.
 */
import type { DigitGroup } from "./phone-groups.ts";
import { isDate, isYear } from "./number-shapes.ts";

const THOUSANDS_TAIL = /^[1-9]?\d?\d$/u;

/**
 * Drops groups that belong to something next to the phone number: the minutes of a time
 * ("14:30 0712…", "…0712 345678 14:30"), the ends of a number grouped with commas
 * ("1,500 2024", "0712 345678 1,500"), a year written just before it.
 */
export function trimNeighbours(text: string, groups: DigitGroup[]): DigitGroup[] {
  let kept = groups;
  const first = kept[0];
  const before = first === undefined ? "" : text.slice(Math.max(0, first.start - 2), first.start);
  if (
    first !== undefined &&
    (/\d:$/u.test(before) || (/\d[,.]$/u.test(before) && /^[1-9]\d\d$/u.test(first.digits)))
  )
    kept = kept.slice(1);
  const last = kept.at(-1);
  const after = last === undefined ? "" : text.slice(last.end, last.end + 5);
  if (
    last !== undefined &&
    (/^:\d/u.test(after) || (/^,\d{3}(?!\d)/u.test(after) && THOUSANDS_TAIL.test(last.digits)))
  )
    kept = kept.slice(0, -1);
  const year = kept[0];
  if (year !== undefined && isYear(year) && kept[1]?.digits.startsWith("0") === true) kept = kept.slice(1);
  return kept;
}

/**
 * Splits a run at the dates in it: "0712 345678 15.03.2024" is a number and a date, told
 * apart by the date's own separator. A run all in one separator is left whole, since
 * "06.12.10.05.20" is a French number, not a date after "06.12".
 */
export function splitAtDates(groups: readonly DigitGroup[]): DigitGroup[][] {
  const pieces: DigitGroup[][] = [];
  let piece: DigitGroup[] = [];
  for (let at = 0; at < groups.length; at++) {
    const date = groups.slice(at, at + 3);
    const inner = groups[at + 1]?.before;
    const alone =
      (at === 0 || groups[at]?.before !== inner) &&
      (at + 3 >= groups.length || groups[at + 3]?.before !== inner);
    if (alone && isDate(date) && (at > 0 || at + 3 < groups.length)) {
      pieces.push(piece);
      piece = [];
      at += 2;
      continue;
    }
    const group = groups[at];
    if (group !== undefined) piece.push(group);
  }
  pieces.push(piece);
  return pieces.filter((found) => found.length > 0);
}
