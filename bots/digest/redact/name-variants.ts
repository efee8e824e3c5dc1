/**
 * The ways a person's name shows up in a conversation: "Amina Yusuf" in full, and "Amina" or
 * "Yusuf" alone. Splitting has to know a little about names: "Dr", "Sheikh" or "Mama" alone
 * are titles, not the person; "bin", "al", "de" belong to the word after them; and in
 * "Abdul Rahman" or "عبد الله" the second word is a name of God, which must never be replaced
 * on its own.
 */
import { foldText } from "./fold-text.ts";

export interface NameVariant {
  /** As given, trimmed, with single spaces. */
  readonly text: string;
  /** The name exactly as the person gave it, rather than a part of it. */
  readonly whole: boolean;
}

/** A whole name shorter than this is a letter or an initial; nothing to replace. */
export const MIN_NAME_LENGTH = 2;
/** A part shorter than this ("Al", "Jo") is inside too much ordinary text to replace. */
export const MIN_PART_LENGTH = 3;

const TITLES = new Set([
  ...["dr", "mr", "mrs", "ms", "miss", "mme", "mlle", "m.", "prof", "rev", "eng", "hon", "dr."],
  ...["sheikh", "shaykh", "cheikh", "imam", "pastor", "pasteur", "sister", "brother", "soeur"],
  ...["bi", "bwana", "mama", "baba", "mzee", "dada", "kaka", "hajji", "haji", "hajj", "hadja"],
  ...["ustadh", "ustaz", "ustadha", "maalim", "mwalimu", "abbe", "pere"],
  ...["السيد", "السيده", "الشيخ", "شيخ", "الدكتور", "الدكتوره", "د.", "الاستاذ", "الاستاذه", "استاذ"],
  ...["الحاج", "الحاجه", "الامام", "امام", "ماما"],
]);
// Belong to the next word, which can also stand alone: "bin Laden", "Laden".
const PARTICLES = new Set([
  ...["al", "el", "ibn", "bin", "bint", "ben", "bent", "abu", "abou", "umm", "oum", "ould", "wad"],
  ...["de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "dos", "del", "della"],
  ...["ال", "بن", "ابن", "بنت", "ابو", "ام", "ولد"],
]);
// Belong to the next word, which must not stand alone: "Abdul Rahman", "عبد الله".
const BOUND_PREFIXES = new Set(["abd", "abdel", "abdul", "abdal", "abd-el", "abd-al", "عبد"]);
const NEVER_ALONE = new Set(["الله", "allah", "rahman", "الرحمن", "رحمن", "الرحيم"]);

const NAME_TOKEN = /^[\p{L}\p{M}'’.-]+$/u;
const ARTICLE = /^(?:ال|[ae]l[-‐‑])/iu;

function normal(word: string): string {
  return foldText(word).toLowerCase();
}

/** Length in code points without a leading article, so "الحسن" counts as "حسن". */
export function coreLength(word: string): number {
  return Array.from(word.replace(ARTICLE, "")).length;
}

function partsOf(words: readonly string[]): string[] {
  const parts: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const word = words[at] ?? "";
    const next = words[at + 1];
    const key = normal(word);
    if (!NAME_TOKEN.test(word) || TITLES.has(key) || NEVER_ALONE.has(key)) continue;
    if (BOUND_PREFIXES.has(key) || PARTICLES.has(key)) {
      if (next !== undefined && NAME_TOKEN.test(next)) parts.push(`${word} ${next}`);
      if (BOUND_PREFIXES.has(key)) at += 1;
      continue;
    }
    if (coreLength(word) >= MIN_PART_LENGTH) parts.push(word);
  }
  return parts;
}

/** The whole name and its usable parts, without case- or accent-insensitive duplicates. */
export function nameVariants(name: string): NameVariant[] {
  const whole = name.trim().replace(/\s+/gu, " ");
  if (Array.from(whole).length < MIN_NAME_LENGTH) return [];
  const words = whole.split(" ");
  const variants = [
    { text: whole, whole: true },
    ...(words.length > 1 ? partsOf(words).map((text) => ({ text, whole: false })) : []),
  ];
  const seen = new Set<string>();
  return variants.filter(({ text }) => {
    const key = normal(text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
