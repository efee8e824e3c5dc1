/**
 * Redaction rules are data: each says what it finds, how its matches are replaced, and how it
 * ranks against another rule matching overlapping text. A test can list the rules built from
 * a config and exercise each one on its own.
 */
import type { PeopleIndex } from "./people-index.ts";

export type RuleKind =
  | "email"
  | "phone"
  | "matrix-id"
  | "matrix-room"
  | "matrix-link"
  | "social-link"
  | "handle"
  | "url"
  | "person-name"
  | "extra";

/**
 * - `placeholder`: the config's placeholder ("[removed]").
 * - `person-label`: the label of the person the match designates (their pseudonym, or their
 *   name if they consented to be named); the placeholder when it designates nobody known or
 *   could be more than one person.
 */
export type ReplacementPolicy = "placeholder" | "person-label";

export interface RuleMatch {
  /** UTF-16 offsets in the text searched, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The person the matched text designates, when it is known and unambiguous. */
  readonly personKey?: string | undefined;
}

export interface RedactionRule {
  readonly id: string;
  readonly kind: RuleKind;
  readonly description: string;
  /** The regular-expression source, for rules that are one expression (listing and docs). */
  readonly pattern?: string | undefined;
  readonly replacement: ReplacementPolicy;
  /**
   * 1: identifiers with a syntax of their own (addresses, ids, links, the config's patterns),
   * found in the text as written. 2: phone numbers and names, found once pass-1 matches are
   * masked: whether digits are a phone number depends on what is next to them ("%", a port),
   * and that must read the same in the redacted text as in the original, or the publication
   * gate would find in the output what redaction left in the input.
   */
  readonly pass: 1 | 2;
  /**
   * Breaks ties between overlapping matches of equal length: a matrix.to link and the general
   * URL rule find the same text, and the link should win because it knows the person.
   */
  readonly priority: number;
  readonly find: (text: string, people: PeopleIndex) => readonly RuleMatch[];
}

/** An extra pattern from the config that could not be used. */
export interface RuleProblem {
  readonly ruleId: string;
  readonly pattern: string;
  readonly detail: string;
}

export interface RuleSet {
  readonly rules: readonly RedactionRule[];
  readonly placeholder: string;
}

/** Every match of a global expression, skipping empty ones (they would replace nothing). */
export function matchesOf(expression: RegExp, text: string): RuleMatch[] {
  const found: RuleMatch[] = [];
  for (const match of text.matchAll(expression)) {
    if (match[0] === "") continue;
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}
