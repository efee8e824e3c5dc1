/**
 * Locale-aware pieces every bot's catalogue puts into sentences: durations, lists and
 * language names, all from Intl so that the grammar (plurals, "et" before the last item) is
 * the locale's own rather than English rules with translated words.
 */

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;
// Below two days a duration reads better in hours: "in 36 hours" rather than "1 day 12 hours".
const DAYS_FROM_MINUTES = 2 * MINUTES_PER_DAY;

/**
 * A whole number of minutes as its unit parts in the locale ("3 days", "4 hours"), zero
 * parts left out but never all of them ("0 minutes"). Callers join them: a list for prose,
 * spaces for a table.
 */
export function durationParts(locale: string, totalMinutes: number, unitDisplay: "long" | "short"): string[] {
  const unit = (name: "day" | "hour" | "minute", amount: number): string =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay }).format(amount);
  const whole = Math.max(0, Math.round(totalMinutes));
  const days = whole >= DAYS_FROM_MINUTES ? Math.floor(whole / MINUTES_PER_DAY) : 0;
  const rest = whole - days * MINUTES_PER_DAY;
  const hours = Math.floor(rest / MINUTES_PER_HOUR);
  const minutes = rest % MINUTES_PER_HOUR;
  return [
    ...(days > 0 ? [unit("day", days)] : []),
    ...(hours > 0 ? [unit("hour", hours)] : []),
    ...(minutes > 0 || (days === 0 && hours === 0) ? [unit("minute", minutes)] : []),
  ];
}

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
