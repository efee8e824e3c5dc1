/**
 * A bot for runtime tests: `!echo <text>` (anyone) answers "echo: <text>", and `!announce
 * <text>` needs the organisers role or power level 50; the commands of
 * matrix-test-commands.ts exercise the BotMatrix services; a reaction is answered in its
 * room with "reacted <key>". Real commands, run through the real runtime; only the domain is
 * made up.
 */
import { ok } from "../../../lib/result.ts";
import { defineCommandFor, param, reply } from "../../../bots/runtime/commands/index.ts";
import { transactionIdFor } from "../../../bots/runtime/ledger/index.ts";
import type { BotDefinition } from "../../../bots/runtime/start-bot.ts";
import { matrixTestCommands, type TestBotServices } from "./matrix-test-commands.ts";

const command = defineCommandFor<TestBotServices>();

export function testBotDefinition(id = "testbot"): BotDefinition<TestBotServices> {
  return {
    id,
    services: ({ matrix }) => ({ matrix }),
    commands: [
      command({
        name: "echo",
        summary: "Repeat the text back",
        params: [param.rest("text")],
        examples: ["echo hello"],
        permission: "anyone",
        execute: (_ctx, args) => Promise.resolve(ok(reply`echo: ${args.text}`)),
      }),
      command({
        name: "announce",
        summary: "Post an announcement (organisers)",
        params: [param.rest("text")],
        examples: ["announce the workshop moves to Friday"],
        permission: { roles: ["organisers"], minPowerLevel: 50 },
        execute: (_ctx, args) => Promise.resolve(ok(reply`announced: ${args.text}`)),
      }),
      ...matrixTestCommands(),
    ],
    onReaction: async ({ matrix }, reaction) => {
      const sent = await matrix.sendMessage(
        reaction.roomId,
        { msgtype: "m.notice", body: `reacted ${reaction.key}` },
        // A second run after a lost lease sends nothing new.
        transactionIdFor(reaction.eventId, "reaction"),
      );
      // Thrown, the reaction stays pending and is tried again.
      if (!sent.ok) throw new Error(`could not answer a reaction: ${sent.error.errcode}`);
    },
  };
}
