/**
 * bench/convene-suggest: how long the convene bot's slot search takes for a large
 * convening: 12 regions with zones from UTC-3:30 to UTC+5:45 (half- and quarter-hour zones
 * included, several regions spanning two or three zones), 07:00-19:00 working days, a
 * 90-minute convening on a 30-minute grid, a 4-week window crossing the European and North
 * American DST changes, and five earlier sessions as history. Each call gets a window moved
 * by a few hours so nothing is answered from a previous call. Target (issue 5): median
 * under 50 ms per call.
 */
import { suggestSlots } from "../bots/convene/suggest/suggest-slots.ts";
import type { RegionHours } from "../bots/convene/time/working-hours.ts";
import type { Benchmark } from "./run.ts";
import { percentile, round } from "./report.ts";

const CALLS = Number(process.env["BENCH_SUGGEST_CALLS"] ?? 60);
const WARM_UP = 5;
const TARGET_MS = 50;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const ZONE_SETS: readonly (readonly string[])[] = [
  ["America/St_Johns"],
  ["America/Sao_Paulo", "America/Argentina/Buenos_Aires"],
  ["Europe/London", "Europe/Lisbon"],
  ["Europe/Brussels", "Europe/Berlin", "Europe/Paris"],
  ["Africa/Lagos", "Africa/Kinshasa"],
  ["Africa/Nairobi", "Africa/Addis_Ababa", "Africa/Mogadishu"],
  ["Asia/Tehran"],
  ["Asia/Dubai", "Asia/Muscat"],
  ["Asia/Kabul"],
  ["Asia/Karachi", "Asia/Tashkent"],
  ["Asia/Kolkata", "Asia/Colombo"],
  ["Asia/Kathmandu"],
];

/** The 12 regions of the benchmark. */
export function benchRegions(): RegionHours[] {
  return ZONE_SETS.map((timeZones, index) => ({
    id: `region-${index + 1}`,
    timeZones,
    workingHours: {
      start: "07:00",
      end: "19:00",
      days: index % 4 === 3 ? ["sun", "mon", "tue", "wed", "thu"] : ["mon", "tue", "wed", "thu", "fri"],
    },
  }));
}

/** Median time of `suggestSlots` over at least 50 calls. */
export async function measureSuggest(
  log: (line: string) => void,
): Promise<{ suggest_ms: number; calls: number; regions: number }> {
  const calls = Math.max(50, CALLS);
  const regions = benchRegions();
  const windowStart = Date.parse("2026-10-19T00:00:00Z");
  const history = [0, 7, 14, 21, 28].map((days) => ({
    start: windowStart - (35 - days) * DAY_MS + 11 * HOUR_MS,
    durationMinutes: 90,
  }));
  const run = (call: number): number => {
    const from = windowStart + (call % 24) * HOUR_MS;
    const started = performance.now();
    const result = suggestSlots({
      regions,
      durationMinutes: 90,
      from,
      to: from + 28 * DAY_MS,
      granularityMinutes: 30,
      count: 3,
      history,
    });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(`no slot found for the benchmark regions: ${result.error.kind}`);
    return elapsed;
  };
  for (let i = 0; i < WARM_UP; i++) run(i);
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) samples.push(run(i));
  const median = percentile(samples, 50);
  log(
    `${calls} calls, ${regions.length} regions, 4-week window: median ${median.toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms`,
  );
  // Yield once so a caller awaiting this in a loop keeps its event loop responsive.
  await Promise.resolve();
  return { suggest_ms: round(median, 2), calls, regions: regions.length };
}

export const benchmark: Benchmark = {
  name: "convene-suggest",
  key: "convene_suggest",
  async run(log) {
    const figures = await measureSuggest(log);
    return {
      figures,
      targets: [{ figure: "suggest_ms", target: `< ${TARGET_MS}`, met: figures.suggest_ms < TARGET_MS }],
      notes: [
        "suggestSlots for 12 regions (zones UTC-3:30 to UTC+5:45, 1-3 zones each, 07:00-19:00), 90-minute slots on a 30-minute grid, 4-week window across the October/November DST changes, 5 history sessions; median of the timed calls after 5 warm-up calls",
      ],
    };
  },
};
