/**
 * `!request topic:<tag> lang:<code> urgency:<low|normal|high> [region:<id>] [anonymous] <text>`:
 * a whole practice request in one message. Options come first, in any order; the first word
 * that is not one starts the text. Every problem is reported at once, since a requester on a
 * phone should not have to send the command four times to learn four things.
 */
import type { NetworkConfig, Urgency } from "../../../config/network-config.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { nearestNames } from "../../runtime/commands/nearest-names.ts";
import { normaliseTopicWord, resolveTopic } from "../routing/index.ts";
import { isAnonymousWord } from "./answer-words.ts";
import { type IntakeProblem, type OptionKey, OPTION_KEYS } from "./intake-problem.ts";
import { readLanguage } from "./read-language.ts";
import { readRegion, readRequestText, readUrgency } from "./read-request-fields.ts";
import type { IntakeContext, RequestDraft } from "./request-draft.ts";

// Other spellings of the keys, French ones included (compared without accents: "région").
// A Map, not an object literal, so that "constructor:" is not found on the prototype.
const KEY_SPELLINGS: ReadonlyMap<string, OptionKey> = new Map([
  ["topic", "topic"],
  ["sujet", "topic"],
  ["lang", "lang"],
  ["language", "lang"],
  ["langue", "lang"],
  ["urgency", "urgency"],
  ["urgence", "urgency"],
  ["region", "region"],
]);

// A key is letters only, so "12:30" or "e.g.:" are text, not options.
const OPTION = /^(\p{L}+):(.*)$/su;

interface ReadOptions {
  readonly given: ReadonlyMap<OptionKey, string>;
  /** Keys seen at all, even with an empty value: those are not also reported missing. */
  readonly seen: ReadonlySet<OptionKey>;
  readonly anonymous: boolean;
  readonly text: string;
  readonly problems: readonly IntakeProblem[];
}

/** The options before the text, and the text: the words from the first non-option on. */
function readOptions(words: readonly string[]): ReadOptions {
  const given = new Map<OptionKey, string>();
  const seen = new Set<OptionKey>();
  const problems: IntakeProblem[] = [];
  let anonymous = false;
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index] ?? "";
    if (isAnonymousWord(word)) {
      anonymous = true;
      continue;
    }
    const [, name = "", value = ""] = OPTION.exec(word) ?? [];
    if (name === "") break;
    const key = KEY_SPELLINGS.get(normaliseTopicWord(name));
    if (key === undefined) {
      // "Context: ..." or a link opening the text is not a mistyped option.
      if (value === "" || value.startsWith("/")) break;
      problems.push({ kind: "unknown-option", key: name, suggestions: unknownKeySuggestions(name) });
    } else if (seen.has(key)) {
      problems.push({ kind: "repeated-option", key });
    } else {
      seen.add(key);
      if (value === "") problems.push({ kind: "empty-option", key });
      else given.set(key, value);
    }
  }
  return { given, seen, anonymous, problems, text: words.slice(index).join(" ") };
}

function unknownKeySuggestions(name: string): readonly OptionKey[] {
  return nearestNames(name, OPTION_KEYS) as readonly OptionKey[];
}

/**
 * The request `words` (the command's words after `!request`) describe. Defaults: urgency
 * normal, the requester's region, and their first language. Unknown topics come with the
 * nearest topic ids. Never throws; on failure the error lists every problem found (never
 * none), in the order the options were typed, then topic, language, region, urgency, text.
 */
export function parseOneLineRequest(
  config: NetworkConfig,
  words: readonly string[],
  context: IntakeContext,
  /**
   * The request text, when it arrives apart from the options (the hub's API): then `words`
   * are options only, and nothing in the text is read as one ("Anonymous accounts are…").
   */
  separateText?: string,
): Result<RequestDraft, readonly IntakeProblem[]> {
  const read = readOptions(words.map((word) => word.trim()).filter((word) => word !== ""));
  const problems = [...read.problems];
  const take = <T>(result: Result<T, IntakeProblem>): T | undefined => {
    if (result.ok) return result.value;
    problems.push(result.error);
    return undefined;
  };
  const option = <T>(
    key: OptionKey,
    readValue: (value: string) => Result<T, IntakeProblem>,
    fallback?: T,
  ) => {
    const value = read.given.get(key);
    if (value !== undefined) return take(readValue(value));
    // Given with nothing after the colon: already reported as empty.
    if (read.seen.has(key)) return undefined;
    if (fallback === undefined) problems.push({ kind: "missing-option", key });
    return fallback;
  };

  const topic = option("topic", (value) => resolveTopic(config.routing, value));
  const language = option("lang", (value) => readLanguage(config, value), context.languages[0]);
  const region = option("region", (value) => readRegion(config, value), context.region);
  const urgency = option<Urgency>("urgency", readUrgency, "normal");
  const text = take(readRequestText(separateText ?? read.text));
  if (
    problems.length > 0 ||
    topic === undefined ||
    language === undefined ||
    region === undefined ||
    urgency === undefined ||
    text === undefined
  )
    return err(problems);
  return ok({ topic, language, region, urgency, anonymous: read.anonymous, text });
}
