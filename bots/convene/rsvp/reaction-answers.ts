/**
 * Answering by reacting to the convening card. The set is small and unambiguous so that a
 * stray reaction (❤️, 🎉) never becomes an answer:
 *
 * - yes:   👍 ✅ ✔️ ☑️ 🙋
 * - no:    👎 ❌ ✖️ 🚫 🙅
 * - maybe: 🤔 ❓ ❔ 🤷
 *
 * Clients send the same emoji in several spellings, so a key is normalised first: variation
 * selectors (U+FE0E text, U+FE0F emoji presentation) are dropped, as are skin-tone modifiers
 * (U+1F3FB–U+1F3FF) and the gender suffixes of zero-width-joiner sequences (🤷‍♀️, 🙅‍♂️).
 * Removing a reaction does not change an answer: the bot cannot tell "I changed my mind"
 * from "I tidied up my reactions", so a change of answer is another reaction or a command.
 */
import type { RsvpAnswer } from "../model/convening.ts";

/** The canonical reaction shown on the card for each answer. */
export const ANSWER_REACTIONS: Readonly<Record<RsvpAnswer, string>> = {
  yes: "👍",
  maybe: "🤔",
  no: "👎",
};

const REACTIONS: ReadonlyMap<string, RsvpAnswer> = new Map([
  ["\u{1F44D}", "yes"], // 👍 thumbs up
  ["\u2705", "yes"], // ✅ check mark button
  ["\u2714", "yes"], // ✔ check mark
  ["\u2611", "yes"], // ☑ check box with check
  ["\u{1F64B}", "yes"], // 🙋 person raising hand
  ["\u{1F44E}", "no"], // 👎 thumbs down
  ["\u274C", "no"], // ❌ cross mark
  ["\u2716", "no"], // ✖ multiply
  ["\u{1F6AB}", "no"], // 🚫 prohibited
  ["\u{1F645}", "no"], // 🙅 person gesturing no
  ["\u{1F914}", "maybe"], // 🤔 thinking face
  ["\u2753", "maybe"], // ❓ red question mark
  ["\u2754", "maybe"], // ❔ white question mark
  ["\u{1F937}", "maybe"], // 🤷 person shrugging
]);

// Variation selectors (text U+FE0E, emoji U+FE0F), the five skin tones, and a gender sign
// (♀ U+2640, ♂ U+2642) joined by a zero-width joiner. Spelled as alternatives: a character
// class would mix the skin tones up with the emoji they modify.
const DECORATION = /\uFE0E|\uFE0F|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}|\u200D[\u2640\u2642]/gu;

/** The answer a reaction key stands for, or undefined for any other reaction. */
export function answerForReaction(key: string): RsvpAnswer | undefined {
  return REACTIONS.get(key.trim().replace(DECORATION, ""));
}
