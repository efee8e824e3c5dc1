/**
 * Which interface language a request gets: an explicit `?lang=` first (a reader's choice,
 * kept in the links of the page), then the browser's Accept-Language, then the network's
 * default language; English when none of them is one the site speaks.
 */
import { SITE_LOCALES, type SiteLocale } from "./messages/site-messages.ts";

export type LocaleChoice = {
  readonly locale: SiteLocale;
  /** True when `?lang=` chose it: links then carry it on, since the browser would not. */
  readonly explicit: boolean;
};

/** The site locale a language tag asks for ("fr-CA" → "fr"), if the site speaks it. */
export function siteLocaleOf(tag: string): SiteLocale | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return SITE_LOCALES.find((locale) => locale === primary);
}

/** The language ranges of an Accept-Language header, best first (RFC 9110 §12.5.4). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(",")
    .slice(0, 32)
    .map((part, order) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param)?.[1]).find(Boolean);
      const weight = q === undefined ? 1 : Number(q);
      return { range: range.trim(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter(({ range, weight }) => range !== "" && range !== "*" && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map(({ range }) => range);
}

/** The locale for a request (see the module comment). */
export function chooseLocale(
  query: string | undefined,
  acceptLanguage: string | undefined,
  defaultLanguage: string,
): LocaleChoice {
  const asked = query === undefined ? undefined : siteLocaleOf(query);
  if (asked !== undefined) return { locale: asked, explicit: true };
  for (const range of acceptedLanguages(acceptLanguage)) {
    const locale = siteLocaleOf(range);
    if (locale !== undefined) return { locale, explicit: false };
  }
  return { locale: siteLocaleOf(defaultLanguage) ?? "en", explicit: false };
}

// Scripts written right to left, by the primary subtag of languages usually written in them.
const RIGHT_TO_LEFT = new Set([
  "ar",
  "arc",
  "ckb",
  "dv",
  "fa",
  "he",
  "iw",
  "ks",
  "ps",
  "sd",
  "ug",
  "ur",
  "yi",
]);

/** The writing direction of a language tag; a script subtag wins ("ku-Arab" is rtl). */
export function directionOf(tag: string): "ltr" | "rtl" {
  const subtags = tag.toLowerCase().split(/[-_]/);
  const script = subtags.find((subtag, index) => index > 0 && subtag.length === 4);
  if (script !== undefined)
    return ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"].includes(script) ? "rtl" : "ltr";
  return RIGHT_TO_LEFT.has(subtags[0] ?? "") ? "rtl" : "ltr";
}
