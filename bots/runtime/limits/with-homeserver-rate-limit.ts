/**
 * Retries a homeserver call that was refused for rate limiting, after the delay the server asks
 * for. Synapse rate-limits bots like anyone else (sending, joining, inviting); a burst of
 * reminders must slow down rather than fail, while every other error reaches the caller at once.
 */
import { HTTPError } from "matrix-js-sdk/lib/http-api/errors.js";
import type { Logger } from "../../../lib/logger.ts";

export interface HomeserverRateLimitOptions {
  /** Total calls including the first; 1 means never retry. */
  readonly maxAttempts: number;
  readonly logger: Logger;
  /** Upper bound on one wait, whatever the server says (a broken hint must not stall a bot). Default 30 s. */
  readonly maxWaitMs?: number;
  /** The wait when the server gives no hint. Default 1 s. */
  readonly defaultWaitMs?: number;
  /** Up to this fraction is added to each wait, so bots refused together do not retry together. Default 0.2. */
  readonly jitterRatio?: number;
  /** Source of randomness for the jitter (tests pass a fixed one). Default Math.random. */
  readonly random?: () => number;
  /** Aborts a pending wait (e.g. on shutdown); the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** A label for logs, e.g. "send reply". */
  readonly operation?: string;
}

const DEFAULT_MAX_WAIT_MS = 30_000;
const DEFAULT_WAIT_MS = 1_000;
const DEFAULT_JITTER_RATIO = 0.2;

/**
 * The delay a rate-limit error asks for, or null when `error` is not a rate-limit refusal.
 * Rate limiting is errcode M_LIMIT_EXCEEDED or HTTP 429; the delay comes from the Retry-After
 * header or `retry_after_ms` (through the SDK, which knows their precedence), else `fallbackMs`.
 */
export function rateLimitDelayMs(error: unknown, fallbackMs: number): number | null {
  if (!(error instanceof HTTPError)) return null;
  if (!error.isRateLimitError() && error.httpStatus !== 429) return null;
  let hinted: number | null;
  try {
    hinted = error.getRetryAfterMs();
  } catch {
    // A malformed Retry-After or retry_after_ms: still a rate limit, just without a usable hint.
    hinted = null;
  }
  return hinted === null || !Number.isFinite(hinted) ? fallbackMs : Math.max(0, hinted);
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Calls `fn`, and while it fails with a rate-limit error waits as asked (capped, plus jitter)
 * and calls it again, at most `maxAttempts` times in all. Other errors, and the last rate-limit
 * error once attempts run out, are thrown unchanged.
 *
 * `fn` must be safe to repeat: for sends, pass a fixed transaction id (see `transactionIdFor`).
 */
export async function withHomeserverRateLimit<T>(
  fn: () => Promise<T>,
  options: HomeserverRateLimitOptions,
): Promise<T> {
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1)
    throw new Error(`maxAttempts must be a positive integer, got ${options.maxAttempts}`);
  const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const fallback = options.defaultWaitMs ?? DEFAULT_WAIT_MS;
  const jitterRatio = options.jitterRatio ?? DEFAULT_JITTER_RATIO;
  const random = options.random ?? Math.random;

  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error: unknown) {
      const asked = rateLimitDelayMs(error, fallback);
      if (asked === null || attempt >= options.maxAttempts) throw error;
      const capped = Math.min(asked, maxWait);
      const delayMs = Math.round(capped + capped * jitterRatio * random());
      options.logger.warn(
        { operation: options.operation, attempt, maxAttempts: options.maxAttempts, askedMs: asked, delayMs },
        "homeserver rate limit: waiting before retrying",
      );
      await wait(delayMs, options.signal);
    }
  }
}
