/**
 * The network's chat bots. Each is defined by its commands and services; the runtime does
 * the rest. The convene bot is `convene/convene-bot.ts`, the router `route/route-bot.ts`; the
 * digest bot's domain commands arrive with its issue, and until then it answers `!help`.
 */
import type { BotDefinition } from "./runtime/start-bot.ts";

export type ChatBotId = "convene" | "route" | "digest";

export const CHAT_BOT_IDS: readonly ChatBotId[] = ["convene", "route", "digest"];

export function botDefinition(id: ChatBotId): BotDefinition<undefined> {
  return { id, commands: [], services: () => undefined };
}
