/** The hub's side of feed tokens: which subject a token opens, if any. */
import { timingSafeEqual } from "node:crypto";
import type { Redis } from "ioredis";
import { type FeedSubject, parseFeedSubject } from "./feed-subject.ts";
import { hashFeedToken, isFeedTokenShaped } from "./feed-token.ts";
import type { ConveningIndexKeys } from "./index-keys.ts";

/**
 * The subject `token` opens, or undefined for a token never issued, revoked, rotated away
 * or malformed: all look the same to the caller, as they must to whoever holds the URL.
 */
export async function resolveFeedToken(
  redis: Redis,
  keys: ConveningIndexKeys,
  token: string,
): Promise<FeedSubject | undefined> {
  if (!isFeedTokenShaped(token)) return undefined;
  const hash = hashFeedToken(token);
  const stored = await redis.get(keys.feedLookup(hash));
  if (stored === null) return undefined;
  const subject = parseFeedSubject(stored);
  if (subject === undefined) return undefined;
  // The subject's own token is the authority: a lookup key left behind by anything but
  // our scripts (a partial restore, a hand edit) must not keep an old URL alive.
  const live = await redis.get(keys.feedTokenOf(subject));
  return live !== null && sameHash(hashFeedToken(live), hash) ? subject : undefined;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
