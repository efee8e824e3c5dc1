/**
 * Generators for what reaches the hub (JSON bodies as sent, query values as Express parses
 * them) and the check that a page carries no markup that came from a request. Injected markup
 * is marked `fz`, so finding it in a page means it went out unescaped.
 */
import fc from "fast-check";
import { FLAG_WORDS, NASTY_CHARACTERS, anyText, fuzzWord, longToken } from "../../../support/fuzz-text.ts";

/** Markup and URL shapes that must never come back out as markup. */
export const INJECTIONS = [
  "<fz-el>",
  "</title><fz-el>",
  '"><fz-el fz-attr=1>',
  "'><fz-el>",
  '" fz-attr="1',
  "' fz-attr='1",
  "<!--fz-->",
  "<script>fz()</script>",
  "<svg/onload=fz()>",
  "javascript:fz()",
  "</textarea><fz-el>",
  "<fz-el/>",
  "<FZ-EL>",
] as const;

/** True when `page` holds any of {@link INJECTIONS} as markup rather than as escaped text. */
export function hasInjectedMarkup(page: string): boolean {
  return (
    /<\/?fz-el/i.test(page) ||
    /["'] fz-attr=/.test(page) ||
    /<!--fz/.test(page) ||
    /<script>fz/i.test(page) ||
    /<svg\/onload/i.test(page) ||
    /(?:href|src|action)\s*=\s*["']?\s*javascript:fz/i.test(page)
  );
}

/** A text a query parameter may hold. */
const queryText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fuzzWord },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_CHARACTERS, ...FLAG_WORDS) },
  { weight: 1, arbitrary: anyText(20) },
  { weight: 1, arbitrary: fc.constant("") },
);

/** A query value as Express' simple parser gives it: a string, or several for a repeated key. */
export const queryValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { weight: 5, arbitrary: queryText },
  { weight: 1, arbitrary: fc.array(queryText, { minLength: 2, maxLength: 3 }) },
);

/** Any JSON value, kept small. */
const jsonValue = fc.jsonValue({ maxDepth: 3 });

/**
 * JSON text for a body with `fields`: each present or not, of its own kind or any other, with
 * extra keys (`__proto__` among them) and sometimes not an object at all. Written by hand so
 * keys like `__proto__` are own properties, as `express.json()` makes them.
 */
export function jsonText(fields: Readonly<Record<string, fc.Arbitrary<unknown>>>): fc.Arbitrary<string> {
  const entries = Object.entries(fields).map(([name, value]) =>
    fc.option(
      fc
        .oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: jsonValue })
        .map((v) => [name, v] as const),
      { freq: 6, nil: undefined },
    ),
  );
  const extra = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "userId ", "TEXT", ""), anyText(6)),
      jsonValue,
    ),
    { maxLength: 2 },
  );
  const object = fc.tuple(fc.tuple(...entries), extra).map(([known, more]) => {
    const all = [...known.filter((entry) => entry !== undefined), ...more];
    return `{${all.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(",")}}`;
  });
  return fc.oneof(
    { weight: 8, arbitrary: object },
    { weight: 1, arbitrary: jsonValue.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constantFrom("[]", "{}", "null", '"text"', "0", '{"a":{"b":{"c":[[[]]]}}}') },
  );
}

/** A body as `express.json()` hands it to a route: the parsed JSON text. */
export function jsonBody(fields: Readonly<Record<string, fc.Arbitrary<unknown>>>): fc.Arbitrary<unknown> {
  return jsonText(fields).map((text): unknown => JSON.parse(text));
}

/** Raw bodies that are not JSON, or are JSON only in part. */
export const notJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "{topic:",
    "{'a':1}",
    "{",
    "}",
    "[1,]",
    "NaN",
    '{"a":1}{"b":2}',
    "\ufeff{}",
    "%7B%7D",
    "a=1&b=2",
  ),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  longToken,
  anyText(30),
);
