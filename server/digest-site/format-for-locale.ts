/**
 * Dates, counts and week labels in the reader's locale, from Intl. Formatters are cached:
 * building one costs far more than using it, and an edition page formats hundreds of dates.
 * Dates are shown in UTC so every hub replica renders (and tags) the same page.
 */
import { MESSAGES_AR } from "./messages/messages-ar.ts";
import { MESSAGES_EN } from "./messages/messages-en.ts";
import { MESSAGES_FR } from "./messages/messages-fr.ts";
import type { PluralForms, SiteLocale, SiteMessages } from "./messages/site-messages.ts";

const TABLES: Readonly<Record<SiteLocale, SiteMessages>> = {
  en: MESSAGES_EN,
  fr: MESSAGES_FR,
  ar: MESSAGES_AR,
};

/** The interface strings of `locale`. */
export function messagesOf(locale: SiteLocale): SiteMessages {
  return TABLES[locale];
}

/** What pages need to write dates and counts in one locale. */
export type LocaleFormat = {
  readonly locale: SiteLocale;
  readonly text: SiteMessages;
  /** A day, e.g. "27 November 2026". */
  date(epochMs: number): string;
  number(value: number): string;
  /** A counted phrase: the plural form for `count`, with the count written in. */
  count(forms: PluralForms, count: number): string;
  /** An edition's week ("2026-W48") as words ("Week 48, 2026"); the id itself if it is no week. */
  week(editionId: string): string;
};

const cache = new Map<SiteLocale, LocaleFormat>();

/** The (cached) formatters of `locale`. */
export function formatFor(locale: SiteLocale): LocaleFormat {
  const cached = cache.get(locale);
  if (cached !== undefined) return cached;
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false });
  const plurals = new Intl.PluralRules(locale);
  const text = messagesOf(locale);
  const format: LocaleFormat = {
    locale,
    text,
    date: (epochMs) => dates.format(epochMs),
    number: (value) => numbers.format(value),
    count: (forms, count) =>
      (forms[plurals.select(count)] ?? forms.other).replace("{n}", numbers.format(count)),
    week: (editionId) => {
      const match = /^(\d{4})-W(\d{2})$/.exec(editionId);
      if (match === null) return editionId;
      return text.week(numbers.format(Number(match[2])), numbers.format(Number(match[1])));
    },
  };
  cache.set(locale, format);
  return format;
}
