/**
 * What can be wrong with a practice request as typed. Problems are values, not sentences:
 * the parser reports every one it finds, and `render-intake.ts` turns each into words in the
 * reader's language, naming exactly what was wrong.
 */
import type { UnknownTopic } from "../routing/index.ts";

/** The options of a one-line request, in the order the usage line shows them. */
export const OPTION_KEYS = ["topic", "lang", "urgency", "region"] as const;

export type OptionKey = (typeof OPTION_KEYS)[number];

export type IntakeProblem =
  | UnknownTopic
  /** `key:value` with a key that is no option; `suggestions` are the nearest option keys. */
  | { readonly kind: "unknown-option"; readonly key: string; readonly suggestions: readonly OptionKey[] }
  /** An option without a default not given: the topic, or the language when the context has none. */
  | { readonly kind: "missing-option"; readonly key: OptionKey }
  /** `topic:` with nothing after the colon (often a space typed after it). */
  | { readonly kind: "empty-option"; readonly key: OptionKey }
  | { readonly kind: "repeated-option"; readonly key: OptionKey }
  | { readonly kind: "bad-language"; readonly value: string }
  | { readonly kind: "unknown-region"; readonly value: string; readonly suggestions: readonly string[] }
  | { readonly kind: "bad-urgency"; readonly value: string }
  | { readonly kind: "missing-text" }
  | { readonly kind: "short-text"; readonly min: number }
  | { readonly kind: "long-text"; readonly max: number; readonly length: number }
  /** An answer to a yes/no question that is neither. */
  | { readonly kind: "not-yes-no"; readonly value: string };
