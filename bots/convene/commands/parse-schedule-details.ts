/**
 * Reads what follows the title of `!convene schedule "<title>" …`:
 *
 *   <when> [<IANA zone>] for <duration> with <regions/networks> [cap <n>] [lang <codes>] [every <rule>]
 *
 * Keywords may come in any order after the `<when>`; each appears once. Pure: every failure
 * is a value naming the word at fault, which the bot words in the person's language.
 */
import type { NetworkConfig } from "../../../config/network-config.ts";
import { nearestNames } from "../../runtime/commands/nearest-names.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { type DurationError, parseDuration } from "../time/parse-duration.ts";
import { type RecurrenceError, parseRecurrenceWords } from "../time/parse-recurrence.ts";
import { type WhenContext, type ParsedWhen, parseWhenWords } from "../time/parse-when.ts";
import type { WhenError } from "../time/when-error.ts";

export interface ScheduleDetails {
  readonly when: ParsedWhen;
  readonly durationMinutes: number;
  readonly regions: readonly string[];
  readonly networks: readonly string[];
  readonly capacity?: number;
  readonly languages: readonly string[];
  readonly rrule?: string;
}

export type ScheduleDetailsError =
  | { readonly kind: "when"; readonly error: WhenError }
  | { readonly kind: "duration"; readonly error: DurationError }
  | { readonly kind: "recurrence"; readonly error: RecurrenceError }
  | { readonly kind: "missing"; readonly keyword: "for" | "with" }
  | { readonly kind: "repeated"; readonly keyword: string }
  | { readonly kind: "unexpected"; readonly word: string }
  | { readonly kind: "unknown-target"; readonly word: string; readonly suggestions: readonly string[] }
  | { readonly kind: "bad-capacity"; readonly word: string }
  | { readonly kind: "unknown-language"; readonly word: string; readonly known: readonly string[] };

const KEYWORDS = new Set(["for", "with", "cap", "lang", "every"]);

/** Words of a list (`east-africa, mena` or `east-africa mena`) up to the next keyword. */
function listWords(words: readonly string[], from: number): { items: string[]; next: number } {
  const items: string[] = [];
  let at = from;
  while (at < words.length && !KEYWORDS.has((words[at] ?? "").toLowerCase())) {
    for (const piece of (words[at] ?? "").split(",")) if (piece.trim() !== "") items.push(piece.trim());
    at += 1;
  }
  return { items, next: at };
}

/** Region and network ids named in `items` (by id, case-insensitive), or the first unknown one. */
export function resolveTargets(
  config: NetworkConfig,
  items: readonly string[],
): Result<{ regions: string[]; networks: string[] }, ScheduleDetailsError> {
  const regions: string[] = [];
  const networks: string[] = [];
  for (const item of items) {
    const id = item.toLowerCase();
    if (config.regions.some((region) => region.id === id)) {
      if (!regions.includes(id)) regions.push(id);
    } else if (config.networks.some((network) => network.id === id)) {
      if (!networks.includes(id)) networks.push(id);
    } else {
      const known = [...config.regions.map((r) => r.id), ...config.networks.map((n) => n.id)];
      return err({ kind: "unknown-target", word: item, suggestions: nearestNames(id, known) });
    }
  }
  return ok({ regions, networks });
}

export function parseScheduleDetails(
  config: NetworkConfig,
  words: readonly string[],
  context: WhenContext,
): Result<ScheduleDetails, ScheduleDetailsError> {
  const when = parseWhenWords(words, context);
  if (!when.result.ok) return err({ kind: "when", error: when.result.error });
  let at = when.consumed;
  let duration: number | undefined;
  let targets: { regions: string[]; networks: string[] } | undefined;
  let capacity: number | undefined;
  let languages: string[] | undefined;
  let rrule: string | undefined;
  const seen = new Set<string>();
  while (at < words.length) {
    const word = words[at] ?? "";
    const keyword = word.toLowerCase();
    if (!KEYWORDS.has(keyword)) return err({ kind: "unexpected", word });
    if (seen.has(keyword)) return err({ kind: "repeated", keyword });
    seen.add(keyword);
    if (keyword === "for") {
      const parsed = parseDuration(words[at + 1] ?? "");
      if (!parsed.ok) return err({ kind: "duration", error: parsed.error });
      duration = parsed.value;
      at += 2;
    } else if (keyword === "with") {
      const { items, next } = listWords(words, at + 1);
      const resolved = resolveTargets(config, items);
      if (!resolved.ok) return resolved;
      targets = resolved.value;
      at = next;
    } else if (keyword === "cap") {
      const text = words[at + 1] ?? "";
      const value = Number(text);
      if (!/^\d+$/.test(text) || value < 1 || value > 10_000)
        return err({ kind: "bad-capacity", word: text });
      capacity = value;
      at += 2;
    } else if (keyword === "lang") {
      const { items, next } = listWords(words, at + 1);
      const known = config.network.languages;
      const unknown = items.find((item) => !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(item));
      if (unknown !== undefined || items.length === 0)
        return err({ kind: "unknown-language", word: unknown ?? "", known });
      languages = items;
      at = next;
    } else {
      const recurrence = parseRecurrenceWords(words.slice(at), {
        start: when.result.value.start,
        zone: when.result.value.zone,
      });
      if (!recurrence.result.ok) return err({ kind: "recurrence", error: recurrence.result.error });
      rrule = recurrence.result.value;
      at += recurrence.consumed;
    }
  }
  if (duration === undefined) {
    if (!seen.has("for")) duration = Math.round(config.convening.defaultDuration / 60_000);
  }
  if (targets === undefined || targets.regions.length + targets.networks.length === 0)
    return err({ kind: "missing", keyword: "with" });
  return ok({
    when: when.result.value,
    durationMinutes: duration ?? 60,
    regions: targets.regions,
    networks: targets.networks,
    ...(capacity !== undefined && { capacity }),
    languages: languages ?? [config.network.defaultLanguage],
    ...(rrule !== undefined && { rrule }),
  });
}
