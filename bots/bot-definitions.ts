/**
 * The network's chat bots. Each is defined by its commands and services; the runtime does
 * the rest. The convene bot is `convene/convene-bot.ts`, the router `route/route-bot.ts`, the
 * digest bot `digest/digest-bot.ts`; this bare definition (commands: `!help` only) serves
 * tests of the runtime.
 */
import type { BotDefinition } from "./runtime/start-bot.ts";

export type ChatBotId = "convene" | "route" | "digest";

export const CHAT_BOT_IDS: readonly ChatBotId[] = ["convene", "route", "digest"];

export function botDefinition(id: ChatBotId): BotDefinition<undefined> {
  return { id, commands: [], services: () => undefined };
}
