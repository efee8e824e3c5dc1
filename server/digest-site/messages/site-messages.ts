/**
 * Every string of the digest site's interface, per locale. Texts that people wrote are never
 * here: these are the frame around them. Counts go through {@link pluralForm}, so each
 * language uses its own plural rules (Arabic has six forms) rather than English's two.
 */

/** The interface languages of the site. */
export const SITE_LOCALES = ["en", "fr", "ar"] as const;
export type SiteLocale = (typeof SITE_LOCALES)[number];

/** Forms of a counted phrase by plural category; `{n}` is the count, formatted in the locale. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

export type SiteMessages = {
  /** The language's own name, for the language switch. */
  readonly autonym: string;
  readonly digest: string;
  readonly skipToContent: string;
  readonly nav: {
    readonly latest: string;
    readonly archive: string;
    readonly search: string;
    readonly directory: string;
    readonly label: string;
  };
  readonly languageLabel: string;
  readonly latestHeading: string;
  readonly noEditionYet: string;
  readonly nothingPublished: string;
  readonly week: (week: string, year: string) => string;
  readonly editionHeading: (week: string) => string;
  /** `{date}` is replaced by the date. */
  readonly closedOn: string;
  readonly items: PluralForms;
  readonly messages: PluralForms;
  readonly archiveHeading: string;
  readonly noEditions: string;
  /** `{date}` is replaced by the date. */
  readonly publishedOn: string;
  /** `{date}` is replaced by the date. */
  readonly updatedOn: string;
  readonly inEdition: string;
  readonly regions: string;
  readonly topics: string;
  readonly pseudonym: string;
  readonly readItem: string;
  readonly filterHeading: string;
  readonly allTopics: string;
  readonly allRegions: string;
  readonly applyFilter: string;
  readonly clearFilters: string;
  readonly noMatch: string;
  readonly searchHeading: string;
  readonly searchLabel: string;
  readonly searchButton: string;
  readonly results: PluralForms;
  readonly searchHint: string;
  readonly searchLimited: (shown: string) => string;
  readonly directoryHeading: string;
  readonly directoryRegions: string;
  readonly languages: string;
  readonly homeserver: string;
  readonly directoryNetworks: string;
  readonly joinHeading: string;
  readonly joinText: readonly string[];
  readonly feedsHeading: string;
  readonly atomFeed: string;
  readonly rssFeed: string;
  readonly jsonFeed: string;
  readonly liveChanged: string;
  readonly liveReload: string;
  readonly footer: string;
  readonly feedTitle: (network: string) => string;
  readonly feedDescription: (network: string) => string;
  readonly editionEntryTitle: (week: string) => string;
};
