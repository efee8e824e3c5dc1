/**
 * Why a message did not parse as a command. Errors are values carrying what the reply
 * needs (the command's declaration, the argument, what was found); `found` and `typed` hold
 * the user's text and go to the user only, never to logs (see `logFields`).
 */
import type { CommandInfo } from "./define-command.ts";

/** Longest message parsed as a command; longer ones are refused before any work. */
export const MAX_COMMAND_LENGTH = 4000;

/** Any reason a message is not a runnable command. */
export type CommandParseError =
  /** The message does not start with the prefix and a letter: the bot stays silent. */
  | { readonly kind: "not-a-command" }
  | { readonly kind: "too-long"; readonly length: number; readonly limit: number }
  | {
      readonly kind: "unknown-command";
      /** What was typed in the command position (user text). */
      readonly typed: string;
      /** Up to three known command names near it. */
      readonly suggestions: readonly string[];
      /** When the first word is a known group (`convene`), its subcommands. */
      readonly group?: { readonly name: string; readonly subcommands: readonly string[] };
    }
  | { readonly kind: "missing-argument"; readonly command: CommandInfo; readonly argument: string }
  | {
      readonly kind: "bad-argument";
      readonly command: CommandInfo;
      /** A parameter name, or `--name` for a flag's value. */
      readonly argument: string;
      readonly found: string;
      readonly problem: string;
      readonly expected: string;
      readonly alternatives?: readonly string[];
    }
  | { readonly kind: "too-many-arguments"; readonly command: CommandInfo; readonly extra: string }
  | {
      readonly kind: "unknown-flag";
      readonly command: CommandInfo;
      readonly flag: string;
      readonly suggestions: readonly string[];
    }
  | { readonly kind: "unterminated-quote"; readonly command?: CommandInfo; readonly at: number };

/** The error kinds, for exhaustive handling and metrics. */
export type CommandParseErrorKind = CommandParseError["kind"];
