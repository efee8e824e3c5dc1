/**
 * `/ready` against a real Redis: this test starts its own redis-server on a free loopback port
 * (independent of the shared devnet), so it can stop it and watch readiness follow.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../lib/logger.ts";
import { redisReadinessCheck, startHub, type Hub } from "../../../server/start-hub.ts";

/** A port free right now: redis-server cannot bind port 0, so ask the kernel via a throwaway listener. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts redis-server without persistence and resolves once it accepts connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      reject(new Error(`redis-server exited with ${code}: ${output}`));
    });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
  });
  return child;
}

/** Stops a redis-server child and resolves once it has exited. */
async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

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
    const port = await freePort();
    let redisProcess = await startRedis(port);
    cleanups.push(() => stopRedis(redisProcess));

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

    await stopRedis(redisProcess);
    const down = await fetch(`${hub.url}/ready`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe("not_ready");
    expect(body.checks["redis"]).toMatch(/^redis ping (failed|timed out)/);

    const reconnected = nextReady(redis);
    redisProcess = await startRedis(port);
    await reconnected;
    const back = await fetch(`${hub.url}/ready`);
    expect(back.status).toBe(200);
  });
});
