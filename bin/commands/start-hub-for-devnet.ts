/**
 * Starts the hub against a running devnet: readiness checks for its Redis and every regional
 * homeserver of the config. Returns a stop function that also closes the Redis connection.
 */
import { Redis } from "ioredis";
import type { NetworkConfig } from "../../config/index.ts";
import type { DevnetState } from "../../devnet/index.ts";
import type { Logger } from "../../lib/logger.ts";
import { homeserverReadinessCheck, redisReadinessCheck } from "../../server/readiness-checks.ts";
import { startHub, type Hub } from "../../server/start-hub.ts";

export interface RunningHub {
  hub: Hub;
  stop(): Promise<void>;
}

export async function startHubForDevnet(
  config: NetworkConfig,
  devnet: DevnetState,
  logger: Logger,
  hubPort: number = config.hub.port,
): Promise<RunningHub> {
  // Fail fast on a dead Redis instead of queueing commands forever: /ready must say so.
  const redis = new Redis(devnet.redis.url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  redis.on("error", (error: Error) => {
    logger.warn({ err: error.message }, "redis connection error");
  });
  const readiness = [
    redisReadinessCheck(redis),
    ...config.regions.map((region) => homeserverReadinessCheck(region.id, region.homeserver.clientUrl)),
  ];
  const hub = await startHub(
    {
      host: config.hub.host,
      port: hubPort,
      ...(config.hub.publicUrl === undefined ? {} : { publicUrl: config.hub.publicUrl }),
    },
    { logger, readiness },
  );
  return {
    hub,
    async stop() {
      await hub.stop();
      redis.disconnect();
    },
  };
}
