import { describe, expect, it } from "vitest";
import {
  type CaseAggregates,
  STATS_CATALOGUES,
  formatStatsDuration,
  renderStats,
  resolveStatsLocale,
} from "../../../../../bots/route/stats/index.ts";

const HOUR = 3_600_000;
const NBSP = "\u00a0";

const aggregates: CaseAggregates = {
  threshold: 3,
  total: 1234,
  byTopic: [
    { value: "online-recruitment", count: 6 },
    { value: "self-harm", count: "<3" },
  ],
  byRegion: [{ value: "europe", count: 8 }],
  byLanguage: [],
  byState: [{ value: "resolved", count: 10 }],
  byUrgency: [{ value: "high", count: 3 }],
  toAcceptance: { samples: 10, medianMs: 2 * HOUR + 5 * 60_000, p90Ms: 60 * HOUR },
  toResolution: { samples: "<3" },
  escalations: { cases: 1, total: 4 },
};

describe("renderStats", () => {
  it("renders every line in English", () => {
    expect(renderStats(aggregates, "en").split("\n")).toEqual([
      "Practice requests: aggregates",
      "Cases: 1,234",
      "By topic: online-recruitment 6, self-harm <3",
      "By region: europe 8",
      "By language: none",
      "By state: resolved 10",
      "By urgency: high 3",
      "Time to acceptance: median 2 hr 5 min, 90th percentile 2 days 12 hr (10 cases)",
      "Time to resolution: too few cases to report (<3 cases)",
      "Escalations: 4, in 1 case",
      'Counts below 3 are shown as "<3", so that a rare case cannot point at a person.',
    ]);
  });

  it("renders in French with French spacing and units", () => {
    const lines = renderStats(aggregates, "fr").split("\n");
    expect(lines[0]).toBe(`Demandes de pratique${NBSP}: agrégats`);
    expect(lines[1]).toBe(`Cas${NBSP}: 1\u202f234`);
    expect(lines[4]).toBe(`Par langue${NBSP}: aucun`);
    // Intl puts a narrow no-break space between a number and its unit; which one is ICU's choice.
    const units = (line: string | undefined) => line?.replace(/(\d)[\u00a0\u202f]/g, "$1 ");
    expect(units(lines[7])).toBe(
      `Délai d’acceptation${NBSP}: médiane 2 h 5 min, 90e centile 2 j 12 h (10 cas)`,
    );
    expect(lines[8]).toBe(`Délai de résolution${NBSP}: trop peu de cas pour l’indiquer (<3 cas)`);
    expect(lines.at(-1)).toContain(`«${NBSP}<3${NBSP}»`);
  });

  it("omits the suppression note when nothing is suppressed", () => {
    expect(renderStats({ ...aggregates, threshold: 1 }, "en")).not.toContain("shown as");
  });

  it("has the same messages in every catalogue", () => {
    expect(Object.keys(STATS_CATALOGUES.fr).sort()).toEqual(Object.keys(STATS_CATALOGUES.en).sort());
  });
});

describe("formatStatsDuration and resolveStatsLocale", () => {
  it("shows minutes, hours under two days, and days beyond", () => {
    expect(formatStatsDuration("en", 0)).toBe("0 min");
    expect(formatStatsDuration("en", 36 * HOUR)).toBe("36 hr");
    expect(formatStatsDuration("en", 49 * HOUR + 60_000)).toBe("2 days 1 hr 1 min");
  });

  it("resolves a tag to its catalogue, English otherwise", () => {
    expect(resolveStatsLocale("fr-CA")).toBe("fr");
    expect(resolveStatsLocale("sw")).toBe("en");
    expect(resolveStatsLocale(undefined)).toBe("en");
  });
});
