/**
 * The one-line synopsis of a command, generated from its declaration so it can never drift:
 * `!convene rsvp <id> <yes|no|maybe> [<note...>] [--anonymous] [--lang <lang>]`.
 */
import type { CommandInfo, FlagSpec, ParamSpec } from "./define-command.ts";

function paramUsage(param: ParamSpec): string {
  const placeholder = param.value.placeholder(param.name);
  return param.optional ? `[${placeholder}]` : placeholder;
}

function flagUsage(flag: FlagSpec): string {
  return flag.kind === "switch"
    ? `[--${flag.name}]`
    : `[--${flag.name} ${flag.value.placeholder(flag.name)}]`;
}

/** The usage line for `command` with `prefix`. */
export function usageLine(command: CommandInfo, prefix: string): string {
  return [
    `${prefix}${command.name}`,
    ...command.params.map(paramUsage),
    ...command.flags.map(flagUsage),
  ].join(" ");
}

/** An example as typed, with the prefix added when the declaration left it out. */
export function exampleLine(example: string, prefix: string): string {
  return example.startsWith(prefix) ? example : `${prefix}${example}`;
}
