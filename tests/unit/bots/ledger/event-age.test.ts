import { describe, expect, it } from "vitest";
import { isTooOld } from "../../../../bots/runtime/ledger/index.ts";

describe("isTooOld", () => {
  const now = 1_800_000_000_000;
  const hour = 3_600_000;

  it("keeps events within the limit, the boundary included", () => {
    expect(isTooOld(now - hour + 1, now, hour)).toBe(false);
    expect(isTooOld(now - hour, now, hour)).toBe(false);
  });

  it("drops events older than the limit", () => {
    expect(isTooOld(now - hour - 1, now, hour)).toBe(true);
    expect(isTooOld(0, now, hour)).toBe(true);
  });

  it("treats a timestamp from the future (a skewed server clock) as fresh", () => {
    expect(isTooOld(now + 10 * hour, now, hour)).toBe(false);
  });
});
