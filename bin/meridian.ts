/**
 * The one Meridian CLI. Each subcommand is a thin adapter: it reads arguments, files and the
 * environment, then calls a module's `start`/`run` function. No logic of its own lives here.
 */
import { runBotsCommand } from "./commands/bots-command.ts";
import { runConfigCommand } from "./commands/config-command.ts";
import { runDevnetCommand } from "./commands/devnet-command.ts";
import { runHubCommand } from "./commands/hub-command.ts";
import { runProvisionCommand } from "./commands/provision-command.ts";
import { runStartCommand } from "./commands/start-command.ts";

const USAGE = `usage: meridian <command>

  start [--config FILE]                 bring up the whole demo (devnet, hub); Ctrl-C stops it
  config check FILE [--secrets-dir D]   validate a network config file
  devnet up|down|status [--config FILE] local federated Synapse homeservers and Redis
  hub [--config FILE]                   run the hub server against a running devnet
  bots [--config FILE] [--only a,b]     run the chat bots (convene, route, digest) in one process
  provision plan|apply [--prune]        make the spaces and rooms on the homeservers match the config
`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  start: runStartCommand,
  config: runConfigCommand,
  devnet: runDevnetCommand,
  hub: runHubCommand,
  bots: runBotsCommand,
  provision: runProvisionCommand,
};

const [name, ...rest] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (command === undefined) {
  process.stderr.write(
    name === undefined || name === "help" || name === "--help"
      ? USAGE
      : `meridian: unknown command "${name}"\n\n${USAGE}`,
  );
  process.exitCode = name === undefined || name === "help" || name === "--help" ? 0 : 2;
} else {
  // Exit once the command is done: matrix-js-sdk leaves a referenced timer behind every
  // request it aborts (its timeoutSignal ponyfill), which would hold a stopped bot for ~110 s.
  // The bot runtime closes all of its own handles (tests/support/bots/handle-audit.ts checks).
  process.exit(await command(rest));
}
