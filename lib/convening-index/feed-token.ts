/**
 * Feed tokens are capability URLs: whoever has one reads the feed, and a feed shows
 * titles and times that can put people at risk, so a token must be unguessable (32 random
 * bytes) and nothing that leaves the process may carry it whole. Redis looks tokens up by
 * their SHA-256 and logs name them by a short prefix of it ({@link feedTokenTag}).
 */
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
/** 32 bytes in unpadded base64url. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh token: 32 random bytes, base64url (43 characters, URL-safe as is). */
export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Whether `text` could be a token; anything else is refused before touching Redis. */
export function isFeedTokenShaped(text: string): boolean {
  return TOKEN_SHAPE.test(text);
}

/** SHA-256 of the token, hex: its lookup key. No salt needed: the token is 256 random bits. */
export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What logs call a token: 12 hex digits of its hash, enough to tell tokens apart in a log. */
export function feedTokenTag(token: string): string {
  return hashFeedToken(token).slice(0, 12);
}
