import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CaseSummary, aggregateCases, nearestRank, suppress } from "../../../../lib/case-index/index.ts";

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 2, 1);

function summary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    topic: "online-recruitment",
    region: "europe",
    language: "fr",
    state: "resolved",
    urgency: "normal",
    createdAt: T0,
    escalations: 0,
    ...overrides,
  };
}

// Ten cases accepted after 1..10 hours and resolved after 10..100 hours.
const ten = Array.from({ length: 10 }, (_, i) =>
  summary({
    topic: i < 6 ? "online-recruitment" : i < 9 ? "grooming" : "self-harm",
    region: i < 2 ? "sahel" : "europe",
    language: i === 0 ? "ar" : i === 1 ? "sw" : "fr",
    urgency: i < 7 ? "normal" : "high",
    acceptedAt: T0 + (i + 1) * HOUR,
    resolvedAt: T0 + (i + 1) * 10 * HOUR,
    escalations: i === 3 ? 2 : i > 7 ? 1 : 0,
  }),
);

describe("nearestRank", () => {
  it("takes the value at rank ceil(p/100 * n), the lower middle for an even median", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(values, 50)).toBe(5);
    expect(nearestRank(values, 90)).toBe(9);
    expect(nearestRank(values, 100)).toBe(10);
    expect(nearestRank(values, 0)).toBe(1);
    expect(nearestRank([15, 20, 35, 40, 50], 30)).toBe(20);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 50)).toBeUndefined();
  });

  it("always returns an observed value no smaller than p% of the values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b);
        const value = nearestRank(sorted, p)!;
        expect(sorted).toContain(value);
        expect(sorted.filter((v) => v <= value).length / sorted.length).toBeGreaterThanOrEqual(p / 100);
      }),
    );
  });
});

describe("aggregateCases", () => {
  it("counts by each dimension, largest first, small cells as '<3' after the rest by name", () => {
    const stats = aggregateCases(ten);
    expect(stats.total).toBe(10);
    expect(stats.byTopic).toEqual([
      { value: "online-recruitment", count: 6 },
      { value: "grooming", count: 3 },
      { value: "self-harm", count: "<3" },
    ]);
    expect(stats.byRegion).toEqual([
      { value: "europe", count: 8 },
      { value: "sahel", count: "<3" },
    ]);
    expect(stats.byLanguage).toEqual([
      { value: "fr", count: 8 },
      { value: "ar", count: "<3" },
      { value: "sw", count: "<3" },
    ]);
    expect(stats.byState).toEqual([{ value: "resolved", count: 10 }]);
    expect(stats.byUrgency).toEqual([
      { value: "normal", count: 7 },
      { value: "high", count: 3 },
    ]);
    expect(stats.escalations).toEqual({ cases: 3, total: 4 });
  });

  it("computes nearest-rank median and 90th percentile from creation", () => {
    const stats = aggregateCases(ten);
    expect(stats.toAcceptance).toEqual({ samples: 10, medianMs: 5 * HOUR, p90Ms: 9 * HOUR });
    expect(stats.toResolution).toEqual({ samples: 10, medianMs: 50 * HOUR, p90Ms: 90 * HOUR });
  });

  it("leaves out cases not yet accepted or resolved, and counts a negative wait as zero", () => {
    const stats = aggregateCases([
      ...ten.slice(0, 3).map(({ acceptedAt: _a, resolvedAt: _r, ...rest }) => rest),
      summary({ acceptedAt: T0 - HOUR }),
      summary({ acceptedAt: T0 + 2 * HOUR }),
      summary({ acceptedAt: T0 + 4 * HOUR }),
    ]);
    expect(stats.toAcceptance).toEqual({ samples: 3, medianMs: 2 * HOUR, p90Ms: 4 * HOUR });
    expect(stats.toResolution).toEqual({ samples: 0 });
  });

  it("withholds timings and coarsens every count below the threshold", () => {
    const stats = aggregateCases(ten.slice(0, 2));
    expect(stats.total).toBe("<3");
    expect(stats.toAcceptance).toEqual({ samples: "<3" });
    expect(aggregateCases(ten, 5).byTopic).toEqual([
      { value: "online-recruitment", count: 6 },
      { value: "grooming", count: "<5" },
      { value: "self-harm", count: "<5" },
    ]);
    expect(aggregateCases(ten.slice(0, 1), 1)).toMatchObject({
      total: 1,
      toAcceptance: { samples: 1, medianMs: HOUR },
    });
    expect(suppress(0, 3)).toBe(0);
    expect(suppress(2, 3)).toBe("<3");
    expect(suppress(3, 3)).toBe(3);
  });

  it("reports empty input as zeros and empty breakdowns", () => {
    expect(aggregateCases([])).toEqual({
      threshold: 3,
      total: 0,
      byTopic: [],
      byRegion: [],
      byLanguage: [],
      byState: [],
      byUrgency: [],
      toAcceptance: { samples: 0 },
      toResolution: { samples: 0 },
      escalations: { cases: 0, total: 0 },
    });
  });

  it("rejects a threshold that is not a whole number of at least 1", () => {
    for (const k of [0, -1, 2.5, Number.NaN]) expect(() => aggregateCases([], k)).toThrow(RangeError);
  });

  it("never shows a count between 1 and k - 1", () => {
    const cases = fc.array(
      fc.record({ topic: fc.constantFrom("a", "b", "c", "d"), region: fc.constantFrom("x", "y") }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 6 }), (picked, k) => {
        const stats = aggregateCases(
          picked.map((p) => summary(p)),
          k,
        );
        for (const cell of [...stats.byTopic, ...stats.byRegion]) {
          if (typeof cell.count === "number") expect(cell.count).toBeGreaterThanOrEqual(k);
          else expect(cell.count).toBe(`<${k}`);
        }
      }),
    );
  });
});
