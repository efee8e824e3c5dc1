/**
 * A run of digits and separators read as groups, the way a person wrote a phone number:
 * "+254 (0) 712-345 678" is the groups 254, 0, 712, 345, 678 with their separators. Deciding
 * whether a run is a phone number, a date or an amount is a question about its groups.
 */

export interface DigitGroup {
  /** Offsets in the whole text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** In ASCII digits, whatever script they were written in. */
  readonly digits: string;
  /** The characters between the previous group and this one ("" for the first). */
  readonly before: string;
}

const ARABIC_INDIC_ZERO = 0x0660;
const EASTERN_ARABIC_INDIC_ZERO = 0x06f0;

/** The ASCII digit a character stands for, or undefined when it is not a digit. */
export function asciiDigit(ch: string): string | undefined {
  if (ch >= "0" && ch <= "9") return ch;
  const code = ch.codePointAt(0) ?? 0;
  for (const zero of [ARABIC_INDIC_ZERO, EASTERN_ARABIC_INDIC_ZERO]) {
    if (code >= zero && code <= zero + 9) return String(code - zero);
  }
  return undefined;
}

/** The digit groups of `text` between `start` and `end`. */
export function digitGroups(text: string, start: number, end: number): DigitGroup[] {
  const groups: DigitGroup[] = [];
  let groupStart = -1;
  let digits = "";
  let before = "";
  let separator = "";
  for (let at = start; at <= end; at++) {
    const digit = at < end ? asciiDigit(text.charAt(at)) : undefined;
    if (digit !== undefined) {
      if (groupStart === -1) {
        groupStart = at;
        before = groups.length === 0 ? "" : separator;
      }
      digits += digit;
      continue;
    }
    if (groupStart !== -1) {
      groups.push({ start: groupStart, end: at, digits, before });
      groupStart = -1;
      digits = "";
      separator = "";
    }
    if (at < end) separator += text.charAt(at);
  }
  return groups;
}

export function digitCount(groups: readonly DigitGroup[]): number {
  return groups.reduce((sum, group) => sum + group.digits.length, 0);
}
