/**
 * A bot for runtime tests: `!echo <text>` (anyone) answers "echo: <text>", and `!announce
 * <text>` needs the organisers role or power level 50. Real commands, run through the real
 * runtime; only the domain is made up.
 */
import { ok } from "../../../lib/result.ts";
import { defineCommand, param, reply } from "../../../bots/runtime/commands/index.ts";
import type { BotDefinition } from "../../../bots/runtime/start-bot.ts";

export function testBotDefinition(id = "testbot"): BotDefinition<undefined> {
  return {
    id,
    services: () => undefined,
    commands: [
      defineCommand({
        name: "echo",
        summary: "Repeat the text back",
        params: [param.rest("text")],
        examples: ["echo hello"],
        permission: "anyone",
        execute: (_ctx, args) => Promise.resolve(ok(reply`echo: ${args.text}`)),
      }),
      defineCommand({
        name: "announce",
        summary: "Post an announcement (organisers)",
        params: [param.rest("text")],
        examples: ["announce the workshop moves to Friday"],
        permission: { roles: ["organisers"], minPowerLevel: 50 },
        execute: (_ctx, args) => Promise.resolve(ok(reply`announced: ${args.text}`)),
      }),
    ],
  };
}
