/**
 * The digest bot's definition: its commands, and the service built on the runtime's handles.
 * It also reads reactions (nominations, approvals and vetoes on previews) and edits of
 * quoted messages, which void approvals.
 */
import type { NetworkConfig } from "../../config/network-config.ts";
import type { BotDefinition } from "../runtime/start-bot.ts";
import { type DigestServices, digestCommands } from "./commands/digest-commands.ts";
import type { DigestIndexWriter } from "./service/digest-deps.ts";
import { createDigestService } from "./service/digest-service.ts";

export interface DigestBotOptions {
  /** Root of the bot's Redis keys, e.g. `meridian:digest-data`. */
  readonly prefix: string;
  /** See author-keys.ts; e.g. derived from the bot's store key. */
  readonly authorSecret: string;
  readonly index: DigestIndexWriter;
  /** The hub's public URL, no trailing slash. */
  readonly siteUrl: string;
  readonly now?: () => number;
}

export function digestBot(config: NetworkConfig, options: DigestBotOptions): BotDefinition<DigestServices> {
  return {
    id: "digest",
    commands: digestCommands,
    services: (runtime) => ({
      digest: createDigestService({
        config,
        matrix: runtime.matrix,
        redis: runtime.redis,
        jobs: runtime.jobs,
        prefix: `${options.prefix}:${config.network.id}`,
        logger: runtime.logger,
        now: options.now ?? Date.now,
        botUserId: runtime.userId,
        authorSecret: options.authorSecret,
        index: options.index,
        siteUrl: options.siteUrl,
      }),
    }),
    onReaction: (services, reaction) => services.digest.onReaction(reaction),
    onMessage: (services, message) => services.digest.onMessage(message),
    onStart: (services) => services.digest.start(),
  };
}
