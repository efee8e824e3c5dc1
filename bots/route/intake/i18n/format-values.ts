/**
 * Locale-aware pieces the catalogues put into sentences, from Intl so that "or" and "and"
 * before the last item, and language names, follow the reader's language.
 */

/** "A, B and C" in the locale's words. */
export function formatAnd(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: "conjunction", style: "long" }).format(items);
}

/** "A, B or C" in the locale's words. */
export function formatOr(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: "disjunction", style: "long" }).format(items);
}

/** A language tag's name in the locale ("sw" is "Swahili" in English); the tag if unknown. */
export function languageName(locale: string, tag: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A count in the locale's digits grouping: "4,000" in English, "4 000" in French. */
export function formatCount(locale: string, count: number): string {
  return new Intl.NumberFormat(locale).format(count);
}
