import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Secret } from "../../../../config/secrets.ts";
import { decodeStoreKey } from "../../../../bots/runtime/identity/decode-store-key.ts";

describe("decoding the store key", () => {
  it("accepts base64 and base64url of 32 bytes, with a trailing newline", () => {
    const bytes = randomBytes(32);
    for (const text of [
      bytes.toString("base64"),
      bytes.toString("base64url"),
      `${bytes.toString("base64")}\n`,
    ]) {
      const decoded = decodeStoreKey(new Secret(text), "convene");
      expect(decoded.ok && Buffer.from(decoded.value).equals(bytes)).toBe(true);
    }
  });

  it("refuses other lengths and non-base64 text without echoing the value", () => {
    for (const text of [
      randomBytes(31).toString("base64"),
      randomBytes(64).toString("base64"),
      "p@ssw0rd!",
    ]) {
      const decoded = decodeStoreKey(new Secret(text), "convene");
      expect(decoded.ok).toBe(false);
      if (decoded.ok) continue;
      expect(decoded.error.kind).toBe("bad-store-key");
      expect(decoded.error.message).not.toContain(text);
    }
  });
});
