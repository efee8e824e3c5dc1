/**
 * The router bot's definition: its commands, and the service built on the runtime's handles
 * (Matrix, Redis, jobs). The runtime does identity, encryption, intake and replies; the
 * router also reads plain messages, for guided requests and the anonymous relay.
 */
import type { NetworkConfig } from "../../config/network-config.ts";
import type { BotDefinition } from "../runtime/start-bot.ts";
import type { CaseId } from "./case/index.ts";
import { type RouteServices, routeCommands } from "./commands/route-commands.ts";
import type { IntakeReply, IntakeRequest } from "../../lib/request-intake/index.ts";
import { answerHubRequest } from "./service/hub-intake.ts";
import { createRouteService } from "./service/route-service.ts";
import type { CaseSummary } from "./stats/index.ts";

export interface RouteBotOptions {
  /** Root of the bot's Redis keys, e.g. `meridian:route-data`. */
  readonly prefix: string;
  /** Publishes a case's content-free summary for the hub's statistics. */
  readonly publishSummary?: (caseId: CaseId, summary: CaseSummary) => Promise<void>;
  /**
   * Starts answering requests the hub passes on (lib/request-intake) with the given handler;
   * the caller owns the subscription and ends it when the bots stop.
   */
  readonly serveIntake?: (handler: (request: IntakeRequest) => Promise<IntakeReply>) => Promise<void>;
  readonly now?: () => number;
}

export function routeBot(config: NetworkConfig, options: RouteBotOptions): BotDefinition<RouteServices> {
  return {
    id: "route",
    commands: routeCommands,
    services: (runtime) => ({
      route: createRouteService({
        config,
        matrix: runtime.matrix,
        redis: runtime.redis,
        jobs: runtime.jobs,
        prefix: `${options.prefix}:${config.network.id}`,
        logger: runtime.logger,
        now: options.now ?? Date.now,
        botUserId: runtime.userId,
        publishSummary: options.publishSummary ?? (() => Promise.resolve()),
      }),
    }),
    onMessage: (services, message) => services.route.onMessage(message),
    // Links and records are read back from account data and the case rooms, timers scheduled
    // again (a lost Redis lost them), and a case filed but never routed is routed now.
    onStart: async (services) => {
      await services.route.start();
      await options.serveIntake?.((request) => answerHubRequest(config, services.route, request));
    },
  };
}
