/**
 * `!convene suggest <duration> with <regions/networks> [between <date> and <date>]`: the
 * best slots inside every invited region's working hours, fairest first, each shown in
 * every region's local time, and which region (if any) gets an early or late slot. Earlier
 * convenings of those regions count as history, so unsocial hours rotate between them.
 */
import type { NetworkConfig, RegionConfig } from "../../../config/network-config.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { type Reply, lines, list, reply } from "../../runtime/commands/reply.ts";
import { resolveTargets } from "../commands/parse-schedule-details.ts";
import type { Convening } from "../model/convening.ts";
import { renderNoSlotReason } from "../suggest/render-no-slot.ts";
import { suggestSlots } from "../suggest/suggest-slots.ts";
import { formatForRegions } from "../time/format-time.ts";
import { parseDuration, renderDurationError } from "../time/parse-duration.ts";
import type { Slot } from "../time/working-hours.ts";
import { regionsReached } from "./people.ts";
import { renderScheduleError } from "./render-schedule-error.ts";

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW_DAYS = 14;
const MAX_WINDOW_DAYS = 92;

export interface SuggestInput {
  readonly config: NetworkConfig;
  readonly words: readonly string[];
  readonly now: number;
  readonly locale: string;
  /** Convenings already held or planned: their slots are the history fairness looks at. */
  readonly earlier: readonly Convening[];
}

function parseDay(word: string | undefined): number | undefined {
  if (word === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(word)) return undefined;
  const ms = Date.parse(`${word}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

export function suggestConvening(input: SuggestInput): Result<Reply, string> {
  const { config, words } = input;
  const duration = parseDuration(words[0] ?? "");
  if (!duration.ok) return err(renderDurationError(duration.error));
  if (words[1]?.toLowerCase() !== "with")
    return err(
      `after the duration, say who with "with <regions or networks>", e.g. "with east-africa, mena".`,
    );
  const betweenAt = words.findIndex((word, index) => index > 1 && word.toLowerCase() === "between");
  const targetWords = words.slice(2, betweenAt === -1 ? undefined : betweenAt);
  const targets = resolveTargets(
    config,
    targetWords.flatMap((word) => word.split(",")).filter((word) => word.trim() !== ""),
  );
  if (!targets.ok) return err(renderScheduleError(targets.error));
  let from = input.now;
  let to = input.now + DEFAULT_WINDOW_DAYS * DAY_MS;
  if (betweenAt !== -1) {
    const start = parseDay(words[betweenAt + 1]);
    const end = parseDay(words[betweenAt + 3]);
    if (start === undefined || end === undefined || words[betweenAt + 2]?.toLowerCase() !== "and")
      return err(`write the period as "between 2026-12-01 and 2026-12-14".`);
    if (end <= start || end - start > MAX_WINDOW_DAYS * DAY_MS)
      return err(`the period must end after it starts and last at most ${MAX_WINDOW_DAYS} days.`);
    from = Math.max(start, input.now);
    to = end + DAY_MS;
  }
  const ids = regionsReached(config, targets.value);
  const regions: RegionConfig[] = config.regions.filter((region) => ids.includes(region.id));
  const history: Slot[] = input.earlier
    .filter(
      (convening) => convening.status === "scheduled" && convening.regions.some((id) => ids.includes(id)),
    )
    .map((convening) => ({ start: convening.time.start, durationMinutes: convening.time.durationMinutes }));
  const found = suggestSlots({
    regions,
    durationMinutes: duration.value,
    from,
    to,
    granularityMinutes: 30,
    count: config.convening.suggestionCount,
    history,
  });
  const names = Object.fromEntries(config.regions.map((region) => [region.id, region.name]));
  if (!found.ok) return err(renderNoSlotReason(found.error, names));
  const options = { locale: input.locale, hourCycle: config.convening.locale.hourCycle };
  const items = found.value.map((slot, index) => {
    const time = { start: slot.start, zone: "UTC", durationMinutes: duration.value };
    const local = formatForRegions(time, regions, options).flatMap((region) =>
      region.lines.map((line) => `${names[region.region] ?? region.region}: ${line.text}`),
    );
    const edge =
      slot.unsocialFor.length === 0
        ? "inside everyone's core hours"
        : `at the edge of the working day for ${slot.unsocialFor.map((id) => names[id] ?? id).join(", ")}`;
    return lines(
      reply`${`Option ${index + 1} (${slot.start.slice(0, 16).replace("T", " ")} UTC), ${edge}:`}`,
      list(local.map((text) => reply`${text}`)),
    );
  });
  return ok(
    lines(
      reply`${`Best slots for ${ids.map((id) => names[id] ?? id).join(", ")} (${duration.value} min):`}`,
      ...items,
      reply`${'Schedule one with !convene schedule "<title>" <date> <time> UTC for <duration> with <regions>.'}`,
    ),
  );
}
