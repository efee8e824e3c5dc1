/**
 * The convene bot's definition: its commands, and services built on the runtime's handles
 * (Matrix, Redis, jobs). The runtime does identity, encryption, intake and replies.
 */
import type { NetworkConfig } from "../../config/network-config.ts";
import type { BotDefinition } from "../runtime/start-bot.ts";
import type { ConveneFeeds } from "./service/convene-deps.ts";
import { type ConveneServices, conveneCommands } from "./commands/convene-commands.ts";
import type { StoredConvening } from "./store/convening-store.ts";
import { createConveningStore } from "./store/convening-store.ts";
import { createConveneService } from "./service/convene-service.ts";
import { createReminders } from "./service/reminders.ts";

export interface ConveneBotOptions {
  /** Root of the bot's Redis keys, e.g. `meridian:convene`. */
  readonly prefix: string;
  /** Publishes a convening for the hub's calendar feeds. */
  readonly publish?: (stored: StoredConvening) => Promise<void>;
  /** Calendar feeds: the hub's token index and the URL of a token. */
  readonly feeds?: ConveneFeeds;
  readonly now?: () => number;
}

export function conveneBot(
  config: NetworkConfig,
  options: ConveneBotOptions,
): BotDefinition<ConveneServices> {
  return {
    id: "convene",
    commands: conveneCommands,
    services: (runtime) => {
      const prefix = `${options.prefix}:${config.network.id}`;
      const deps = {
        config,
        matrix: runtime.matrix,
        redis: runtime.redis,
        prefix,
        store: createConveningStore(runtime.matrix, runtime.redis, `${prefix}:index`),
        logger: runtime.logger,
        now: options.now ?? Date.now,
        botUserId: runtime.userId,
        afterChange: options.publish ?? (() => Promise.resolve()),
        ...(options.feeds !== undefined && { feeds: options.feeds }),
      };
      const reminders = createReminders(deps, runtime.jobs);
      const convene = createConveneService(deps, reminders);
      const replan = runtime.jobs.defineJob<Record<string, never>>("replan", {
        handler: () => convene.replanAll(),
      });
      return {
        convene,
        // Reminders are planned 60 days ahead; re-planning every 6 hours keeps a long series covered.
        startReplanning: () => runtime.jobs.recurring(replan, "replan", { every: 6 * 3600_000 }, {}),
      };
    },
    onReaction: async (services, reaction) => services.convene.onReaction(reaction),
    // The index in Redis is rebuilt from the rooms' state, and reminders re-planned: after a
    // lost Redis nothing is missing, and a series' later occurrences enter the horizon.
    onStart: async (services) => {
      await services.convene.start();
      await services.startReplanning();
    },
  };
}
