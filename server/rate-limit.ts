/**
 * Request budgets for the hub's API, per client address, in Redis so that every hub process
 * behind one proxy shares them: a steady budget for `/api`, and a much smaller one for sign-in
 * attempts (each costs a call to a homeserver, and guessing tokens must stay slow). Past the
 * budget the answer is Matrix's own 429 `M_LIMIT_EXCEEDED`, with `Retry-After`.
 *
 * If Redis cannot be reached the request goes through (with a warning): the budget protects
 * against abuse, and refusing everyone while Redis restarts would be a worse outage.
 */
import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import { type TokenBuckets, createTokenBuckets } from "../lib/token-bucket.ts";
import { HubError } from "./hub-error.ts";
import { requestContext } from "./request-context.ts";

export type Budget = { readonly capacity: number; readonly refillPerSecond: number };

/** Options for the hub's budgets (`HubDeps.rateLimit`). */
export type HubRateLimitOptions = {
  readonly redis: Redis;
  /** Key prefix, e.g. `meridian:hub`. */
  readonly prefix: string;
  /** Every `/api` request; default a burst of 60, then 2 a second. */
  readonly api?: Budget;
  /** `POST /api/v1/session`; default a burst of 10, then one every 10 s. */
  readonly signIn?: Budget;
};

export type HubRateLimits = { readonly api: TokenBuckets; readonly signIn: TokenBuckets };

export const DEFAULT_API_BUDGET: Budget = { capacity: 60, refillPerSecond: 2 };
export const DEFAULT_SIGN_IN_BUDGET: Budget = { capacity: 10, refillPerSecond: 0.1 };

export function createHubRateLimits(options: HubRateLimitOptions): HubRateLimits {
  return {
    api: createTokenBuckets(options.redis, {
      prefix: `${options.prefix}:api-rate`,
      ...(options.api ?? DEFAULT_API_BUDGET),
    }),
    signIn: createTokenBuckets(options.redis, {
      prefix: `${options.prefix}:sign-in-rate`,
      ...(options.signIn ?? DEFAULT_SIGN_IN_BUDGET),
    }),
  };
}

/** Takes one token of `buckets` for the client's address, or answers 429. */
export function rateLimitMiddleware(buckets: TokenBuckets, budget: string): RequestHandler {
  return async (req, res, next) => {
    const client = req.ip ?? req.socket.remoteAddress ?? "unknown";
    let taken;
    try {
      taken = await buckets.take(client);
    } catch (error: unknown) {
      requestContext(res).log.warn(
        { budget, err: error instanceof Error ? error.message : String(error) },
        "rate limit unavailable; request let through",
      );
      next();
      return;
    }
    if (taken.allowed) {
      next();
      return;
    }
    const seconds = Math.ceil(taken.retryAfterMs / 1000);
    res.set("retry-after", String(seconds));
    next(new HubError(429, "M_LIMIT_EXCEEDED", `Too many requests; try again in ${seconds} s`));
  };
}
