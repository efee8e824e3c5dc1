/**
 * The words of `!request stats`, in every language the report is offered in. The English
 * catalogue's type is the shape every other must have, so a missing sentence is a compile
 * error rather than a blank line in front of the steering group.
 */

export const STATS_LOCALES = ["en", "fr"] as const;
export type StatsLocale = (typeof STATS_LOCALES)[number];

export type Dimension = "topic" | "region" | "language" | "state" | "urgency";

export interface StatsMessages {
  readonly title: string;
  /** "Label: value", with the locale's spacing around the colon. */
  readonly labelled: (label: string, value: string) => string;
  readonly total: (count: string) => string;
  readonly dimensions: Readonly<Record<Dimension, string>>;
  readonly none: string;
  readonly toAcceptance: string;
  readonly toResolution: string;
  /** "(9 cases)"; `one` when the count is exactly 1. */
  readonly cases: (count: string, one: boolean) => string;
  readonly timing: (median: string, p90: string, cases: string) => string;
  readonly tooFew: (cases: string) => string;
  readonly escalations: (total: string, cases: string) => string;
  readonly suppressed: (threshold: number) => string;
}

// French puts a no-break space before a colon and inside guillemets.
const NBSP = "\u00a0";

const en: StatsMessages = {
  title: "Practice requests: aggregates",
  labelled: (label, value) => `${label}: ${value}`,
  total: (count) => `Cases: ${count}`,
  dimensions: {
    topic: "By topic",
    region: "By region",
    language: "By language",
    state: "By state",
    urgency: "By urgency",
  },
  none: "none",
  toAcceptance: "Time to acceptance",
  toResolution: "Time to resolution",
  cases: (count, one) => `${count} ${one ? "case" : "cases"}`,
  timing: (median, p90, cases) => `median ${median}, 90th percentile ${p90} (${cases})`,
  tooFew: (cases) => `too few cases to report (${cases})`,
  escalations: (total, cases) => `Escalations: ${total}, in ${cases}`,
  suppressed: (k) => `Counts below ${k} are shown as "<${k}", so that a rare case cannot point at a person.`,
};

const fr: StatsMessages = {
  title: `Demandes de pratique${NBSP}: agrégats`,
  labelled: (label, value) => `${label}${NBSP}: ${value}`,
  total: (count) => `Cas${NBSP}: ${count}`,
  dimensions: {
    topic: "Par thème",
    region: "Par région",
    language: "Par langue",
    state: "Par état",
    urgency: "Par urgence",
  },
  none: "aucun",
  toAcceptance: "Délai d’acceptation",
  toResolution: "Délai de résolution",
  cases: (count) => `${count} cas`,
  timing: (median, p90, cases) => `médiane ${median}, 90e centile ${p90} (${cases})`,
  tooFew: (cases) => `trop peu de cas pour l’indiquer (${cases})`,
  escalations: (total, cases) => `Escalades${NBSP}: ${total}, dans ${cases}`,
  suppressed: (k) =>
    `Les nombres inférieurs à ${k} sont affichés «${NBSP}<${k}${NBSP}», pour qu’un cas rare ne puisse désigner personne.`,
};

export const STATS_CATALOGUES: Readonly<Record<StatsLocale, StatsMessages>> = { en, fr };

/** The catalogue for a language tag ("fr-CA" is French); English when there is none. */
export function resolveStatsLocale(tag: string | undefined): StatsLocale {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return STATS_LOCALES.find((locale) => locale === primary) ?? "en";
}
