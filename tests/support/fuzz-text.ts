/**
 * Text generators for the fuzz tests: the odd things people (and attackers) paste into a
 * chat or a form. Each generator is cheap, so a property can run ten thousand cases in a
 * second or two: long inputs come from repetition, not from generating every character.
 */
import fc from "fast-check";

/** Characters that break naive text handling: direction marks, joiners, controls, surrogates. */
export const NASTY_CHARACTERS = [
  "\u0000", // NUL
  "\u0001",
  "\u0007",
  "\u0008",
  "\u001b", // ESC
  "\u007f", // DEL
  "\u0085", // NEL (a line break to \s)
  "\u00a0", // no-break space
  "\u00ad", // soft hyphen
  "\u0301", // combining acute accent
  "\u0651", // Arabic shadda (a combining mark)
  "\u0640", // tatweel
  "\u115f", // Hangul filler (looks blank)
  "\u180e", // Mongolian vowel separator
  "\u200b", // zero-width space
  "\u200c", // zero-width non-joiner
  "\u200d", // zero-width joiner
  "\u200e", // left-to-right mark
  "\u200f", // right-to-left mark
  "\u2028", // line separator
  "\u2029", // paragraph separator
  "\u202a",
  "\u202e", // right-to-left override
  "\u2066", // left-to-right isolate
  "\u2069", // pop directional isolate
  "\u3000", // ideographic space
  "\ufeff", // byte order mark
  "\ufffd", // replacement character
  "\uffff", // a noncharacter
  "\ud800", // lone high surrogate
  "\udfff", // lone low surrogate
  "\ud83d", // half an emoji
] as const;

/** Words in scripts and shapes a network like Meridian's really sees. */
export const WORLD_WORDS = [
  "مرحبا",
  "التجنيد",
  "أمهات",
  "שלום",
  "سلام‌",
  "Ελληνικά",
  "Привет",
  "መስቀል",
  "Soomaali",
  "Kiswahili",
  "日本語",
  "한국어",
  "नमस्ते",
  "ﷺ",
  "ﬁ",
  "Ａｂｃ",
  "e\u0301\u0301\u0301\u0301",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356",
  "👩🏽‍💻",
  "🏳️‍🌈",
  "🇰🇪",
  "1️⃣",
  "😀",
  "İstanbul",
  "ß",
  "ǅ",
] as const;

/** Markup, escapes and injection shapes: none may reach HTML or a log unescaped. */
export const MARKUP_WORDS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "'><b>",
  "</textarea>",
  "<!--",
  "]]>",
  "&amp;",
  "&lt;",
  "&#60;",
  "javascript:alert(1)",
  "${7*7}",
  "{{7*7}}",
  "%00",
  "%3Cscript%3E",
  "../../etc/passwd",
  "\\",
  "\\\\",
  "`",
  "```",
  "*bold*",
] as const;

/** Names every object has: a lookup table written as an object literal finds these. */
export const OBJECT_KEY_WORDS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "tostring",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "isPrototypeOf",
] as const;

/** Numbers as people and programs write them. */
export const NUMBER_WORDS = [
  "0",
  "1",
  "-1",
  "-0",
  "007",
  "1.5",
  "1e3",
  "1e308",
  "0x10",
  "NaN",
  "Infinity",
  "-Infinity",
  "9007199254740993",
  "99999999999999999999999",
  "١٢٣",
  "۴۵",
  "½",
  "²",
  "1,000",
] as const;

/** Date, time, zone and duration shapes, right and wrong. */
export const TIME_WORDS = [
  "2026-12-03",
  "2026-02-30",
  "2026-13-40",
  "0000-01-01",
  "9999-12-31",
  "2026-12-03T14:00",
  "2026-12-03T11:00Z",
  "2026-12-03T14:00+05:45",
  "2026-12-03T14:00-99:99",
  "03/12/2026",
  "12/03/2026",
  "3 Dec 2026",
  "14:00",
  "2:30pm",
  "2pm",
  "15h",
  "15h30",
  "25:61",
  "24:00",
  "00:00",
  "3",
  "today",
  "tomorrow",
  "yesterday",
  "next",
  "tuesday",
  "mardi",
  "prochain",
  "week",
  "Africa/Nairobi",
  "africa/nairobi",
  "Europe/Berlin",
  "Europe/Berln",
  "Asia/Kathmandu",
  "America/Argentina/Buenos_Aires",
  "Etc/GMT+14",
  "Etc/GMT-14",
  "UTC",
  "GMT",
  "EST",
  "CET",
  "Z",
  "+05:45",
  "2026-03-29",
  "02:30",
  "2026-10-25",
  "90m",
  "1h",
  "1h30m",
  "30m2h",
  "0m",
  "-5m",
  "999999h",
  "1d",
  "x6",
  "x0",
  "x99999",
  "until",
  "every",
  "daily",
  "weekly",
  "monthly",
] as const;

/** Matrix identifiers and links, valid and not. */
export const MATRIX_WORDS = [
  "@amina:example.org",
  "@amina-yusuf:ea.example.org",
  "@x:y",
  "@:y",
  "@x:",
  "@bad",
  "@",
  "@UPPER:example.org",
  "@x:[::1]:8448",
  "@x:example.org:99999",
  "!room:example.org",
  "!r:y",
  "!",
  "#room:example.org",
  "#a:y",
  "#",
  "$event",
  "+group:example.org",
  "https://matrix.to/#/%40amina%3Aexample.org",
  "https://matrix.to/#/#room:example.org",
  "https://matrix.to/#/!r:y?via=y",
  "matrix:u/amina:example.org",
  "https://example.org/?q=<x>",
] as const;

/** Flags and key:value options, as the parsers read them. */
export const FLAG_WORDS = [
  "--",
  "---",
  "--x",
  "--new",
  "--NEW",
  "--new=1",
  "--new=",
  "--lang",
  "--lang=fr",
  "--anonymous",
  "—new",
  "—",
  "-n",
  "key:value",
  ":",
  "::",
  "a:b:c",
  "topic:",
  "lang:",
  "urgency:high",
  "urgency:HIGH",
  "urgency:now",
  "region:mena",
  "region:",
  "anonymous",
] as const;

/** Quotes, balanced and not, straight and typographic. */
export const QUOTE_WORDS = [
  '"',
  '""',
  '"a b"',
  '"unclosed',
  'closed"',
  '"esc \\" aped"',
  '"\\\\"',
  "“smart”",
  "“open",
  "„low“",
  "«guillemets»",
  "'single'",
  "'",
  "‘’",
] as const;

/** A random code-point string: any character at all, lone surrogates included. */
export const anyText = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: "binary", maxLength });

/** A random string of whole graphemes (emoji sequences, combining marks, every script). */
export const graphemeText = (maxLength = 20): fc.Arbitrary<string> =>
  fc.string({ unit: "grapheme", maxLength });

/** One very long token, built by repetition so it costs nothing to generate. */
export const longToken: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("x", "ab", "😀", '"', "\u0301", "<", "-", "1", "\u200b", " "),
    fc.integer({ min: 100, max: 5_000 }),
  )
  .map(([unit, times]) => unit.repeat(times));

/** A word of any of the kinds above, or random text: the building block of message soups. */
export const fuzzWord: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_CHARACTERS), weight: 2 },
  { arbitrary: fc.constantFrom(...WORLD_WORDS), weight: 2 },
  { arbitrary: fc.constantFrom(...MARKUP_WORDS), weight: 2 },
  { arbitrary: fc.constantFrom(...OBJECT_KEY_WORDS), weight: 1 },
  { arbitrary: fc.constantFrom(...NUMBER_WORDS), weight: 2 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.constantFrom(...TIME_WORDS), weight: 3 },
  { arbitrary: fc.constantFrom(...MATRIX_WORDS), weight: 2 },
  { arbitrary: fc.constantFrom(...FLAG_WORDS), weight: 2 },
  { arbitrary: fc.constantFrom(...QUOTE_WORDS), weight: 2 },
  { arbitrary: fc.stringMatching(/^[a-z]{1,8}$/), weight: 2 },
  { arbitrary: anyText(12), weight: 2 },
  { arbitrary: graphemeText(6), weight: 1 },
  { arbitrary: longToken, weight: 1 },
);

/** What separates words: every kind of space and line break, or nothing at all. */
export const SEPARATORS = [
  " ",
  " ",
  " ",
  "  ",
  "\t",
  "\n",
  "\r\n",
  "\u00a0",
  "\u3000",
  "\u2003",
  "",
] as const;

/** `words` joined by random separators. */
export const wordSoup = (word: fc.Arbitrary<string>, maxWords = 10): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { maxLength: maxWords })
    .map((parts) => parts.map(([w, separator]) => w + separator).join(""));

/** `text` with its letters' case changed at random positions (commands are case-insensitive). */
export const caseShuffled = (text: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flips) =>
      Array.from(text, (ch, index) => (flips[index] === true ? ch.toUpperCase() : ch)).join(""),
    );
