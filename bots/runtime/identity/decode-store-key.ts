/**
 * The bot's store key arrives as base64 text in a secret file. It must decode to exactly 32
 * bytes: the Rust crypto store takes it as its AES key, and a shorter key silently accepted
 * would be a weak key the operator never meant to use.
 */
import type { Secret } from "../../../config/secrets.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import type { IdentityError } from "./identity-error.ts";

/** Length in bytes the decoded store key must have. */
export const STORE_KEY_BYTES = 32;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Decodes `storeKey` (standard or url-safe base64 of 32 bytes). Errors say what is wrong
 * and how to make a good key, but never echo the value.
 */
export function decodeStoreKey(
  storeKey: Secret,
  botId: string,
): Result<Uint8Array<ArrayBuffer>, Extract<IdentityError, { kind: "bad-store-key" }>> {
  const text = storeKey.reveal().trim();
  const howToFix = "generate one with `openssl rand -base64 32`";
  const isBase64 = BASE64.test(text);
  if (!isBase64 && !BASE64URL.test(text)) {
    return err({
      kind: "bad-store-key",
      message: `the store key of bot ${botId} is not base64 text; ${howToFix}`,
    });
  }
  const bytes = Buffer.from(text, isBase64 ? "base64" : "base64url");
  if (bytes.length !== STORE_KEY_BYTES) {
    return err({
      kind: "bad-store-key",
      message:
        `the store key of bot ${botId} decodes to ${bytes.length} bytes, but it must be exactly ` +
        `${STORE_KEY_BYTES} bytes (44 base64 characters); ${howToFix}`,
    });
  }
  const key = new Uint8Array(new ArrayBuffer(STORE_KEY_BYTES));
  key.set(bytes);
  return ok(key);
}
