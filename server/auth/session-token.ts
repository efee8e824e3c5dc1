/**
 * Hub sessions are signed bearer tokens, not server-side records: the hub keeps no session
 * store, and any hub process holding the key can check a token. A token reads
 * `v1.<user id, base64url>.<expiry, ms since epoch>.<HMAC-SHA256 of what precedes, base64url>`.
 *
 * The price of statelessness: a token cannot be revoked on its own before it expires. Signing
 * out clears the browser's cookie; changing the key ends every session at once; and every
 * request re-checks that the person is still in the config (see require-session.ts).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { type UserId, parseUserId } from "../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../lib/result.ts";

const VERSION = "v1";
// Far longer than any token we issue (a user id is at most 255 characters): refuse before
// decoding or hashing anything bigger.
const MAX_TOKEN_LENGTH = 600;
const DIGITS = /^[0-9]{1,16}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Who a valid token speaks for, and until when (ms since epoch). */
export interface Session {
  readonly userId: UserId;
  readonly expiresAt: number;
}

/** Why a token was refused. */
export type SessionTokenProblem = "malformed" | "bad-signature" | "expired";

/** A token for `userId` valid until `expiresAt` (ms since epoch), signed with `key`. */
export function signSessionToken(key: Uint8Array, userId: UserId, expiresAt: number): string {
  if (!Number.isSafeInteger(expiresAt) || expiresAt < 0)
    throw new RangeError("a session must expire at a whole, positive number of milliseconds");
  const signed = `${VERSION}.${Buffer.from(userId, "utf8").toString("base64url")}.${expiresAt}`;
  return `${signed}.${mac(key, signed).toString("base64url")}`;
}

/**
 * The session `token` opens, checked with `key` at `now`. The signature is checked before
 * the expiry, so a forged token is never told apart from an old one by its answer.
 */
export function verifySessionToken(
  key: Uint8Array,
  token: string,
  now: number,
): Result<Session, SessionTokenProblem> {
  if (token.length > MAX_TOKEN_LENGTH) return err("malformed");
  const parts = token.split(".");
  if (parts.length !== 4) return err("malformed");
  const [version = "", user = "", expiry = "", signature = ""] = parts;
  if (version !== VERSION || !BASE64URL.test(user) || !DIGITS.test(expiry) || !BASE64URL.test(signature))
    return err("malformed");
  const expected = mac(key, `${version}.${user}.${expiry}`);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return err("bad-signature");
  // Only a token this hub signed gets this far, so what follows is a bug, not an attack.
  const userId = parseUserId(Buffer.from(user, "base64url").toString("utf8"));
  if (!userId.ok) return err("malformed");
  const expiresAt = Number(expiry);
  if (expiresAt <= now) return err("expired");
  return ok({ userId: userId.value, expiresAt });
}

function mac(key: Uint8Array, signed: string): Buffer {
  return createHmac("sha256", key).update(signed, "utf8").digest();
}
