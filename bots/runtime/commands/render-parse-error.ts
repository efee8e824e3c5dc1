/**
 * Parse errors as replies, and as log fields. The reply names exactly what was wrong and
 * shows the usage line and where to read more; the log gets ids and kinds only, because the
 * user's text (what they typed, quoted back in the reply) must never reach a log.
 */
import type { CommandInfo } from "./define-command.ts";
import type { CommandParseError } from "./parse-errors.ts";
import { type Reply, code, join, lines, reply } from "./reply.ts";
import { usageLine } from "./usage-line.ts";

// Quoted user text is shortened so a pasted essay does not come back at full length.
const MAX_QUOTED = 80;

/** `text` cut to `max` code points (never inside a surrogate pair), with an ellipsis. */
export function shorten(text: string, max = MAX_QUOTED): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join("")}…`;
}

function seeHelp(command: CommandInfo, prefix: string): Reply {
  return reply`Usage: ${code(usageLine(command, prefix))}, see ${code(`${prefix}help ${command.name}`)}`;
}

function orCodes(names: readonly string[], prefix: string): Reply {
  return join(
    names.map((name) => code(`${prefix}${name}`)),
    " or ",
  );
}

/** The reply for a parse error (`not-a-command` gives an empty reply: the bot stays silent). */
export function renderParseError(error: CommandParseError, prefix = "!"): Reply {
  switch (error.kind) {
    case "not-a-command":
      return reply``;
    case "too-long":
      return reply`That command is too long (${error.length} characters; the limit is ${error.limit}).`;
    case "unknown-command": {
      const typed = code(`${prefix}${shorten(error.typed, 40)}`);
      if (error.group !== undefined) {
        const subcommands = error.group.subcommands.map((s) => s.slice(error.group?.name.length ?? 0).trim());
        const guess =
          error.suggestions.length > 0
            ? reply` Did you mean ${orCodes(error.suggestions, prefix)}?`
            : reply``;
        return lines(
          reply`I do not know ${typed}.${guess}`,
          reply`${code(`${prefix}${error.group.name}`)} has: ${subcommands.join(", ")}. See ${code(`${prefix}help ${error.group.name}`)}`,
        );
      }
      if (error.suggestions.length > 0)
        return reply`I do not know ${typed}. Did you mean ${orCodes(error.suggestions, prefix)}? Type ${code(`${prefix}help`)} for the list.`;
      return reply`I do not know ${typed}. Type ${code(`${prefix}help`)} for the commands you can use.`;
    }
    case "missing-argument":
      return lines(
        reply`${code(`${prefix}${error.command.name}`)} needs ${code(placeholderOf(error.command, error.argument))}.`,
        seeHelp(error.command, prefix),
      );
    case "bad-argument": {
      const what = reply`Argument ${code(placeholderOf(error.command, error.argument))}: "${shorten(error.found)}" ${error.problem}`;
      // With alternatives, they are the expectation: list them instead of a general hint.
      const detail =
        error.alternatives === undefined
          ? reply`${what} (expected ${error.expected}).`
          : lines(reply`${what}.`, reply`Write one of: ${join(error.alternatives.map(code), ", ")}`);
      return lines(detail, seeHelp(error.command, prefix));
    }
    case "too-many-arguments":
      return lines(
        reply`${code(`${prefix}${error.command.name}`)} does not take "${shorten(error.extra)}" or anything after it. If it is one piece of text, put it in quotes.`,
        seeHelp(error.command, prefix),
      );
    case "unknown-flag": {
      const known = error.command.flags.map((f) => `--${f.name}`);
      const guess =
        error.suggestions.length > 0
          ? reply` Did you mean ${join(error.suggestions.map(code), " or ")}?`
          : known.length > 0
            ? reply` It takes ${join(known.map(code), ", ")}.`
            : reply` It takes no flags.`;
      return lines(
        reply`${code(`${prefix}${error.command.name}`)} has no flag ${code(shorten(error.flag, 40))}.${guess}`,
        seeHelp(error.command, prefix),
      );
    }
    case "unterminated-quote":
      return lines(
        reply`A quote is opened but never closed. Close it with ", or write \\" for a quote inside quoted text.`,
        ...(error.command === undefined ? [] : [seeHelp(error.command, prefix)]),
      );
  }
}

function placeholderOf(command: CommandInfo, argument: string): string {
  const param = command.params.find((p) => p.name === argument);
  if (param !== undefined) return param.value.placeholder(param.name);
  const flag = command.flags.find((f) => `--${f.name}` === argument);
  return flag?.kind === "option" ? `${argument} ${flag.value.placeholder(flag.name)}` : argument;
}

/** Fields safe to log for a parse error: kinds and declared names only, no user text. */
export function logFields(error: CommandParseError): Readonly<Record<string, string | number>> {
  switch (error.kind) {
    case "not-a-command":
      return { parseError: error.kind };
    case "too-long":
      return { parseError: error.kind, length: error.length };
    case "unknown-command":
      return { parseError: error.kind, suggestions: error.suggestions.length };
    case "missing-argument":
    case "bad-argument":
      return { parseError: error.kind, command: error.command.name, argument: error.argument };
    case "too-many-arguments":
      return { parseError: error.kind, command: error.command.name };
    case "unknown-flag":
      return { parseError: error.kind, command: error.command.name };
    case "unterminated-quote":
      return error.command === undefined
        ? { parseError: error.kind }
        : { parseError: error.kind, command: error.command.name };
  }
}
