/**
 * The readings of a string a leak checker must consider: a Matrix id can hide in a link as
 * `%40amina%3Aexample.org`, twice-encoded as `%2540…`, behind HTML entities (`&#64;`) in a
 * formatted body, or a name split by a line break. Every reading is lowercased with its
 * whitespace runs collapsed, so matching is a plain substring test.
 */

const MAX_DECODE_ROUNDS = 5;
// A Map, not an object literal: "&constructor;" must stay as written, not become a function.
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["nbsp", " "],
]);

function fromCodePoint(code: number, original: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : original;
}

/** Decodes numeric and the common named HTML entities; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return fromCodePoint(parseInt(name.slice(2), 16), entity);
    if (name.startsWith("#")) return fromCodePoint(parseInt(name.slice(1), 10), entity);
    return NAMED_ENTITIES.get(name.toLowerCase()) ?? entity;
  });
}

function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Not UTF-8: read each byte as a Latin-1 character rather than give up on the run.
    return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** Percent-decodes until nothing changes (bounded), tolerating malformed sequences. */
export function percentDecodeDeep(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    const next = current.replace(/(?:%[0-9a-f]{2})+/gi, decodeRun);
    if (next === current) break;
    current = next;
  }
  return current;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, " ");
}

/** The distinct readings of `text`: as written, entity- and percent-decoded, and with "+" as a space. */
export function decodeVariants(text: string): readonly string[] {
  // Entities again after percent-decoding: `%26%2364%3B` is `&#64;`, which is "@".
  const decoded = decodeEntities(percentDecodeDeep(decodeEntities(text)));
  const plusAsSpace = decodeEntities(percentDecodeDeep(decodeEntities(text).replaceAll("+", " ")));
  return [...new Set([normalise(text), normalise(decoded), normalise(plusAsSpace)])];
}
