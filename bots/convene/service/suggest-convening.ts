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
import { t } from "../i18n/index.ts";
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
  if (words[1]?.toLowerCase() !== "with") return err(t(input.locale, "suggest.needWith"));
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
      return err(t(input.locale, "suggest.badPeriod"));
    if (end <= start || end - start > MAX_WINDOW_DAYS * DAY_MS)
      return err(t(input.locale, "suggest.periodRange", { maxDays: MAX_WINDOW_DAYS }));
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
      region.lines.map((line) =>
        t(input.locale, "card.localTime", { label: names[region.region] ?? region.region, time: line.text }),
      ),
    );
    const edge =
      slot.unsocialFor.length === 0
        ? t(input.locale, "suggest.inCoreHours")
        : t(input.locale, "suggest.edgeFor", { regions: slot.unsocialFor.map((id) => names[id] ?? id) });
    const utc = slot.start.slice(0, 16).replace("T", " ");
    return lines(
      reply`${t(input.locale, "suggest.option", { n: index + 1, utc, edge })}`,
      list(local.map((text) => reply`${text}`)),
    );
  });
  const header = t(input.locale, "suggest.header", {
    regions: ids.map((id) => names[id] ?? id),
    minutes: duration.value,
  });
  return ok(lines(reply`${header}`, ...items, reply`${t(input.locale, "suggest.hint")}`));
}
