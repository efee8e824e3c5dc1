/**
 * Issuing and revoking feed tokens. One live token per subject: issuing again gives the
 * same token (the bot can show a person their URL as often as they ask), and rotating
 * replaces it, so a leaked URL stops working at once.
 *
 * Stored twice: the token itself under its subject, which is what lets the bot show it
 * again, and the subject under the token's SHA-256, which is what the hub looks up. Keeping
 * the token readable in Redis exposes nothing Redis does not already hold (the convenings
 * themselves), whereas storing only hashes would force a new URL, and a broken
 * subscription, every time someone asked for theirs. The lookup key is a hash so a key
 * listing, MONITOR or slow log shows no usable URL.
 */
import type { Redis } from "ioredis";
import { type FeedSubject, serialiseFeedSubject } from "./feed-subject.ts";
import { hashFeedToken, newFeedToken } from "./feed-token.ts";
import type { ConveningIndexKeys } from "./index-keys.ts";

// Compare-and-set on the subject's token, so both lookup keys are known to the caller and
// passed in KEYS. KEYS[1]: the subject's token key, then the lookup key to delete (when
// ARGV[1], the token read, is not empty), then the one to create (when ARGV[2] is not
// empty). ARGV[3]: the subject JSON. Answers "moved" when the token changed meanwhile.
const SWAP_SCRIPT = `
if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 'moved' end
local at = 2
if ARGV[1] ~= '' then redis.call('DEL', KEYS[at]); at = at + 1 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[2])
  redis.call('SET', KEYS[at], ARGV[3])
end
return 'done'
`;

const MAX_ATTEMPTS = 10;

/**
 * The live token of `subject`, issuing one if it has none. With `rotate`, a new token
 * replaces the old one, which stops working.
 */
export async function issueFeedToken(
  redis: Redis,
  keys: ConveningIndexKeys,
  subject: FeedSubject,
  options: { readonly rotate?: boolean } = {},
): Promise<string> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const current = (await currentFeedToken(redis, keys, subject)) ?? null;
    if (current !== null && options.rotate !== true) return current;
    const token = newFeedToken();
    if ((await swap(redis, keys, subject, current, token)) === "done") return token;
  }
  throw new Error(`feed token of a ${subject.kind} kept changing under ${MAX_ATTEMPTS} attempts`);
}

/**
 * Makes `token` the live token of `subject`, replacing any other: how the bot puts back, after
 * Redis lost them, the tokens it keeps durably (and how it installs one it made itself).
 */
export async function putFeedToken(
  redis: Redis,
  keys: ConveningIndexKeys,
  subject: FeedSubject,
  token: string,
): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const current = (await currentFeedToken(redis, keys, subject)) ?? null;
    if (current === token) return;
    if ((await swap(redis, keys, subject, current, token)) === "done") return;
  }
  throw new Error(`feed token of a ${subject.kind} kept changing under ${MAX_ATTEMPTS} attempts`);
}

/** The live token of `subject`, if it has one. */
export async function currentFeedToken(
  redis: Redis,
  keys: ConveningIndexKeys,
  subject: FeedSubject,
): Promise<string | undefined> {
  return (await redis.get(keys.feedTokenOf(subject))) ?? undefined;
}

/** Revokes `subject`'s token, if it has one; its URL then answers like one never issued. */
export async function revokeFeedToken(
  redis: Redis,
  keys: ConveningIndexKeys,
  subject: FeedSubject,
): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const current = await redis.get(keys.feedTokenOf(subject));
    if (current === null) return;
    if ((await swap(redis, keys, subject, current, undefined)) === "done") return;
  }
  throw new Error(`feed token of a ${subject.kind} kept changing under ${MAX_ATTEMPTS} attempts`);
}

async function swap(
  redis: Redis,
  keys: ConveningIndexKeys,
  subject: FeedSubject,
  current: string | null,
  next: string | undefined,
): Promise<unknown> {
  const lookups = [
    ...(current === null ? [] : [keys.feedLookup(hashFeedToken(current))]),
    ...(next === undefined ? [] : [keys.feedLookup(hashFeedToken(next))]),
  ];
  return redis.eval(
    SWAP_SCRIPT,
    1 + lookups.length,
    keys.feedTokenOf(subject),
    ...lookups,
    current ?? "",
    next ?? "",
    serialiseFeedSubject(subject),
  );
}
