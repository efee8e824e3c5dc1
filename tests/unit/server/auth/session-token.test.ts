import { describe, expect, it } from "vitest";
import type { UserId } from "../../../../lib/matrix-ids.ts";
import { sessionKeyOf, signSessionToken, verifySessionToken } from "../../../../server/auth/index.ts";

const amina = "@amina:127.0.0.11:18448" as UserId;
const key = sessionKeyOf({ reveal: () => "a configured hub session key" });
const NOW = Date.UTC(2026, 10, 25, 9, 0);
const HOUR = 3_600_000;

/** `token` with one dot-separated part replaced. */
function withPart(token: string, index: number, part: string): string {
  const parts = token.split(".");
  parts[index] = part;
  return parts.join(".");
}

describe("session tokens", () => {
  it("open the session they were signed for until they expire", () => {
    const token = signSessionToken(key, amina, NOW + HOUR);
    expect(verifySessionToken(key, token, NOW)).toEqual({
      ok: true,
      value: { userId: amina, expiresAt: NOW + HOUR },
    });
    expect(verifySessionToken(key, token, NOW + HOUR - 1).ok).toBe(true);
  });

  it("are refused as expired from their expiry on", () => {
    const token = signSessionToken(key, amina, NOW + HOUR);
    expect(verifySessionToken(key, token, NOW + HOUR)).toEqual({ ok: false, error: "expired" });
    expect(verifySessionToken(key, token, NOW + 2 * HOUR)).toEqual({ ok: false, error: "expired" });
  });

  it("are refused when the user or the expiry was changed", () => {
    const token = signSessionToken(key, amina, NOW + HOUR);
    const omar = Buffer.from("@omar:127.0.0.11:18448").toString("base64url");
    expect(verifySessionToken(key, withPart(token, 1, omar), NOW)).toEqual({
      ok: false,
      error: "bad-signature",
    });
    expect(verifySessionToken(key, withPart(token, 2, String(NOW + 1000 * HOUR)), NOW)).toEqual({
      ok: false,
      error: "bad-signature",
    });
  });

  it("are refused when the signature was changed or cut", () => {
    const token = signSessionToken(key, amina, NOW + HOUR);
    const signature = token.split(".")[3]!;
    const flipped = (signature[0] === "A" ? "B" : "A") + signature.slice(1);
    expect(verifySessionToken(key, withPart(token, 3, flipped), NOW)).toEqual({
      ok: false,
      error: "bad-signature",
    });
    expect(verifySessionToken(key, withPart(token, 3, signature.slice(0, 20)), NOW)).toEqual({
      ok: false,
      error: "bad-signature",
    });
  });

  it("signed with another key are refused, also when long expired (a forgery is not told apart)", () => {
    const otherKey = sessionKeyOf({ reveal: () => "another hub's key" });
    expect(verifySessionToken(key, signSessionToken(otherKey, amina, NOW + HOUR), NOW)).toEqual({
      ok: false,
      error: "bad-signature",
    });
    expect(verifySessionToken(key, signSessionToken(otherKey, amina, NOW - HOUR), NOW)).toEqual({
      ok: false,
      error: "bad-signature",
    });
  });

  it.each([
    ["empty", ""],
    ["one part", "abc"],
    ["another version", "v2.QGE6Yg.1.abc"],
    ["a non-numeric expiry", "v1.QGE6Yg.soon.abc"],
    ["five parts", "v1.QGE6Yg.1.abc.def"],
    ["a padded signature", "v1.QGE6Yg.1.ab=="],
    ["a huge token", `v1.${"A".repeat(1000)}.1.abc`],
  ])("are refused as malformed when %s", (_name, token) => {
    expect(verifySessionToken(key, token, NOW)).toEqual({ ok: false, error: "malformed" });
  });

  it("derive the same key from the same secret, and a random one without", () => {
    expect(sessionKeyOf({ reveal: () => "a configured hub session key" }).equals(key)).toBe(true);
    const random = sessionKeyOf(undefined);
    expect(random).toHaveLength(32);
    expect(random.equals(sessionKeyOf(undefined))).toBe(false);
    expect(verifySessionToken(random, signSessionToken(key, amina, NOW + HOUR), NOW).ok).toBe(false);
  });
});
