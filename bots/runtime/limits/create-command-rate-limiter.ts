/**
 * A token bucket per user for bot commands (lib/token-bucket.ts), kept in Redis so every
 * process of a bot shares it: one person sending commands in a loop must not push everyone
 * else's commands behind theirs.
 */
import type { Redis } from "ioredis";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { type TakeResult, createTokenBuckets } from "../../../lib/token-bucket.ts";

export type { TakeResult } from "../../../lib/token-bucket.ts";

export interface CommandRateLimiterOptions {
  /** Key prefix, unique per bot, e.g. "meridian:convene". */
  readonly prefix: string;
  /** The burst a user may send at once. */
  readonly capacity: number;
  /** Tokens regained per second. */
  readonly refillPerSecond: number;
}

export interface CommandRateLimiter {
  /** Takes one token for `userId`; when none is left, says how long until one is. */
  take(userId: UserId): Promise<TakeResult>;
}

/** A per-user token bucket stored under `<prefix>:command-rate:<userId>`. */
export function createCommandRateLimiter(
  redis: Redis,
  options: CommandRateLimiterOptions,
): CommandRateLimiter {
  const buckets = createTokenBuckets(redis, { ...options, prefix: `${options.prefix}:command-rate` });
  return { take: (userId) => buckets.take(userId) };
}
