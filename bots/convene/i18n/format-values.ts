/**
 * Locale-aware pieces the catalogues put into sentences: durations, lists and language
 * names, all from Intl so that the grammar (plurals, "et" before the last item) is the
 * locale's own rather than English rules with translated words.
 */

import { durationParts, formatAnd, languageName } from "../../../lib/intl-format.ts";

export { languageName };

/** A whole number of minutes as words: "1 hour", "24 hours", "3 days, 4 hours", "0 minutes". */
export function formatDuration(locale: string, totalMinutes: number): string {
  return new Intl.ListFormat(locale, { type: "unit", style: "long" }).format(
    durationParts(locale, totalMinutes, "long"),
  );
}

/** "A, B and C" in the locale's words. */
export const formatList = formatAnd;

/** The names of language codes, as a list. */
export function formatLanguages(locale: string, codes: readonly string[]): string {
  return formatList(
    locale,
    codes.map((code) => languageName(locale, code)),
  );
}
