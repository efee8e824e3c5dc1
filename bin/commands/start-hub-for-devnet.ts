/**
 * Starts the hub against a running devnet: readiness checks for its Redis, every regional
 * homeserver of the config and every chat bot (through the heartbeats they publish), and the
 * bots' gauges on /metrics. Returns a stop function that also closes the Redis connection.
 */
import { Redis } from "ioredis";
import { listBots, type NetworkConfig } from "../../config/index.ts";
import type { DevnetState } from "../../devnet/index.ts";
import type { Logger } from "../../lib/logger.ts";
import { botHealthKey, NETWORK_BOTS_REDIS_PREFIX, readBotHealth } from "../../lib/bot-health-key.ts";
import { registerBotMetrics } from "../../server/bot-metrics.ts";
import {
  botReadinessCheck,
  homeserverReadinessCheck,
  redisReadinessCheck,
} from "../../server/readiness-checks.ts";
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
  // The provisioner runs and exits; the chat bots run all the time and must be ready.
  const botIds = listBots(config)
    .map(({ name }) => name)
    .filter((name) => name !== "provisioner");
  const readiness = [
    redisReadinessCheck(redis),
    ...config.regions.map((region) => homeserverReadinessCheck(region.id, region.homeserver.clientUrl)),
    ...botIds.map((id) => botReadinessCheck(redis, id, botHealthKey(NETWORK_BOTS_REDIS_PREFIX, id))),
  ];
  const hub = await startHub(
    {
      host: config.hub.host,
      port: hubPort,
      ...(config.hub.publicUrl === undefined ? {} : { publicUrl: config.hub.publicUrl }),
      network: config,
    },
    // Calendar feeds come from the index the convene bot publishes.
    { logger, readiness, conveningIndex: { redis, redisPrefix: NETWORK_BOTS_REDIS_PREFIX } },
  );
  registerBotMetrics(hub.metrics, {
    botIds,
    read: (id) => readBotHealth(redis, botHealthKey(NETWORK_BOTS_REDIS_PREFIX, id)),
  });
  return {
    hub,
    async stop() {
      await hub.stop();
      redis.disconnect();
    },
  };
}
