import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seal, unseal } from "../../../../bots/runtime/identity/encrypt-at-rest.ts";

describe("sealing files at rest", () => {
  const key = randomBytes(32);
  const plaintext = Buffer.from('{"accessToken":"syt_secret"}');

  it("round-trips and never stores the plaintext", () => {
    const sealed = seal(key, "session", plaintext);
    expect(sealed.includes(plaintext)).toBe(false);
    expect(unseal(key, "session", sealed)).toEqual({ ok: true, value: plaintext });
  });

  it("uses a fresh IV each time", () => {
    expect(seal(key, "session", plaintext).equals(seal(key, "session", plaintext))).toBe(false);
  });

  it("refuses another key, another purpose, a flipped bit and a foreign file", () => {
    const sealed = seal(key, "session", plaintext);
    expect(unseal(randomBytes(32), "session", sealed)).toEqual({
      ok: false,
      error: { kind: "wrong-key-or-damaged" },
    });
    expect(unseal(key, "recovery-key", sealed)).toEqual({
      ok: false,
      error: { kind: "wrong-key-or-damaged" },
    });
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(unseal(key, "session", flipped)).toEqual({ ok: false, error: { kind: "wrong-key-or-damaged" } });
    expect(unseal(key, "session", Buffer.from("hello"))).toEqual({
      ok: false,
      error: { kind: "not-sealed" },
    });
  });
});
