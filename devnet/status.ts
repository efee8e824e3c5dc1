/**
 * Report what is running in a devnet directory, without changing anything: per homeserver
 * and for Redis, "healthy" (answers), "running" (our process is alive but does not answer) or
 * "stopped".
 */
import { resolve } from "node:path";
import type { DevnetStatus, ProcessHealth } from "./types.ts";
import { homeserverPaths } from "./homeserver-paths.ts";
import { isOurProcess } from "./inspect-process.ts";
import { pingRedis, redisCommandMarker } from "./redis.ts";
import { synapseCommandMarker } from "./start-homeserver.ts";
import { readState } from "./state.ts";
import { synapseHealthy } from "./wait-ready.ts";

export async function status(dir: string): Promise<DevnetStatus> {
  const root = resolve(dir);
  const state = await readState(root);
  if (state === undefined) return { exists: false, homeservers: [] };
  const homeservers = await Promise.all(
    state.homeservers.map(async (hs) => {
      const alive = isOurProcess(hs.pid, synapseCommandMarker(homeserverPaths(root, hs.id)));
      const health = await healthOf(alive, () => synapseHealthy(hs.clientUrl));
      return {
        id: hs.id,
        serverName: hs.serverName,
        clientUrl: hs.clientUrl,
        ...(alive ? { pid: hs.pid } : {}),
        health,
      };
    }),
  );
  const redis = state.redis;
  // An unmanaged Redis is not ours to track by pid: it is healthy if it answers.
  const redisAlive = redis.managed ? isOurProcess(redis.pid, redisCommandMarker(redis.url)) : true;
  const redisHealth = await healthOf(redisAlive, () => pingRedis(redis.url));
  return {
    exists: true,
    homeservers,
    redis: {
      url: redis.url,
      managed: redis.managed,
      ...(redis.managed && redisAlive && redis.pid !== undefined ? { pid: redis.pid } : {}),
      health: redis.managed || redisHealth === "healthy" ? redisHealth : "stopped",
    },
  };
}

async function healthOf(alive: boolean, probe: () => Promise<boolean>): Promise<ProcessHealth> {
  if (!alive) return "stopped";
  return (await probe()) ? "healthy" : "running";
}
