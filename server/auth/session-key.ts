/**
 * The key hub sessions are signed with. From the config's `secrets.hubSessionKey` when it
 * is set: sessions then survive a restart and every hub process behind one address accepts
 * the others' tokens. Without it, a random key per start: nothing to configure for a single
 * demo hub, at the cost of everyone signing in again after each restart.
 */
import { createHmac, randomBytes } from "node:crypto";

/** Bytes of a random key, as many as SHA-256's block of output. */
const KEY_BYTES = 32;

/**
 * The signing key: derived from `secret` (any length in, 32 bytes out; the label keeps it
 * apart from any other use of the same secret), or random when there is none.
 */
export function sessionKeyOf(secret: { reveal(): string } | undefined): Buffer {
  if (secret === undefined) return randomBytes(KEY_BYTES);
  return createHmac("sha256", secret.reveal()).update("meridian hub session key v1", "utf8").digest();
}
