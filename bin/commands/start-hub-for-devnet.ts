/**
 * Starts the hub against a running devnet: readiness checks for its Redis, every regional
 * homeserver of the config and every chat bot (through the heartbeats they publish), and the
 * bots' gauges on /metrics; sign-in with the config's people and homeservers, sessions signed
 * with `secrets.hubSessionKey` (read from `secretsDir`), practice requests passed to the
 * route bot, and the public digest site from the digest bot's index (with live updates from
 * its announcements). Returns a stop function that also closes the Redis connections.
 */
import { Redis } from "ioredis";
import { listBots, readSecret, type NetworkConfig, type Secret } from "../../config/index.ts";
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
  secretsDir?: string,
): Promise<RunningHub> {
  // Read before connecting anything, so a missing key file stops the start with nothing to undo.
  const sessionKey = await readSessionKey(config, secretsDir);
  // Fail fast on a dead Redis instead of queueing commands forever: /ready must say so.
  const redis = new Redis(devnet.redis.url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  redis.on("error", (error: Error) => {
    logger.warn({ err: error.message }, "redis connection error");
  });
  // The digest bot's announcements need a connection of their own (a subscribed client can do
  // nothing else). It queues its SUBSCRIBE until Redis is there and re-subscribes after a drop.
  const subscriber = new Redis(devnet.redis.url, { lazyConnect: false });
  subscriber.on("error", (error: Error) => {
    logger.warn({ err: error.message }, "redis subscriber connection error");
  });
  // socket.io's Redis adapter listens on a connection of its own too, so that a second hub
  // process behind the same proxy reaches the same clients.
  const adapterSubscriber = new Redis(devnet.redis.url, { lazyConnect: false });
  adapterSubscriber.on("error", (error: Error) => {
    logger.warn({ err: error.message }, "redis socket.io adapter connection error");
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
  let hub: Hub;
  try {
    hub = await startHub(
      {
        host: config.hub.host,
        port: hubPort,
        ...(config.hub.publicUrl === undefined ? {} : { publicUrl: config.hub.publicUrl }),
        trustProxy: config.hub.trustProxy,
        network: config,
      },
      // Calendar feeds come from the index the convene bot publishes, practice requests go to
      // the route bot and their statistics come from its case index, the digest site from the
      // digest bot's index.
      {
        logger,
        readiness,
        conveningIndex: { redis, redisPrefix: NETWORK_BOTS_REDIS_PREFIX },
        auth: { directory: config, sessionKey },
        requests: { redis, redisPrefix: NETWORK_BOTS_REDIS_PREFIX },
        digestIndex: { redis, redisPrefix: NETWORK_BOTS_REDIS_PREFIX, subscriber },
        rateLimit: { redis, prefix: `${NETWORK_BOTS_REDIS_PREFIX}:hub` },
        socketAdapter: { pub: redis, sub: adapterSubscriber, key: `${NETWORK_BOTS_REDIS_PREFIX}:socket.io` },
      },
    );
  } catch (error: unknown) {
    redis.disconnect();
    subscriber.disconnect();
    adapterSubscriber.disconnect();
    throw error;
  }
  registerBotMetrics(hub.metrics, {
    botIds,
    read: (id) => readBotHealth(redis, botHealthKey(NETWORK_BOTS_REDIS_PREFIX, id)),
  });
  return {
    hub,
    async stop() {
      await hub.stop();
      redis.disconnect();
      subscriber.disconnect();
      adapterSubscriber.disconnect();
    },
  };
}

/**
 * The configured session key; undefined (a random key per start) when the config names none
 * or no secrets directory was given. A key that is configured but unreadable is an error:
 * signing sessions with a random key instead would silently sign everyone out on restart.
 */
async function readSessionKey(
  config: NetworkConfig,
  secretsDir: string | undefined,
): Promise<Secret | undefined> {
  const ref = config.secrets.hubSessionKey;
  if (ref === undefined || secretsDir === undefined) return undefined;
  const secret = await readSecret(ref, { secretsDir, env: process.env });
  if (!secret.ok) throw new Error(`the hub session key could not be read: ${secret.error}`);
  return secret.value;
}
