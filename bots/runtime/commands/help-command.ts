/**
 * The built-in `help` command, added to every registry unless a bot declares its own. It
 * reads the registry it belongs to, so its list is always the bot's actual commands.
 */
import { ok } from "../../../lib/result.ts";
import type { CommandCatalogue } from "./command-registry.ts";
import { type Command, defineCommand } from "./define-command.ts";
import { param } from "./param-builders.ts";
import { renderHelp } from "./render-help.ts";

/** `!help [command]` over `catalogue`. */
export function helpCommand(catalogue: CommandCatalogue): Command {
  return defineCommand({
    name: "help",
    summary: "List the commands you can run, or explain one",
    params: [param.rest("command", { optional: true, description: "a command or group name" })],
    examples: ["help", "help help"],
    permission: "anyone",
    execute: (ctx, args) => Promise.resolve(ok(renderHelp(catalogue, ctx, args.command))),
  });
}
