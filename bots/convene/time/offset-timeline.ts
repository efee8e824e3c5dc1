/**
 * A zone's UTC offsets over a window, computed once. Asking the tz database for an offset
 * costs a few microseconds (an `Intl` format underneath); slot search asks thousands of
 * times for a dozen zones, so it asks the timeline instead, which finds the window's
 * transitions up front and answers from them.
 */
import { offsetMinutesAt } from "./local-time.ts";

/** Gives a zone's offset in minutes (east positive) at an instant. */
export type OffsetAt = (epochMs: number) => number;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// No zone in the tz database changes offset twice within three days, so sampling this often
// cannot miss a transition pair.
const SAMPLE_MS = 3 * DAY_MS;
// Callers look a little outside their window (local days straddle it).
const MARGIN_MS = 3 * DAY_MS;

/** The offsets of `zone` between `fromMs` and `toMs` (either side padded by a few days). */
export function offsetTimeline(zone: string, fromMs: number, toMs: number): OffsetAt {
  const start = fromMs - MARGIN_MS;
  const end = toMs + MARGIN_MS;
  const direct = (epochMs: number): number => offsetMinutesAt(zone, epochMs);
  // changes[i] is the first instant at which offsets[i] applies.
  const changes: number[] = [start];
  const offsets: number[] = [direct(start)];
  let previousAt = start;
  let previous = offsets[0] ?? 0;
  for (let at = Math.min(start + SAMPLE_MS, end); ; at = Math.min(at + SAMPLE_MS, end)) {
    const offset = direct(at);
    if (offset !== previous) {
      let low = previousAt;
      let high = at;
      while (high - low > MINUTE_MS) {
        const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (direct(mid) === previous) low = mid;
        else high = mid;
      }
      changes.push(high);
      offsets.push(offset);
      previous = offset;
    }
    previousAt = at;
    if (at >= end) break;
  }
  return (epochMs) => {
    if (epochMs < start || epochMs > end) return direct(epochMs);
    let index = changes.length - 1;
    while (index > 0 && (changes[index] ?? 0) > epochMs) index--;
    return offsets[index] ?? direct(epochMs);
  };
}
