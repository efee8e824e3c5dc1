/**
 * The retry logic is ours and pure: fake errors built from the SDK's own MatrixError class and
 * fake timers stand in for a homeserver, so waits are checked to the millisecond without waiting.
 */
import { HTTPError, MatrixError } from "matrix-js-sdk/lib/http-api/errors.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../../../lib/logger.ts";
import {
  rateLimitDelayMs,
  withHomeserverRateLimit,
  type HomeserverRateLimitOptions,
} from "../../../../bots/runtime/limits/index.ts";

function limitExceeded(retryAfterMs?: number, headers?: Record<string, string>): MatrixError {
  return new MatrixError(
    {
      errcode: "M_LIMIT_EXCEEDED",
      error: "Too Many Requests",
      ...(retryAfterMs === undefined ? {} : { retry_after_ms: retryAfterMs }),
    },
    429,
    "http://hs/_matrix/client/v3/rooms/!r/send/m.room.message/t1",
    undefined,
    headers === undefined ? undefined : new Headers(headers),
  );
}

/** A call that fails with `errors` in turn, then succeeds; counts its calls. */
function flaky(errors: Error[]): { fn: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    fn: () => {
      const error = errors[calls];
      calls++;
      return error === undefined ? Promise.resolve("sent") : Promise.reject(error);
    },
    calls: () => calls,
  };
}

const base: HomeserverRateLimitOptions = { maxAttempts: 5, logger: silentLogger(), random: () => 0 };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("withHomeserverRateLimit", () => {
  it("waits retry_after_ms from the error body, then retries", async () => {
    const call = flaky([limitExceeded(2000)]);
    const result = withHomeserverRateLimit(call.fn, base);
    await vi.advanceTimersByTimeAsync(1999);
    expect(call.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.calls()).toBe(2);
    await expect(result).resolves.toBe("sent");
  });

  it("prefers the Retry-After header (seconds) over retry_after_ms, as the SDK does", async () => {
    const call = flaky([limitExceeded(500, { "Retry-After": "3" })]);
    const result = withHomeserverRateLimit(call.fn, base);
    await vi.advanceTimersByTimeAsync(2999);
    expect(call.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe("sent");
  });

  it("treats a bare HTTP 429 as a rate limit and uses the default wait without a hint", async () => {
    const call = flaky([new HTTPError("Too Many Requests", 429)]);
    const result = withHomeserverRateLimit(call.fn, { ...base, defaultWaitMs: 700 });
    await vi.advanceTimersByTimeAsync(699);
    expect(call.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe("sent");
  });

  it("caps an absurd hint and adds jitter on top (never less than asked)", async () => {
    const call = flaky([limitExceeded(3_600_000)]);
    const result = withHomeserverRateLimit(call.fn, {
      ...base,
      maxWaitMs: 1000,
      jitterRatio: 0.5,
      random: () => 1,
    });
    await vi.advanceTimersByTimeAsync(1499);
    expect(call.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe("sent");
  });

  it("ignores a malformed retry_after_ms and falls back to the default wait", async () => {
    const call = flaky([limitExceeded(1.5)]);
    const result = withHomeserverRateLimit(call.fn, { ...base, defaultWaitMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    await expect(result).resolves.toBe("sent");
    expect(call.calls()).toBe(2);
  });

  it("passes other errors through at once, without waiting", async () => {
    const forbidden = new MatrixError({ errcode: "M_FORBIDDEN", error: "not in room" }, 403);
    const call = flaky([forbidden]);
    await expect(withHomeserverRateLimit(call.fn, base)).rejects.toBe(forbidden);
    expect(call.calls()).toBe(1);
    const plain = new Error("socket hang up");
    await expect(withHomeserverRateLimit(flaky([plain]).fn, base)).rejects.toBe(plain);
  });

  it("gives up after maxAttempts calls and throws the last rate-limit error", async () => {
    const errors = [limitExceeded(10), limitExceeded(10), limitExceeded(10)];
    const call = flaky(errors);
    const result = withHomeserverRateLimit(call.fn, { ...base, maxAttempts: 3 });
    const settled = expect(result).rejects.toBe(errors[2]);
    await vi.advanceTimersByTimeAsync(100);
    await settled;
    expect(call.calls()).toBe(3);
  });

  it("stops waiting when the signal aborts (shutdown)", async () => {
    const controller = new AbortController();
    const call = flaky([limitExceeded(10_000)]);
    const result = withHomeserverRateLimit(call.fn, { ...base, signal: controller.signal });
    const settled = expect(result).rejects.toThrow("shutting down");
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error("shutting down"));
    await settled;
    expect(call.calls()).toBe(1);
  });

  it("rejects a maxAttempts below 1 (a caller bug)", async () => {
    await expect(withHomeserverRateLimit(flaky([]).fn, { ...base, maxAttempts: 0 })).rejects.toThrow(
      "maxAttempts",
    );
  });
});

describe("rateLimitDelayMs", () => {
  it("is null for anything that is not a rate limit", () => {
    expect(rateLimitDelayMs(new Error("x"), 1)).toBeNull();
    expect(rateLimitDelayMs(new MatrixError({ errcode: "M_UNKNOWN" }, 500), 1)).toBeNull();
    expect(rateLimitDelayMs("M_LIMIT_EXCEEDED", 1)).toBeNull();
  });

  it("reads the hint, or falls back", () => {
    expect(rateLimitDelayMs(limitExceeded(1234), 1)).toBe(1234);
    expect(rateLimitDelayMs(limitExceeded(), 99)).toBe(99);
    // M_LIMIT_EXCEEDED counts even when a proxy rewrote the status.
    expect(
      rateLimitDelayMs(new MatrixError({ errcode: "M_LIMIT_EXCEEDED", retry_after_ms: 5 }, 400), 1),
    ).toBe(5);
  });
});
