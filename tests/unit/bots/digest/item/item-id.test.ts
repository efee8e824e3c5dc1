import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newItemId, parseAuthorKey, parseItemId } from "../../../../../bots/digest/item/index.ts";

describe("item ids and author keys", () => {
  it("makes short ids of unambiguous characters that parse back", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 6, maxLength: 6 }), (picks) => {
        let next = 0;
        const id = newItemId(() => picks[next++] ?? 0);
        expect(id).toMatch(/^d[a-hjkmnp-z2-9]{6}$/);
        expect(parseItemId(` ${id.toUpperCase()} `)).toEqual({ ok: true, value: id });
      }),
    );
    expect(newItemId()).toMatch(/^d[a-hjkmnp-z2-9]{6}$/);
  });

  it("refuses what is not an item id, such as a case id", () => {
    for (const text of ["", "dk7m2p", "dk7m2pqq", "rk7m2pq", "dk7m2p0", "dk7m2pl"])
      expect(parseItemId(text).ok, text).toBe(false);
  });

  it("takes hash-like author keys and nothing that looks like a user id", () => {
    expect(parseAuthorKey("Zm9vYmFyYmF6cXV4").ok).toBe(true);
    for (const text of ["", "short", "@ali:east.example", "a".repeat(65), "with space"])
      expect(parseAuthorKey(text).ok, text).toBe(false);
  });
});
