/**
 * The contract every argument type fulfils: how many tokens it takes and how it turns them
 * into a typed value, or says precisely what is wrong. Parameters and flag values are both
 * built on it, so a duration means the same thing wherever it appears.
 */
import type { Result } from "../../../lib/result.ts";
import type { Token } from "./tokenise-command.ts";

/** The argument types a command can declare. */
export type ValueKindName =
  "user" | "room" | "date-time" | "duration" | "integer" | "enum" | "word" | "text" | "rest";

/** What was wrong with an argument, worded to follow the quoted input in a sentence. */
export interface ValueProblem {
  /** The user's text that was read, quoted back to them (never logged). */
  readonly found: string;
  /** Follows the quoted text: `is not a date`, `does not exist in Europe/Berlin: ...`. */
  readonly problem: string;
  /** Overrides the kind's general `expected` when a more precise hint helps. */
  readonly expected?: string;
  /** Inputs that would be accepted instead (e.g. both readings of an ambiguous time). */
  readonly alternatives?: readonly string[];
}

/** The outcome of reading one value: how many tokens it used, and the value or problem. */
export interface ReadOutcome<T> {
  readonly used: number;
  readonly result: Result<T, ValueProblem>;
}

/** An argument type. */
export interface ValueKind<T> {
  readonly kind: ValueKindName;
  /** What is accepted, in words: `a Matrix user id like @name:example.org`. */
  readonly expected: string;
  /** Placeholder in a usage line for a value called `name`: `<who>` or `<yes|no|maybe>`. */
  readonly placeholder: (name: string) => string;
  /**
   * Reads the value starting at `tokens[at]`, which exists. Uses at least one token. A
   * value kind may look further ahead (a date, a time and a zone are three tokens).
   */
  readonly read: (tokens: readonly Token[], at: number) => ReadOutcome<T>;
}
