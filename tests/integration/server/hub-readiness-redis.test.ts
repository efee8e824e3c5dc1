/**
 * `/ready` against a real Redis: this test starts its own redis-server on a free loopback port
 * (independent of the shared devnet), so it can stop it and watch readiness follow.
 */
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../lib/logger.ts";
import { redisReadinessCheck, startHub, type Hub } from "../../../server/start-hub.ts";
import { startRedisServer } from "../../support/redis-server.ts";

/** Resolves on the client's next `ready` event (it reconnects on its own). */
function nextReady(redis: Redis): Promise<void> {
  return new Promise((resolve) => redis.once("ready", resolve));
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("GET /ready with a real Redis", () => {
  it("is 200 while Redis is up, 503 once it stops, and 200 again when it is back", async () => {
    let redisServer = await startRedisServer();
    const { port } = redisServer;
    cleanups.push(() => redisServer.stop());

    // Fail fast while Redis is down instead of queueing commands until the check times out.
    const redis = new Redis({
      host: "127.0.0.1",
      port,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => 50,
    });
    // Connection errors are expected while Redis is stopped; without a listener ioredis prints them.
    redis.on("error", () => undefined);
    cleanups.push(async () => {
      redis.disconnect();
      await Promise.resolve();
    });
    await (redis.status === "ready" ? Promise.resolve() : nextReady(redis));

    const hub: Hub = await startHub(
      { host: "127.0.0.1", port: 0 },
      { logger: silentLogger(), readiness: [redisReadinessCheck(redis)] },
    );
    cleanups.push(() => hub.stop());

    const up = await fetch(`${hub.url}/ready`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: "ready", checks: { redis: "ok" } });

    await redisServer.stop();
    const down = await fetch(`${hub.url}/ready`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe("not_ready");
    expect(body.checks["redis"]).toMatch(/^redis ping (failed|timed out)/);

    const reconnected = nextReady(redis);
    redisServer = await startRedisServer({ port });
    await reconnected;
    const back = await fetch(`${hub.url}/ready`);
    expect(back.status).toBe(200);
  });
});
