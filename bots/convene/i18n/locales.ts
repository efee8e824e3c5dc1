/**
 * The languages the convene bot speaks. A person's or room's language tag ("fr-CA",
 * "en-GB", "sw") is resolved to the closest catalogue, English when there is none, so a
 * reply is never left without words.
 */

export const LOCALES = ["en", "fr"] as const;

export type Locale = (typeof LOCALES)[number];

export const FALLBACK_LOCALE: Locale = "en";

/** The catalogue for a language tag: exact, then by primary language, else English. */
export function resolveLocale(tag: string | undefined): Locale {
  if (tag === undefined) return FALLBACK_LOCALE;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return LOCALES.find((locale) => locale === primary) ?? FALLBACK_LOCALE;
}
