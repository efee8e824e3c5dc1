/** The per-user command bucket against a real Redis (its own redis-server). */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserId } from "../../../../lib/matrix-ids.ts";
import { createCommandRateLimiter } from "../../../../bots/runtime/limits/index.ts";
import { startRedisServer, type RedisServer } from "../../../support/redis-server.ts";

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  await redis.quit();
  await server.stop();
});

const amina = "@amina:127.0.0.11:18448" as UserId;
const joao = "@joao:127.0.0.12:18448" as UserId;

describe("command rate limiter", () => {
  it("allows a burst up to capacity, then refuses with a retry time", async () => {
    const limiter = createCommandRateLimiter(redis, {
      prefix: `test-${randomUUID()}`,
      capacity: 3,
      refillPerSecond: 1,
    });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => limiter.take(amina)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    const refused = results.filter((r) => !r.allowed);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      // One token per second: the next is at most a second away.
      expect(r.retryAfterMs).toBeGreaterThan(0);
      expect(r.retryAfterMs).toBeLessThanOrEqual(1000);
    }
  });

  it("refills: after the advertised wait the next command is allowed", async () => {
    const limiter = createCommandRateLimiter(redis, {
      prefix: `test-${randomUUID()}`,
      capacity: 2,
      refillPerSecond: 20,
    });
    expect(await limiter.take(amina)).toEqual({ allowed: true });
    expect(await limiter.take(amina)).toEqual({ allowed: true });
    const refused = await limiter.take(amina);
    if (refused.allowed) throw new Error("expected a refusal");
    expect(refused.retryAfterMs).toBeLessThanOrEqual(50);
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 5));
    expect(await limiter.take(amina)).toEqual({ allowed: true });
  });

  it("keeps buckets per user: one person flooding does not starve another", async () => {
    const limiter = createCommandRateLimiter(redis, {
      prefix: `test-${randomUUID()}`,
      capacity: 2,
      refillPerSecond: 0.1,
    });
    for (let i = 0; i < 20; i++) await limiter.take(amina);
    expect((await limiter.take(amina)).allowed).toBe(false);
    expect(await limiter.take(joao)).toEqual({ allowed: true });
    expect(await limiter.take(joao)).toEqual({ allowed: true });
  });

  it("expires an idle bucket once it would be full again", async () => {
    const prefix = `test-${randomUUID()}`;
    const limiter = createCommandRateLimiter(redis, { prefix, capacity: 5, refillPerSecond: 1 });
    await limiter.take(amina);
    const ttl = await redis.pttl(`${prefix}:command-rate:${amina}`);
    expect(ttl).toBeGreaterThan(5000);
    expect(ttl).toBeLessThanOrEqual(6000);
  });

  it("rejects nonsensical settings", () => {
    expect(() => createCommandRateLimiter(redis, { prefix: "p", capacity: 0, refillPerSecond: 1 })).toThrow();
    expect(() => createCommandRateLimiter(redis, { prefix: "p", capacity: 1, refillPerSecond: 0 })).toThrow();
  });
});
