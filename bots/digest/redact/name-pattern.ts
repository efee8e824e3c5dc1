/**
 * A name as a regular expression over folded text (see fold-text.ts): whole words only, any
 * letter case, hyphen or space between words, and Arabic as it is written:
 * - with or without the article: "الحسن" and "حسن" are the same person;
 * - after a clitic written onto the word (و and, ف so, ب with, ل for, ك like): "وأمينة" is
 *   "and Amina"; the clitic stays in the text, only the name is replaced;
 * - with short vowels (harakat) or tatweel (ـ) anywhere between letters.
 * Transliterated articles work the same way: "al-Amin", "el Amin", "Alamin".
 */
import { foldText } from "./fold-text.ts";
import { escapeRegex } from "./text-patterns.ts";

const ARABIC = /\p{Script=Arabic}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// Vowel marks and tatweel may sit after any letter.
const DECORATION = String.raw`[\p{M}\u0640]*`;
const BETWEEN_WORDS = String.raw`[\s\-\u2010\u2011]+`;
const ARABIC_ARTICLE = String.raw`(?:ال|(?<=ل)ل)?`;
const LATIN_ARTICLE = String.raw`(?:[ae]l[\s\-\u2010\u2011]?)?`;
const LATIN_START = String.raw`(?<![\p{L}\p{N}\p{M}])`;
// A clitic (و ف, then ب ك ل), perhaps with its own vowel mark, may be written onto the word.
const ARABIC_START = String.raw`(?<=(?:^|[^\p{L}\p{N}\p{M}])(?:[وف]\p{M}*)?(?:[بكل]\p{M}*)?)`;
const END = String.raw`(?![\p{L}\p{N}\p{M}])`;

function charPattern(ch: string): string {
  if (/^[-\u2010\u2011]$/u.test(ch)) return BETWEEN_WORDS;
  if (ch === "'" || ch === "\u2019") return "['\u2019]";
  return escapeRegex(ch) + DECORATION;
}

function lettersPattern(word: string): string {
  return Array.from(word, charPattern).join("");
}

function wordPattern(word: string): string {
  if (ARABIC.test(word)) {
    const core = word.startsWith("ال") && Array.from(word).length > 3 ? word.slice(2) : word;
    return ARABIC_ARTICLE + lettersPattern(core);
  }
  const article = /^[ae]l[-\u2010\u2011](.+)$/iu.exec(word)?.[1];
  return article === undefined ? lettersPattern(word) : LATIN_ARTICLE + lettersPattern(article);
}

/** The regular-expression source (flags `iu`, no capturing groups) for one name or part. */
export function namePattern(name: string): string {
  const words = foldText(name).split(" ");
  const pieces: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const word = words[at] ?? "";
    const next = words[at + 1];
    // A spaced transliterated article ("Al Amin") is optional, and may be joined ("Alamin").
    if (/^[ae]l$/iu.test(word) && next !== undefined && !ARABIC.test(next)) {
      pieces.push(LATIN_ARTICLE + lettersPattern(next));
      at += 1;
    } else pieces.push(wordPattern(word));
  }
  const first = Array.from(name)[0] ?? "";
  const last = Array.from(name).at(-1) ?? "";
  const start = WORD_CHAR.test(first) ? (ARABIC.test(first) ? ARABIC_START : LATIN_START) : "";
  const end = WORD_CHAR.test(last) ? END : "";
  return `${start}${pieces.join(BETWEEN_WORDS)}${end}`;
}
