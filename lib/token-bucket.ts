/**
 * A token bucket per key, kept in Redis so every process shares it: the bots' per-person
 * command budget and the hub's per-client request budget. Without one, a single person (or a
 * compromised account, or a script) could keep a bot or the hub busy for everyone else.
 */
import type { Redis } from "ioredis";

export type TakeResult =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export interface TokenBucketOptions {
  /** Key prefix, e.g. "meridian:convene:command-rate". */
  readonly prefix: string;
  /** The burst allowed at once. */
  readonly capacity: number;
  /** Tokens regained per second. */
  readonly refillPerSecond: number;
}

export interface TokenBuckets {
  /** Takes one token from `key`'s bucket; when none is left, says how long until one is. */
  take(key: string): Promise<TakeResult>;
}

/**
 * KEYS: bucket. ARGV: capacity, tokens per ms.
 * Uses the Redis clock so that processes with skewed clocks agree on the refill. A bucket idle
 * long enough to be full again expires: an absent key means "full", so nothing is lost.
 * Returns { allowed (0/1), retry after ms }.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - last) * perMs)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = math.ceil((1 - tokens) / perMs)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs) + 1000)
return { allowed, retry }
`;

/** Buckets stored under `<prefix>:<key>`. */
export function createTokenBuckets(redis: Redis, options: TokenBucketOptions): TokenBuckets {
  if (!Number.isInteger(options.capacity) || options.capacity < 1)
    throw new Error(`capacity must be a positive integer, got ${options.capacity}`);
  if (!(options.refillPerSecond > 0) || !Number.isFinite(options.refillPerSecond))
    throw new Error(`refillPerSecond must be a positive number, got ${options.refillPerSecond}`);
  if (options.prefix === "") throw new Error("prefix must not be empty");
  const perMs = options.refillPerSecond / 1000;

  return {
    async take(key) {
      const reply = await redis.eval(TAKE_SCRIPT, 1, `${options.prefix}:${key}`, options.capacity, perMs);
      if (!Array.isArray(reply) || typeof reply[0] !== "number" || typeof reply[1] !== "number")
        throw new Error("unexpected reply from the rate limit script");
      return reply[0] === 1 ? { allowed: true } : { allowed: false, retryAfterMs: Math.max(1, reply[1]) };
    },
  };
}
