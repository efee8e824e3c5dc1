import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBullJobId, toBullJobId } from "../../../../bots/runtime/jobs/index.ts";

describe("toBullJobId", () => {
  it("produces ids BullMQ accepts: no ':' and never an integer", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300 }), (id) => {
        const bull = toBullJobId(id);
        expect(bull).not.toContain(":");
        expect(`${Number.parseInt(bull, 10)}`).not.toBe(bull);
      }),
    );
    expect(toBullJobId("42")).toBe("j-42");
  });

  it("round-trips and never maps two ids to one", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.string({ minLength: 1, maxLength: 300 }),
        (a, b) => {
          expect(fromBullJobId(toBullJobId(a))).toBe(a);
          if (a !== b) expect(toBullJobId(a)).not.toBe(toBullJobId(b));
        },
      ),
    );
    for (const tricky of ["%3A", "%253A", "a:%:b", "reminder-!room:srv:8448-$ev"]) {
      expect(fromBullJobId(toBullJobId(tricky))).toBe(tricky);
    }
  });

  it("rejects empty and oversized ids (a caller bug)", () => {
    expect(() => toBullJobId("")).toThrow();
    expect(() => toBullJobId("x".repeat(301))).toThrow();
  });
});
