/** An author's consent answer as typed, in English or French. */
import { type Result, err, ok } from "../../../lib/result.ts";
import type { ConsentChoice } from "../item/index.ts";

// A Map, not an object literal: "constructor" must not find Object.prototype's and pass as a choice.
const WORDS: ReadonlyMap<string, ConsentChoice> = new Map([
  ["named", "named"],
  ["name", "named"],
  ["nom", "named"],
  ["nommé", "named"],
  ["nommée", "named"],
  ["pseudonym", "pseudonym"],
  ["pseudonyme", "pseudonym"],
  ["pseudo", "pseudonym"],
  ["anonymous", "pseudonym"],
  ["anonyme", "pseudonym"],
  ["no", "refused"],
  ["non", "refused"],
  ["refuse", "refused"],
  ["refused", "refused"],
  ["refuser", "refused"],
]);

export function readChoice(input: string): Result<ConsentChoice, string> {
  const word = input.trim().toLowerCase();
  const choice = WORDS.get(word);
  return choice === undefined
    ? err(`"${input}" is not an answer I know: use named, pseudonym or no (or nom, pseudonyme, non).`)
    : ok(choice);
}
