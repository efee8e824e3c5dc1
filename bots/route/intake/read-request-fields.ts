/**
 * Reading the region, urgency and text of a request, shared by the one-line form and the
 * guided exchange so that both accept, and refuse, exactly the same things.
 */
import type { NetworkConfig, Urgency } from "../../../config/network-config.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { nearestNames } from "../../runtime/commands/nearest-names.ts";
import { normaliseTopicWord } from "../routing/index.ts";
import { urgencyOf } from "./answer-words.ts";
import type { IntakeProblem } from "./intake-problem.ts";

/** Shorter is not yet a request ("help", "hi"): the expert needs something to go on. */
export const MIN_TEXT_LENGTH = 10;
/** One Matrix message's worth; details can follow once an expert has taken the request. */
export const MAX_TEXT_LENGTH = 4000;

/** The region id `value` names: an id or a region name, without regard to case or accents. */
export function readRegion(config: NetworkConfig, value: string): Result<string, IntakeProblem> {
  const typed = normaliseTopicWord(value);
  const region = config.regions.find(
    (candidate) => normaliseTopicWord(candidate.id) === typed || normaliseTopicWord(candidate.name) === typed,
  );
  if (region !== undefined) return ok(region.id);
  const ids = config.regions.map((candidate) => candidate.id);
  return err({ kind: "unknown-region", value, suggestions: nearestNames(typed.replace(/ /g, "-"), ids) });
}

export function readUrgency(value: string): Result<Urgency, IntakeProblem> {
  const urgency = urgencyOf(value);
  return urgency === undefined ? err({ kind: "bad-urgency", value }) : ok(urgency);
}

/**
 * The length limits' measure: code points, so that a letter outside the Basic Multilingual
 * Plane counts once (not as two UTF-16 units), while staying cheap on 4,000 characters.
 */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** The request text, trimmed, within the length limits. */
export function readRequestText(value: string): Result<string, IntakeProblem> {
  const text = value.trim();
  const length = characterCount(text);
  if (length === 0) return err({ kind: "missing-text" });
  if (length < MIN_TEXT_LENGTH) return err({ kind: "short-text", min: MIN_TEXT_LENGTH });
  if (length > MAX_TEXT_LENGTH) return err({ kind: "long-text", max: MAX_TEXT_LENGTH, length });
  return ok(text);
}
