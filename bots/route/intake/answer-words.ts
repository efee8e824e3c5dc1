/**
 * The short words people answer with. Each is accepted in every catalogue language whatever
 * the reply language, so a French speaker whose replies come in English can still type
 * « oui », and case, accents and punctuation ("Oui !", "OK.") do not matter.
 */
import type { Urgency } from "../../../config/network-config.ts";
import { normaliseTopicWord } from "../routing/index.ts";

const YES = ["yes", "y", "oui"];
const NO = ["no", "n", "non"];
const CANCEL = ["cancel", "stop", "annuler", "abandonner"];
/** Taking the offered default; "yes" too, since the prompt asks "ok for English?". */
const KEEP_DEFAULT = ["ok", "okay", "default", "defaut", "yes", "oui"];
const ANONYMOUS = ["anonymous", "anon", "anonyme"];

const URGENCY_WORDS: Readonly<Record<Urgency, readonly string[]>> = {
  low: ["low", "faible", "basse"],
  normal: ["normal", "normale"],
  high: ["high", "urgent", "haute", "elevee", "urgente"],
};

function isOneOf(words: readonly string[], text: string): boolean {
  return words.includes(normaliseTopicWord(text));
}

export function isCancelWord(text: string): boolean {
  return isOneOf(CANCEL, text);
}

export function isKeepDefaultWord(text: string): boolean {
  return isOneOf(KEEP_DEFAULT, text);
}

/** The one-line flag; "[anonymous]" copied from the usage line counts too. */
export function isAnonymousWord(text: string): boolean {
  return isOneOf(ANONYMOUS, text);
}

/** true for yes, false for no, undefined for anything else. */
export function yesOrNo(text: string): boolean | undefined {
  if (isOneOf(YES, text)) return true;
  if (isOneOf(NO, text)) return false;
  return undefined;
}

/** The urgency a word names, in English or French; undefined for anything else. */
export function urgencyOf(text: string): Urgency | undefined {
  const typed = normaliseTopicWord(text);
  return (Object.keys(URGENCY_WORDS) as Urgency[]).find((urgency) => URGENCY_WORDS[urgency].includes(typed));
}
