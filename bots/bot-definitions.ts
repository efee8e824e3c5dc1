/**
 * The network's chat bots, by id. Each is defined by its commands and services and the runtime
 * does the rest: `convene/convene-bot.ts`, `route/route-bot.ts`, `digest/digest-bot.ts`,
 * started together by `start-network-bots.ts`.
 */

export type ChatBotId = "convene" | "route" | "digest";

export const CHAT_BOT_IDS: readonly ChatBotId[] = ["convene", "route", "digest"];
