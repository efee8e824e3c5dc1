/**
 * Turns a message body into a command and typed arguments, or a precise error. The parser
 * is driven by the declarations: the longest declared name wins, each parameter's kind
 * decides how many words it takes, and flags are recognised anywhere before rest-of-line
 * text (inside it, only the command's own flags are; anything else is text). It never
 * throws, whatever the input.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { Command, FlagSpec, ParsedArgs } from "./define-command.ts";
import type { CommandRegistry } from "./command-registry.ts";
import { nearestNames } from "./nearest-names.ts";
import { type CommandParseError, MAX_COMMAND_LENGTH } from "./parse-errors.ts";
import { type Token, splitWords, tokenise } from "./tokenise-command.ts";

/** A command ready to run. */
export interface ParsedCommand<S = unknown> {
  readonly command: Command<S>;
  readonly args: ParsedArgs;
}

/**
 * Removes the quoted fallback that older clients put before a reply (`> <@a:b> text` lines
 * and a blank line), so a command sent as a reply is still recognised and the quoted
 * message is never parsed.
 */
export function stripReplyFallback(body: string): string {
  if (!body.startsWith("> ")) return body;
  const lines = body.split("\n");
  let index = 0;
  while (index < lines.length && (lines[index] ?? "").startsWith(">")) index++;
  return lines
    .slice(index)
    .join("\n")
    .replace(/^\s*\n/, "");
}

/** True for a token that is written as a flag: `--name`, or `—name` (phones turn -- into a dash). */
function flagName(token: Token): string | undefined {
  if (token.quoted) return undefined;
  if (token.text.startsWith("--") && token.text.length > 2) return token.text.slice(2);
  if (token.text.startsWith("—") && token.text.length > 1) return token.text.slice(1);
  return undefined;
}

interface FlagUse {
  readonly at: number;
  readonly written: string;
  readonly name: string;
  readonly spec: FlagSpec | undefined;
  readonly value: Token | undefined;
}

/** Splits argument tokens into positional tokens and flag uses (with their values). */
function separateFlags(tokens: readonly Token[], flags: readonly FlagSpec[]) {
  const positional: Token[] = [];
  const uses: FlagUse[] = [];
  let flagsEnded = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    if (!flagsEnded && !token.quoted && token.text === "--") {
      flagsEnded = true;
      continue;
    }
    const written = flagsEnded ? undefined : flagName(token);
    if (written === undefined) {
      positional.push(token);
      continue;
    }
    const equals = written.indexOf("=");
    const name = (equals === -1 ? written : written.slice(0, equals)).toLowerCase();
    const spec = flags.find((f) => f.name === name);
    let value: Token | undefined;
    if (equals !== -1) {
      const offset = token.start + token.text.length - (written.length - equals - 1);
      value = { text: written.slice(equals + 1), start: offset, end: token.end, quoted: false };
    } else if (spec?.kind === "option") {
      const next = tokens[i + 1];
      if (next !== undefined && flagName(next) === undefined) {
        value = next;
        i++;
      }
    }
    uses.push({ at: token.start, written: token.text, name, spec, value });
  }
  return { positional, uses };
}

/**
 * Reads the rest-of-line text from `start`: the command's own flags are taken out (with
 * their values), everything else is kept as typed. One fully quoted token loses its quotes.
 */
function readRestText(body: string, start: number, flags: readonly FlagSpec[]) {
  const words = splitWords(body, start);
  const uses: FlagUse[] = [];
  const kept: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === undefined) break;
    const written = flagName(word);
    const equals = written?.indexOf("=") ?? -1;
    const name =
      written === undefined ? undefined : (equals === -1 ? written : written.slice(0, equals)).toLowerCase();
    const spec = name === undefined ? undefined : flags.find((f) => f.name === name);
    if (spec === undefined || name === undefined || written === undefined) {
      kept.push(word);
      continue;
    }
    let value: Token | undefined;
    if (equals !== -1) value = { ...word, text: written.slice(equals + 1) };
    else if (spec.kind === "option") {
      const next = words[i + 1];
      if (next !== undefined && flagName(next) === undefined) {
        value = next;
        i++;
      }
    }
    uses.push({ at: word.start, written: word.text, name, spec, value });
  }
  // Rebuild from the original text between kept words, so spacing and newlines survive.
  let text = "";
  kept.forEach((word, index) => {
    const previous = kept[index - 1];
    const gap = previous === undefined ? "" : body.slice(previous.end, word.start);
    text += (/^\s+$/u.test(gap) ? gap : " ") + body.slice(word.start, word.end);
  });
  const whole = tokenise(text);
  const [only] = whole.tokens;
  if (whole.unterminatedQuoteAt === undefined && whole.tokens.length === 1 && only?.quoted === true)
    text = only.text;
  return { text, uses };
}

function resolveName<S>(tokens: readonly Token[], registry: CommandRegistry<S>) {
  const words: string[] = [];
  for (const token of tokens.slice(0, registry.maxNameWords)) {
    if (token.quoted || flagName(token) !== undefined) break;
    words.push(token.text.toLowerCase());
  }
  for (let count = words.length; count > 0; count--) {
    const command = registry.get(words.slice(0, count).join(" "));
    if (command !== undefined) return { command, count };
  }
  return { words };
}

function unknownCommand<S>(words: readonly string[], registry: CommandRegistry<S>): CommandParseError {
  const typed = words.join(" ");
  const first = words[0] ?? "";
  const typedFor = (name: string) => words.slice(0, name.split(" ").length).join(" ");
  const members = registry.group(first);
  if (members.length === 0)
    return {
      kind: "unknown-command",
      typed,
      suggestions: nearestNames(
        typedFor,
        registry.commands.map((c) => c.name),
      ),
    };
  const subcommands = members.map((c) => c.name);
  // Within a group, only the words after the group name are compared: "convene foo" is
  // not close to "convene rsvp" just because both start with "convene".
  const after = (name: string) => name.slice(first.length + 1);
  const typedAfter = (name: string) => words.slice(1, name.split(" ").length).join(" ");
  const near = nearestNames((sub) => typedAfter(`${first} ${sub}`), subcommands.map(after));
  return {
    kind: "unknown-command",
    typed,
    suggestions: near.map((sub) => `${first} ${sub}`),
    group: { name: first, subcommands },
  };
}

/**
 * Parses `body` as a command of `registry`. A body not starting with `prefix` followed by a
 * letter is `not-a-command` (the bot stays silent); everything else is a command or an
 * error the bot replies with.
 */
export function parseCommand<S>(
  body: string,
  registry: CommandRegistry<S>,
  prefix: string = registry.prefix,
): Result<ParsedCommand<S>, CommandParseError> {
  const text = stripReplyFallback(body).toWellFormed();
  if (!text.startsWith(prefix) || !/^\p{L}/u.test(text.slice(prefix.length)))
    return err({ kind: "not-a-command" });
  if (text.length > MAX_COMMAND_LENGTH)
    return err({ kind: "too-long", length: text.length, limit: MAX_COMMAND_LENGTH });
  const { tokens, unterminatedQuoteAt } = tokenise(text, prefix.length);
  const resolved = resolveName(tokens, registry);
  if (resolved.command === undefined) return err(unknownCommand(resolved.words, registry));
  return parseArguments(text, resolved.command, tokens.slice(resolved.count), unterminatedQuoteAt);
}

function parseArguments<S>(
  body: string,
  command: Command<S>,
  tokens: readonly Token[],
  unterminatedQuoteAt: number | undefined,
): Result<ParsedCommand<S>, CommandParseError> {
  const { positional, uses } = separateFlags(tokens, command.flags);
  const args: Record<string, unknown> = {};
  const quoteError = (at: number): CommandParseError => ({ kind: "unterminated-quote", command, at });
  let index = 0;
  let restStart: number | undefined;
  const restUses: FlagUse[] = [];
  for (const param of command.params) {
    if (param.value.kind === "rest") {
      restStart = positional[index]?.start ?? unterminatedQuoteAt ?? body.length;
      const rest = readRestText(body, restStart, command.flags);
      restUses.push(...rest.uses);
      index = positional.length;
      if (rest.text.trim() === "") {
        if (!param.optional) return err({ kind: "missing-argument", command, argument: param.name });
        args[param.name] = undefined;
        continue;
      }
      const outcome = param.value.read(
        [{ text: rest.text, start: restStart, end: body.length, quoted: false }],
        0,
      );
      if (!outcome.result.ok)
        return err(badArgument(command, param.name, param.value.expected, outcome.result.error));
      args[param.name] = outcome.result.value;
      continue;
    }
    if (index >= positional.length) {
      if (unterminatedQuoteAt !== undefined) return err(quoteError(unterminatedQuoteAt));
      if (!param.optional) return err({ kind: "missing-argument", command, argument: param.name });
      args[param.name] = undefined;
      continue;
    }
    const outcome = param.value.read(positional, index);
    if (!outcome.result.ok)
      return err(badArgument(command, param.name, param.value.expected, outcome.result.error));
    args[param.name] = outcome.result.value;
    index += Math.max(1, outcome.used);
  }
  if (unterminatedQuoteAt !== undefined && (restStart === undefined || unterminatedQuoteAt < restStart))
    return err(quoteError(unterminatedQuoteAt));
  // Flags after the start of rest-of-line text were read again, leniently, with the text.
  const strictUses = restStart === undefined ? uses : uses.filter((use) => use.at < restStart);
  const flagResult = applyFlags(command, [...strictUses, ...restUses], args);
  if (flagResult !== undefined) return err(flagResult);
  const extra = positional[index];
  if (extra !== undefined) return err({ kind: "too-many-arguments", command, extra: extra.text });
  return ok({ command, args });
}

function applyFlags<S>(command: Command<S>, uses: readonly FlagUse[], args: Record<string, unknown>) {
  for (const spec of command.flags) args[spec.name] = spec.kind === "switch" ? false : undefined;
  for (const use of uses) {
    const spec = use.spec;
    if (spec === undefined) {
      const suggestions = nearestNames(
        use.name,
        command.flags.map((f) => f.name),
      ).map((name) => `--${name}`);
      return { kind: "unknown-flag", command, flag: use.written, suggestions } satisfies CommandParseError;
    }
    const argument = `--${spec.name}`;
    if (spec.kind === "switch") {
      if (use.value !== undefined)
        return badArgument(command, argument, "nothing after the flag", {
          found: use.written,
          problem: "is a switch and takes no value",
        });
      args[spec.name] = true;
      continue;
    }
    if (use.value === undefined)
      return { kind: "missing-argument", command, argument } satisfies CommandParseError;
    const outcome = spec.value.read([use.value], 0);
    if (!outcome.result.ok) return badArgument(command, argument, spec.value.expected, outcome.result.error);
    args[spec.name] = outcome.result.value;
  }
  return undefined;
}

function badArgument<S>(
  command: Command<S>,
  argument: string,
  expected: string,
  problem: { found: string; problem: string; expected?: string; alternatives?: readonly string[] },
): CommandParseError {
  return {
    kind: "bad-argument",
    command,
    argument,
    found: problem.found,
    problem: problem.problem,
    expected: problem.expected ?? expected,
    ...(problem.alternatives === undefined ? {} : { alternatives: problem.alternatives }),
  };
}
