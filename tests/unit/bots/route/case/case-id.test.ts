import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseHandle, newCaseId, parseCaseId } from "../../../../../bots/route/case/index.ts";

describe("case ids and handles", () => {
  it("makes short ids of unambiguous characters that parse back", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 6, maxLength: 6 }), (picks) => {
        let next = 0;
        const id = newCaseId(() => picks[next++] ?? 0);
        expect(id).toMatch(/^r[a-hjkmnp-z2-9]{6}$/);
        expect(parseCaseId(` ${id.toUpperCase()} `)).toEqual({ ok: true, value: id });
      }),
    );
    expect(newCaseId()).toMatch(/^r[a-hjkmnp-z2-9]{6}$/);
  });

  it("refuses what is not a case id", () => {
    for (const text of ["", "rk7m2p", "rk7m2pqq", "ck7m2pq", "rk7m2p0", "rk7m2pl"])
      expect(parseCaseId(text).ok, text).toBe(false);
  });

  it("derives a stable handle, spread over ids rather than spelling them out", () => {
    const ids = Array.from({ length: 200 }, (_, n) => newCaseId(seeded(n + 1)));
    expect(new Set(ids).size).toBe(200);
    const handles = ids.map(caseHandle);
    expect(ids.map(caseHandle)).toEqual(handles);
    for (const handle of handles) expect(handle).toMatch(/^Requester [A-HJKMNP-Z2-9]{4}$/);
    expect(new Set(handles).size).toBeGreaterThan(190);
  });
});

/** A small deterministic random source, so the test sees the same ids every run. */
function seeded(seed: number): (size: number) => number {
  let state = seed;
  return (size) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % size;
  };
}
