/**
 * Locale-aware pieces the catalogues put into sentences: durations, lists and language
 * names, all from Intl so that the grammar (plurals, "et" before the last item) is the
 * locale's own rather than English rules with translated words.
 */

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;
// Below two days a lead time reads better in hours: "in 24 hours", "in 36 hours".
const DAYS_FROM_MINUTES = 2 * MINUTES_PER_DAY;

type Unit = "day" | "hour" | "minute";

function unit(locale: string, name: Unit, amount: number): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "long" }).format(amount);
}

/** A whole number of minutes as words: "1 hour", "24 hours", "3 days, 4 hours", "0 minutes". */
export function formatDuration(locale: string, totalMinutes: number): string {
  const minutesIn = Math.max(0, Math.round(totalMinutes));
  const days = minutesIn >= DAYS_FROM_MINUTES ? Math.floor(minutesIn / MINUTES_PER_DAY) : 0;
  const rest = minutesIn - days * MINUTES_PER_DAY;
  const hours = Math.floor(rest / MINUTES_PER_HOUR);
  const minutes = rest % MINUTES_PER_HOUR;
  const parts = [
    ...(days > 0 ? [unit(locale, "day", days)] : []),
    ...(hours > 0 ? [unit(locale, "hour", hours)] : []),
    ...(minutes > 0 || (days === 0 && hours === 0) ? [unit(locale, "minute", minutes)] : []),
  ];
  return new Intl.ListFormat(locale, { type: "unit", style: "long" }).format(parts);
}

/** "A, B and C" in the locale's words. */
export function formatList(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: "conjunction", style: "long" }).format(items);
}

/** A language code's name in the locale ("sw" is "Swahili" in English); the code if unknown. */
export function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The names of language codes, as a list. */
export function formatLanguages(locale: string, codes: readonly string[]): string {
  return formatList(
    locale,
    codes.map((code) => languageName(locale, code)),
  );
}
