/**
 * Argument types that read one token: durations, integers, enums, single words and quoted
 * text, plus rest-of-line text (which the parser hands over as one synthetic token).
 */
import { parseDuration } from "../../../config/parse-duration.ts";
import { ok, err } from "../../../lib/result.ts";
import type { Token } from "./tokenise-command.ts";
import type { ReadOutcome, ValueKind, ValueKindName } from "./value-kind.ts";
import { nearestNames } from "./nearest-names.ts";

// C0 and C1 control characters other than tab and newline: invisible, and they can corrupt
// terminals and logs downstream, so free text drops them and single words refuse them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
// eslint-disable-next-line no-control-regex -- as above
const HAS_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** A value kind that reads exactly one token. */
function singleToken<T>(
  kind: ValueKindName,
  expected: string,
  parse: (token: Token) => { ok: true; value: T } | { ok: false; problem: string; expected?: string },
  placeholder: (name: string) => string = (name) => `<${name}>`,
): ValueKind<T> {
  return {
    kind,
    expected,
    placeholder,
    read: (tokens, at): ReadOutcome<T> => {
      const token = tokens[at] ?? { text: "", start: 0, end: 0, quoted: false };
      const parsed = parse(token);
      if (parsed.ok) return { used: 1, result: ok(parsed.value) };
      return {
        used: 1,
        result: err({
          found: token.text,
          problem: parsed.problem,
          ...(parsed.expected === undefined ? {} : { expected: parsed.expected }),
        }),
      };
    },
  };
}

/** Options for a duration: bounds in milliseconds. */
export interface DurationOptions {
  readonly minMs?: number;
  readonly maxMs?: number;
}

/** A duration such as `90m`, `1h30m`, `2h` or `1d`, in milliseconds. */
export function durationValue(options: DurationOptions = {}): ValueKind<number> {
  return singleToken("duration", `a duration like 90m, 1h30m, 2h or 1d`, (token) => {
    const parsed = parseDuration(token.text.toLowerCase());
    if (!parsed.ok) {
      const problem = /^(?:\d+[smhdw])+$/i.test(token.text)
        ? "is not a duration (units largest first, each once, more than zero)"
        : "is not a duration";
      return { ok: false, problem };
    }
    if (options.minMs !== undefined && parsed.value < options.minMs)
      return { ok: false, problem: `is shorter than the minimum ${describeMs(options.minMs)}` };
    if (options.maxMs !== undefined && parsed.value > options.maxMs)
      return { ok: false, problem: `is longer than the maximum ${describeMs(options.maxMs)}` };
    return { ok: true, value: parsed.value };
  });
}

/** `90m` → "1h30m": bounds shown in the same notation the user types. */
export function describeMs(ms: number): string {
  const units: [string, number][] = [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1_000],
  ];
  let rest = ms;
  let text = "";
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text === "" ? "0s" : text;
}

/** Options for an integer: inclusive bounds. */
export interface IntegerOptions {
  readonly min?: number;
  readonly max?: number;
}

function integerExpected(options: IntegerOptions): string {
  const { min, max } = options;
  if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
  if (min !== undefined) return `a whole number, at least ${min}`;
  if (max !== undefined) return `a whole number, at most ${max}`;
  return "a whole number";
}

/** A whole number, optionally bounded. */
export function integerValue(options: IntegerOptions = {}): ValueKind<number> {
  const expected = integerExpected(options);
  return singleToken("integer", expected, (token) => {
    if (!/^[+-]?\d+$/.test(token.text)) return { ok: false, problem: "is not a whole number" };
    const value = Number(token.text);
    if (!Number.isSafeInteger(value)) return { ok: false, problem: "is too large" };
    if (
      (options.min !== undefined && value < options.min) ||
      (options.max !== undefined && value > options.max)
    )
      return { ok: false, problem: "is out of range" };
    return { ok: true, value: value === 0 ? 0 : value };
  });
}

/** One of a fixed set of words, matched case-insensitively; the declared spelling is returned. */
export function enumValue<const V extends readonly [string, ...string[]]>(values: V): ValueKind<V[number]> {
  const expected = `one of ${values.join(", ")}`;
  return singleToken(
    "enum",
    expected,
    (token) => {
      const match = values.find((value) => value.toLowerCase() === token.text.toLowerCase());
      if (match !== undefined) return { ok: true, value: match };
      const [guess] = nearestNames(token.text, values, 1);
      return {
        ok: false,
        problem:
          guess === undefined
            ? `is not one of ${values.join(", ")}`
            : `is not one of ${values.join(", ")}; did you mean ${guess}?`,
      };
    },
    () => `<${values.join("|")}>`,
  );
}

/** Options for words and text: a length cap in characters. */
export interface TextOptions {
  readonly maxLength?: number;
}

/** A single word (no spaces unless quoted), without control characters. */
export function wordValue(options: TextOptions = {}): ValueKind<string> {
  const maxLength = options.maxLength ?? 200;
  return singleToken("word", "a single word", (token) => {
    if (token.text.length === 0) return { ok: false, problem: "is empty" };
    if (/\s/u.test(token.text)) return { ok: false, problem: "has spaces" };
    if (HAS_CONTROL.test(token.text)) return { ok: false, problem: "has control characters" };
    if (token.text.length > maxLength)
      return { ok: false, problem: `is longer than ${maxLength} characters` };
    return { ok: true, value: token.text };
  });
}

/** Free text cleaned of control characters and surrounding spaces. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, "").trim();
}

function freeText(kind: "text" | "rest", expected: string, options: TextOptions): ValueKind<string> {
  const maxLength = options.maxLength ?? 2000;
  return singleToken(
    kind,
    expected,
    (token) => {
      const text = cleanText(token.text);
      if (text.length === 0) return { ok: false, problem: "is empty" };
      if (text.length > maxLength) return { ok: false, problem: `is longer than ${maxLength} characters` };
      return { ok: true, value: text };
    },
    kind === "rest" ? (name) => `<${name}...>` : (name) => `"<${name}>"`,
  );
}

/** Free text in quotes (`"Monthly check-in"`, `\"` for a quote inside), or a single word. */
export function textValue(options: TextOptions = {}): ValueKind<string> {
  return freeText("text", 'text in quotes, e.g. "Monthly check-in"', options);
}

/** Everything to the end of the line, as typed. */
export function restValue(options: TextOptions = {}): ValueKind<string> {
  return freeText("rest", "some text", options);
}
