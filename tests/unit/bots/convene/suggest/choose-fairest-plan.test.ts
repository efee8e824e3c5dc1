import { describe, expect, it } from "vitest";
import { chooseFairestPlan, greedyPlan } from "../../../../../bots/convene/suggest/choose-fairest-plan.ts";
import type { Candidate } from "../../../../../bots/convene/suggest/slot-candidates.ts";

/** A candidate burdening the regions flagged "1" in `key` (region order a, b, c). */
function option(key: string, discomfort = 0, start = 0): Candidate {
  const unsocial = Array.from({ length: key.length }, (_, index) => key.charAt(index) === "1");
  return {
    start,
    end: start + 1,
    margins: unsocial.map((flag) => (flag ? 0 : 90)),
    unsocial,
    unsocialKey: key,
    discomfort,
  };
}

const keys = (plan: readonly Candidate[]) => plan.map((candidate) => candidate.unsocialKey);

describe("chooseFairestPlan", () => {
  it("looks ahead where the greedy choice cannot", () => {
    // Session 1 can burden a (more comfortable) or b; session 2 can only burden a.
    const options = [[option("10", 0), option("01", 1)], [option("10")]];
    expect(keys(greedyPlan(options, [0, 0]))).toEqual(["10", "10"]);
    const plan = chooseFairestPlan(options, [0, 0]);
    expect(keys(plan.choice)).toEqual(["01", "10"]);
    expect(plan.exact).toBe(true);
  });

  it("takes history into account", () => {
    const options = [[option("10"), option("01", 5)]];
    expect(keys(chooseFairestPlan(options, [0, 0]).choice)).toEqual(["10"]);
    expect(keys(chooseFairestPlan(options, [2, 0]).choice)).toEqual(["01"]);
  });

  it("prefers a slot unsocial for nobody, then fewer regions, then an even split", () => {
    expect(
      keys(chooseFairestPlan([[option("11"), option("10", 3), option("00", 9)]], [0, 0]).choice),
    ).toEqual(["00"]);
    const options = Array.from({ length: 6 }, () => [option("100"), option("010", 1), option("001", 2)]);
    const plan = chooseFairestPlan(options, [0, 0, 0]);
    const burden = [0, 1, 2].map((index) => plan.choice.filter((choice) => choice.unsocial[index]).length);
    expect(burden).toEqual([2, 2, 2]);
  });

  it("settles for the greedy plan when the budget runs out", () => {
    const options = [[option("10", 0), option("01", 1)], [option("10")]];
    const plan = chooseFairestPlan(options, [0, 0], 1);
    expect(plan.exact).toBe(false);
    expect(keys(plan.choice)).toEqual(["10", "10"]);
  });

  it("stays exact on a long, wide series", () => {
    const options = Array.from({ length: 12 }, (_, session) =>
      ["1000", "0100", "0010", "0001", "1100", "0011"].map((key, index) =>
        option(key, (index + session) % 4),
      ),
    );
    const plan = chooseFairestPlan(options, [1, 0, 0, 2]);
    expect(plan.exact).toBe(true);
    const burden = [0, 1, 2, 3].map(
      (index) => [1, 0, 0, 2][index]! + plan.choice.filter((choice) => choice.unsocial[index]).length,
    );
    // 12 sessions + 3 from history over 4 regions: at best 4, 4, 4, 3.
    expect(Math.max(...burden)).toBe(4);
    expect(burden.reduce((a, b) => a + b, 0)).toBe(15);
  });
});
