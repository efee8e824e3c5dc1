/**
 * Locale-aware pieces the catalogues put into sentences, from Intl so that "or" and "and"
 * before the last item, and language names, follow the reader's language.
 */
export { formatAnd, formatOr, languageName } from "../../../../lib/intl-format.ts";

/** A count in the locale's digits grouping: "4,000" in English, "4 000" in French. */
export function formatCount(locale: string, count: number): string {
  return new Intl.NumberFormat(locale).format(count);
}
