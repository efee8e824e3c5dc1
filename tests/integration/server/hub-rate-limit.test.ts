/**
 * The hub's request budgets, against a real Redis: sign-in attempts run out first, every /api
 * request counts against the API budget, the refusal is Matrix's 429 `M_LIMIT_EXCEEDED` with
 * `Retry-After`, pages outside /api are not counted, and with Redis gone requests go through
 * rather than fail.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../lib/logger.ts";
import { type Hub, startHub } from "../../../server/start-hub.ts";
import { type RedisServer, startRedisServer } from "../../support/redis-server.ts";

let server: RedisServer;
let redis: Redis;
let hub: Hub;

async function post(path: string): Promise<Response> {
  return fetch(`${hub.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId: "@nobody:example.org", openIdToken: "x" }),
  });
}

beforeAll(async () => {
  server = await startRedisServer();
  // Fails fast when Redis is gone (the last test), instead of queueing until it returns.
  redis = new Redis(server.url, { maxRetriesPerRequest: 0, enableOfflineQueue: false });
  await new Promise<void>((resolve) => {
    redis.once("ready", () => {
      resolve();
    });
  });
  hub = await startHub(
    { host: "127.0.0.1", port: 0 },
    {
      logger: silentLogger(),
      readiness: [],
      rateLimit: {
        redis,
        prefix: `test-hub-${Date.now().toString(36)}`,
        // Refills so slowly that no token comes back while the test runs.
        api: { capacity: 6, refillPerSecond: 0.001 },
        signIn: { capacity: 2, refillPerSecond: 0.001 },
      },
    },
  );
}, 30_000);

afterAll(async () => {
  await hub.stop();
  redis.disconnect();
  await server.stop();
});

describe("the hub's request budgets", () => {
  it("refuses a third sign-in attempt, then any /api request past the budget, with Retry-After", async () => {
    // No sign-in is configured here, so the attempts are answered 404, after being counted.
    for (let attempt = 1; attempt <= 2; attempt++) expect((await post("/api/v1/session")).status).toBe(404);
    const third = await post("/api/v1/session");
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await third.json()) as { errcode?: string; error?: string };
    expect(body.errcode).toBe("M_LIMIT_EXCEEDED");
    expect(body.error).toMatch(/try again/);

    // Two API tokens are gone (the sign-ins let through count too; the refused one stopped
    // before the API budget); four more, then refused.
    for (let request = 1; request <= 4; request++)
      expect((await fetch(`${hub.url}/api/v1/requests/stats`)).status).not.toBe(429);
    const refused = await fetch(`${hub.url}/api/v1/requests/stats`);
    expect(refused.status).toBe(429);
    // Outside /api nothing is counted.
    expect((await fetch(`${hub.url}/health`)).status).not.toBe(429);
  });

  it("lets requests through when Redis cannot be reached", async () => {
    await server.stop();
    const response = await fetch(`${hub.url}/api/v1/requests/stats`);
    expect(response.status).not.toBe(429);
    expect(response.status).toBeLessThan(500);
  });
});
