/**
 * From the word a practitioner gave to a configured topic id. Topics are a closed vocabulary
 * (routing rules and expert profiles name them), so an unknown word is refused with the
 * nearest topics rather than guessed: a wrong topic sends the request to the wrong experts.
 */
import type { RoutingConfig, TopicConfig } from "../../../config/network-config.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { editDistance } from "../../runtime/commands/nearest-names.ts";
import { normaliseTopicWord } from "./normalise-topic-word.ts";

export interface UnknownTopic {
  readonly kind: "unknown-topic";
  /** The word as given. */
  readonly word: string;
  /** Up to three topic ids, nearest first; empty when nothing is close. */
  readonly suggestions: readonly string[];
}

// Longer input is not a typo of a topic word, and edit distance is quadratic.
const MAX_COMPARED = 64;
const MAX_SUGGESTIONS = 3;

/** Every spelling that names `topic`: its id, aliases and labels in all languages. */
function formsOf(topic: TopicConfig): string[] {
  return [topic.id, ...topic.aliases, ...Object.values(topic.labels)].map(normaliseTopicWord);
}

/**
 * How far `typed` is from `form`, or undefined when too far to suggest. A whole form is close
 * within a third of its length (at least 2 edits); a typed prefix counts (people stop
 * typing); so does a near match of one word of a multi-word form ("grooming" for "online
 * grooming"), ranked just behind an equally near whole form.
 */
function scoreAgainst(typed: string, form: string): number | undefined {
  const whole = editDistance(typed, form);
  const wholeLimit = Math.max(2, Math.floor(form.length / 3));
  let best = whole <= wholeLimit ? whole : undefined;
  if (best === undefined && typed.length >= 3 && form.startsWith(typed)) best = wholeLimit + 0.5;
  const words = form.split(" ");
  if (words.length > 1) {
    for (const part of words) {
      if (part.length < 3) continue;
      const distance = editDistance(typed, part);
      if (distance <= Math.max(1, Math.floor(part.length / 3)) && (best === undefined || distance + 1 < best))
        best = distance + 1;
    }
  }
  return best;
}

/** Nearest topic ids to `typed` (already normalised): by score, then config order. */
function nearestTopics(routing: RoutingConfig, typed: string): string[] {
  if (typed.length === 0 || typed.length > MAX_COMPARED) return [];
  const scored: { id: string; score: number; order: number }[] = [];
  routing.topics.forEach((topic, order) => {
    const scores = formsOf(topic).flatMap((form) => scoreAgainst(typed, form) ?? []);
    if (scores.length > 0) scored.push({ id: topic.id, score: Math.min(...scores), order });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, MAX_SUGGESTIONS).map((entry) => entry.id);
}

/**
 * The topic id `word` names: a topic id, alias or label in any language, compared without
 * case, diacritics or surrounding punctuation, with hyphens, underscores and spaces alike.
 * Should two topics share a spelling after that folding, the first in config order wins
 * (the config check compares aliases only by case).
 */
export function resolveTopic(routing: RoutingConfig, word: string): Result<string, UnknownTopic> {
  const typed = normaliseTopicWord(word);
  if (typed.length > 0) {
    const topic = routing.topics.find((candidate) => formsOf(candidate).includes(typed));
    if (topic !== undefined) return ok(topic.id);
  }
  return err({ kind: "unknown-topic", word, suggestions: nearestTopics(routing, typed) });
}
