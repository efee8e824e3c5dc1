/**
 * Durations in the config are short human strings ("30m", "4h", "2d", "1h30m"), turned into
 * milliseconds once at load time so no consumer re-parses them.
 */
import { type Result, ok, err } from "../lib/result.ts";

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const WHOLE = /^(?:\d+[smhdw])+$/;
const PART = /(\d+)([smhdw])/g;

/**
 * Parses a duration such as "45m", "4h", "2d" or "1h30m" (units s, m, h, d, w, largest first,
 * each at most once) into milliseconds. Zero and unknown units are errors.
 */
export function parseDuration(text: string): Result<number, string> {
  const expected = `expected a duration like "30m", "4h", "2d" or "1h30m" (units s, m, h, d, w)`;
  if (!WHOLE.test(text)) return err(`${expected}, found "${text}"`);
  let total = 0;
  let previousUnitMs = Number.POSITIVE_INFINITY;
  for (const [, amount, unit] of text.matchAll(PART)) {
    const unitMs = UNIT_MS[unit ?? ""];
    if (unitMs === undefined || amount === undefined) return err(`${expected}, found "${text}"`);
    // "30m2h" or "1h1h" is almost certainly a typo; refuse rather than guess.
    if (unitMs >= previousUnitMs)
      return err(`units must go from largest to smallest, each once: found "${text}"`);
    previousUnitMs = unitMs;
    total += Number(amount) * unitMs;
  }
  if (total === 0) return err(`a duration must be longer than zero, found "${text}"`);
  if (!Number.isSafeInteger(total)) return err(`duration "${text}" is too long`);
  return ok(total);
}
