/**
 * Starts the network's chat bots in one process, each with its own identity, from the
 * network config: its homeserver, its secrets, its state directory. `meridian bots` and
 * `npm start` call this; tests start single bots through `startBot` directly.
 */
import { join } from "node:path";
import { Redis } from "ioredis";
import { readSecret, type NetworkConfig } from "../config/index.ts";
import { NETWORK_BOTS_REDIS_PREFIX } from "../lib/bot-health-key.ts";
import type { Logger } from "../lib/logger.ts";
import { type Result, err, ok } from "../lib/result.ts";
import { CHAT_BOT_IDS, type ChatBotId } from "./bot-definitions.ts";
import { invitePolicyFromConfig } from "./runtime/invites/decide-invite.ts";
import { rolesFromConfig } from "./runtime/roles/roles-of.ts";
import { startBot, type BotDefinition, type RunningBot } from "./runtime/start-bot.ts";
import { type ConveneBotOptions, conveneBot } from "./convene/convene-bot.ts";
import { type RouteBotOptions, routeBot } from "./route/route-bot.ts";
import { type DigestBotOptions, digestBot } from "./digest/digest-bot.ts";
import {
  digestIndexKeys,
  putPublishedEdition,
  putPublishedItem,
  readPublishedEdition,
  readPublishedItem,
  removePublishedItem,
} from "../lib/digest-index/index.ts";
import { caseIndexKeys, publishCaseSummary } from "../lib/case-index/index.ts";
import { requestIntakeKeys, serveIntake } from "../lib/request-intake/index.ts";
import {
  conveningIndexKeys,
  currentFeedToken,
  publishConvening,
  putFeedToken,
} from "../lib/convening-index/index.ts";

export interface NetworkBotsOptions {
  secretsDir: string;
  /** Each bot keeps its identity in `<stateRoot>/<botId>`. */
  stateRoot: string;
  redisUrl: string;
  redisPrefix?: string;
  only?: readonly ChatBotId[];
}

export interface NetworkBots {
  bots: readonly RunningBot[];
  stop(): Promise<void>;
}

export async function startNetworkBots(
  config: NetworkConfig,
  options: NetworkBotsOptions,
  logger: Logger,
): Promise<Result<NetworkBots, string>> {
  // BullMQ workers need blocking commands without a retry cap; the same client serves the rest.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  redis.on("error", (error: Error) => {
    logger.warn({ err: error.message }, "redis connection error");
  });
  const rolesOf = rolesFromConfig(config);
  const invitePolicy = invitePolicyFromConfig(config);
  const started: RunningBot[] = [];
  // What the bots' own subscriptions need ended with them (the router's hub intake).
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled(stoppers.map((stop) => stop()));
    await Promise.allSettled(started.map((bot) => bot.stop()));
    redis.disconnect();
  };

  for (const id of options.only ?? CHAT_BOT_IDS) {
    const bot = config.bots[id];
    const region = config.regions.find((r) => r.id === bot.region);
    const sources = { secretsDir: options.secretsDir, env: process.env };
    const [password, storeKey] = await Promise.all([
      readSecret(bot.password, sources),
      readSecret(bot.storeKey, sources),
    ]);
    if (region === undefined || !password.ok || !storeKey.ok) {
      await stopAll();
      const why = !password.ok
        ? password.error
        : !storeKey.ok
          ? storeKey.error
          : `region ${bot.region} is unknown`;
      return err(`bot ${id}: ${why}`);
    }
    const start = <S>(definition: BotDefinition<S>) =>
      startBot(definition, runtimeOptions, {
        logger,
        redis,
        redisUrl: options.redisUrl,
        rolesOf,
        invitePolicy,
      });
    const runtimeOptions = {
      homeserverUrl: region.homeserver.clientUrl,
      userId: bot.userId,
      password: password.value,
      storeKey: storeKey.value,
      stateDir: join(options.stateRoot, id),
      redisPrefix: options.redisPrefix ?? NETWORK_BOTS_REDIS_PREFIX,
      maxEventAgeMs: bot.maxCommandAge,
      commandRate: { capacity: bot.commandRate.burst, refillPerSecond: bot.commandRate.perMinute / 60 },
    };
    const prefix = options.redisPrefix ?? NETWORK_BOTS_REDIS_PREFIX;
    const running =
      id === "convene"
        ? await start(conveneBot(config, conveneFeeds(config, redis, prefix)))
        : id === "route"
          ? await start(routeBot(config, routeOptions(config, redis, prefix, logger, stoppers)))
          : await start(digestBot(config, digestOptions(config, redis, prefix, storeKey.value.reveal())));
    if (!running.ok) {
      await stopAll();
      return err(running.error.message);
    }
    started.push(running.value);
  }
  return ok({ bots: started, stop: stopAll });
}

/** The convene bot's options: its keys, and the calendar index and feed URLs the hub serves. */
function conveneFeeds(config: NetworkConfig, redis: Redis, prefix: string): ConveneBotOptions {
  const keys = conveningIndexKeys(prefix, config.network.id);
  const hubUrl = config.hub.publicUrl ?? `http://${config.hub.host}:${config.hub.port}`;
  return {
    prefix: `${prefix}:convene-data`,
    publish: async (stored) => {
      await publishConvening(redis, keys, stored.convening, stored.rsvps);
    },
    feeds: {
      index: {
        current: (subject) => currentFeedToken(redis, keys, subject),
        put: (subject, token) => putFeedToken(redis, keys, subject, token),
      },
      urlOf: (token) => `${hubUrl}/calendars/${token}.ics`,
    },
  };
}

/**
 * The digest bot's options: its keys, the index the hub's site and feeds read, and the site's
 * URL for links. Author keys are derived from the bot's store key (see author-keys.ts), a
 * secret the bot has anyway and that stays the same across restarts.
 */
function digestOptions(
  config: NetworkConfig,
  redis: Redis,
  prefix: string,
  storeKey: string,
): DigestBotOptions {
  const keys = digestIndexKeys(prefix, config.network.id);
  return {
    prefix: `${prefix}:digest-data`,
    authorSecret: storeKey,
    siteUrl: config.hub.publicUrl ?? `http://${config.hub.host}:${config.hub.port}`,
    index: {
      put: (item) => putPublishedItem(redis, keys, item),
      remove: (item, editions) => removePublishedItem(redis, keys, item, editions),
      putEdition: (edition) => putPublishedEdition(redis, keys, edition),
      edition: (id) => readPublishedEdition(redis, keys, id),
      item: (id) => readPublishedItem(redis, keys, id),
    },
  };
}

/**
 * The router's options: its keys, the case index the hub's statistics read, and the hub's
 * request intake, served on its own subscriber connection (a subscribed client can do nothing else).
 */
function routeOptions(
  config: NetworkConfig,
  redis: Redis,
  prefix: string,
  logger: Logger,
  stoppers: (() => Promise<void>)[],
): RouteBotOptions {
  const keys = caseIndexKeys(prefix, config.network.id);
  return {
    prefix: `${prefix}:route-data`,
    publishSummary: (caseId, summary) => publishCaseSummary(redis, keys, caseId, summary),
    serveIntake: async (handler) => {
      const subscriber = redis.duplicate();
      const server = await serveIntake(
        subscriber,
        redis,
        requestIntakeKeys(prefix, config.network.id),
        handler,
        logger,
      );
      stoppers.push(async () => {
        await server.stop();
        subscriber.disconnect();
      });
    },
  };
}
