/**
 * Regular-expression sources that find an identifier as a person would type it and as
 * software would encode it: in any letter case, with any character percent-encoded once or
 * more (`%40` or `%2540` for "@"), and with spaces written as "%20" or "+". Scrubbing must
 * catch the encoded forms because clients put user ids into links (matrix.to, permalinks).
 */

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// A percent-escape ends in a hex digit, which would otherwise look like the tail of a word
// and hide "Amina" in "x%20Amina%20Diallo".
const WORD_START = String.raw`(?<=^|[^\p{L}\p{N}\p{M}]|%[0-9A-Fa-f]{2})`;
const WORD_END = String.raw`(?![\p{L}\p{N}\p{M}])`;
const SPACE = String.raw`(?:\s|%(?:25)*20|\+)+`;

/** Escapes text for use inside a `u`-flag regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(SYNTAX, "\\$&");
}

function percentEncoded(ch: string): string {
  const bytes = new TextEncoder().encode(ch);
  return Array.from(bytes, (byte) => `%(?:25)*${byte.toString(16).padStart(2, "0")}`).join("");
}

function charPattern(ch: string): string {
  // Upper and lower case encode to different bytes, and the `i` flag cannot see through %XX.
  const forms = new Set([ch, ch.toLowerCase(), ch.toUpperCase()]);
  const alternatives = [escapeRegex(ch), ...[...forms].map(percentEncoded)];
  return `(?:${alternatives.join("|")})`;
}

/** Matches `value` literally or in any percent-encoded form, whitespace runs as any space. */
export function encodedPattern(value: string): string {
  return (
    value
      .trim()
      .split(/\s+/u)
      // Code points, not graphemes, on purpose: each is percent-encoded on its own, and the
      // patterns of an emoji's code points in a row match the emoji.
      .map((word) => Array.from(word, charPattern).join(""))
      .join(SPACE)
  );
}

/**
 * Wraps a pattern for `value` so that it only matches whole words: "Al" must not match in
 * "Also". The guard applies only on a side where the name itself starts or ends with a
 * letter or digit, so "Amina!" still matches before "x".
 */
export function wholeWord(pattern: string, value: string): string {
  const chars = Array.from(value.trim());
  const start = WORD_CHAR.test(chars[0] ?? "") ? WORD_START : "";
  const end = WORD_CHAR.test(chars.at(-1) ?? "") ? WORD_END : "";
  return `${start}(?:${pattern})${end}`;
}

/** A matrix.to link to the user, with or without a `?via=` query, in any encoding. */
export function matrixToPattern(userId: string): string {
  return String.raw`https?://matrix\.to/#/${encodedPattern(userId)}(?:\?[^\s<>"']*)?`;
}
