/**
 * The commands of one bot, checked once at startup. A declaration mistake (a duplicate
 * name, a required parameter after an optional one, rest-of-line text that is not last, an
 * example that does not parse) is a bug in the bot, so it throws when the bot starts rather
 * than confusing a user later.
 */
import type { Command, CommandInfo } from "./define-command.ts";
import { helpCommand } from "./help-command.ts";
import { parseCommand } from "./parse-command.ts";

/** A read-only view of the commands, enough for help and error replies. */
export interface CommandCatalogue {
  readonly prefix: string;
  /** In declaration order (the built-in help last). */
  readonly commands: readonly CommandInfo[];
  /** The command with exactly this name (lowercase words separated by one space). */
  get(name: string): CommandInfo | undefined;
  /** Multi-word commands whose first word is `word` (`convene` → `convene schedule`, ...). */
  group(word: string): readonly CommandInfo[];
}

/** The commands a bot answers, looked up by name. */
export interface CommandRegistry<S = unknown> extends CommandCatalogue {
  readonly commands: readonly Command<S>[];
  /** The most words any command name has. */
  readonly maxNameWords: number;
  get(name: string): Command<S> | undefined;
  group(word: string): readonly Command<S>[];
}

/** Registry options. */
export interface RegistryOptions {
  /** What starts a command; default `!`. */
  readonly prefix?: string;
  /** Add the built-in `help` command unless one is declared; default true. */
  readonly help?: boolean;
}

const NAME = /^[a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)*$/;
const PARAM_NAME = /^[a-z][A-Za-z0-9]*$/;
const FLAG_NAME = /^[a-z][a-z0-9-]*$/;

/** Throws on the first declaration bug in `command`. */
function checkDeclaration(command: CommandInfo): void {
  const where = `command "${command.name}"`;
  if (!NAME.test(command.name)) throw new Error(`${where}: a name is lowercase words separated by one space`);
  const seen = new Set<string>();
  let optionalSeen: string | undefined;
  command.params.forEach((param, index) => {
    if (!PARAM_NAME.test(param.name))
      throw new Error(`${where}: parameter "${param.name}" is not a camelCase name`);
    if (seen.has(param.name)) throw new Error(`${where}: parameter "${param.name}" is declared twice`);
    seen.add(param.name);
    if (param.value.kind === "rest" && index !== command.params.length - 1)
      throw new Error(`${where}: rest-of-line parameter "${param.name}" must be the last`);
    if (param.optional) optionalSeen = param.name;
    else if (optionalSeen !== undefined)
      throw new Error(`${where}: required parameter "${param.name}" follows optional "${optionalSeen}"`);
  });
  for (const flag of command.flags) {
    if (!FLAG_NAME.test(flag.name)) throw new Error(`${where}: flag "${flag.name}" is not a lowercase name`);
    if (seen.has(flag.name))
      throw new Error(`${where}: "${flag.name}" is declared twice (flag or parameter)`);
    seen.add(flag.name);
  }
  const { permission } = command;
  if (
    permission !== "anyone" &&
    (permission.roles ?? []).length === 0 &&
    permission.minPowerLevel === undefined
  )
    throw new Error(`${where}: permission admits nobody; list roles, a power level, or say "anyone"`);
  if (command.examples.length === 0) throw new Error(`${where}: give at least one example`);
}

/**
 * Builds a registry from declarations; throws on a declaration bug, including any example
 * that does not parse as its own command.
 */
export function createCommandRegistry<S>(
  declared: readonly Command<S>[],
  options: RegistryOptions = {},
): CommandRegistry<S> {
  const prefix = options.prefix ?? "!";
  const byName = new Map<string, Command<S>>();
  const commands: Command<S>[] = [];
  const add = (command: Command<S>): void => {
    checkDeclaration(command);
    if (byName.has(command.name)) throw new Error(`command "${command.name}" is declared twice`);
    byName.set(command.name, command);
    commands.push(command);
  };
  declared.forEach(add);
  const registry: CommandRegistry<S> = {
    prefix,
    commands,
    get maxNameWords() {
      return Math.max(1, ...commands.map((c) => c.name.split(" ").length));
    },
    get: (name) => byName.get(name),
    group: (word) => commands.filter((c) => c.name.startsWith(`${word} `)),
  };
  if (options.help !== false && !byName.has("help")) add(helpCommand(registry));
  for (const command of commands) {
    for (const example of command.examples) {
      const line = example.startsWith(prefix) ? example : `${prefix}${example}`;
      const parsed = parseCommand(line, registry);
      if (!parsed.ok)
        throw new Error(
          `command "${command.name}": example "${example}" does not parse (${parsed.error.kind})`,
        );
      if (parsed.value.command !== command)
        throw new Error(
          `command "${command.name}": example "${example}" runs "${parsed.value.command.name}"`,
        );
    }
  }
  return registry;
}
