/**
 * Splits a command line into tokens. Quoting follows what people type on phones as well as
 * keyboards: straight quotes, and typographic quotes (“…”, „…“) that autocorrect inserts.
 * The tokeniser never fails: an unterminated quote is reported as a position, because the
 * parser decides whether it matters (inside rest-of-line free text, a stray quote is just text).
 */

/** One token of a command line. */
export interface Token {
  /** The value: for a quoted token, without its quotes and with escapes resolved. */
  readonly text: string;
  /** Offset of the first character in the scanned string. */
  readonly start: number;
  /** Offset just past the last character (the closing quote, for a quoted token). */
  readonly end: number;
  readonly quoted: boolean;
}

/** The tokens read, and where an unterminated quote stopped reading, if one did. */
export interface Tokenised {
  readonly tokens: readonly Token[];
  readonly unterminatedQuoteAt?: number;
}

// Which characters may close a quote opened by each opening character. Typographic quotes
// are matched loosely because keyboards disagree on which one closes („…“ in German, “…” in
// English, and some phones type “ on both sides).
const CLOSERS: Readonly<Record<string, string>> = {
  '"': '"',
  "“": '”“"',
  "„": '“”"',
};

const SPACE = /\s/u;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** True when `ch` opens a quoted token. */
export function isOpeningQuote(ch: string | undefined): boolean {
  return ch !== undefined && Object.hasOwn(CLOSERS, ch);
}

/**
 * Reads tokens from `input` starting at `from`. Whitespace (any Unicode space) separates
 * tokens; a token starting with a quote runs to the matching closing quote, where `\"`
 * (or a backslash before any closing quote) and `\\` are escapes.
 */
export function tokenise(input: string, from = 0): Tokenised {
  const tokens: Token[] = [];
  let i = from;
  for (;;) {
    while (isSpace(input[i])) i++;
    if (i >= input.length) return { tokens };
    const start = i;
    const closers = CLOSERS[input[i] ?? ""];
    if (closers === undefined) {
      while (i < input.length && !isSpace(input[i])) i++;
      tokens.push({ text: input.slice(start, i), start, end: i, quoted: false });
      continue;
    }
    i++;
    let text = "";
    let closed = false;
    while (i < input.length) {
      const ch = input[i] ?? "";
      const next = input[i + 1];
      if (ch === "\\" && next !== undefined && (next === "\\" || closers.includes(next))) {
        text += next;
        i += 2;
      } else if (closers.includes(ch)) {
        i++;
        closed = true;
        break;
      } else {
        text += ch;
        i++;
      }
    }
    if (!closed) return { tokens, unterminatedQuoteAt: start };
    tokens.push({ text, start, end: i, quoted: true });
  }
}

/**
 * Splits free text into whitespace-separated words with their offsets, ignoring quotes
 * (a word that starts with a quote is marked `quoted`, so it is never taken for a flag).
 * Used inside rest-of-line text, where quotes carry no meaning.
 */
export function splitWords(input: string, from = 0): readonly Token[] {
  const words: Token[] = [];
  let i = from;
  while (i < input.length) {
    while (isSpace(input[i])) i++;
    if (i >= input.length) break;
    const start = i;
    while (i < input.length && !isSpace(input[i])) i++;
    words.push({ text: input.slice(start, i), start, end: i, quoted: isOpeningQuote(input[start]) });
  }
  return words;
}
