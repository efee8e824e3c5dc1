/**
 * The languages the router's intake speaks. A person's language tag ("fr-CA", "sw") is
 * resolved to the closest catalogue, English when there is none, so a reply always has words.
 * Same rule as the convene bot's, kept here so the router does not depend on another bot.
 */

export const LOCALES = ["en", "fr"] as const;

export type Locale = (typeof LOCALES)[number];

export const FALLBACK_LOCALE: Locale = "en";

/** The catalogue for a language tag: by primary language, else English. */
export function resolveLocale(tag: string | undefined): Locale {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return LOCALES.find((locale) => locale === primary) ?? FALLBACK_LOCALE;
}

/**
 * The catalogue for a person who speaks `tags` (preferred first): the first of them the router
 * has words in, else `fallback`. Someone who lists Somali, French and English is answered in
 * French, not in the English fallback for Somali.
 */
export function localeForSpeaker(tags: readonly string[], fallback: string): Locale {
  const spoken = tags.find((tag) => {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
    return LOCALES.some((locale) => locale === primary);
  });
  return resolveLocale(spoken ?? fallback);
}
