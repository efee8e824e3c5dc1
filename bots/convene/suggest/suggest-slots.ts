/**
 * `suggestSlots`: the best N slots for a convening of several regions, each inside every
 * invited region's working hours (see `time/working-hours.ts`), ranked for fairness
 * (`rank-slots.ts`) against the unsocial slots the regions already had. The proposals are
 * real alternatives: first at most one per day (on the align zone's calendar), then, if
 * that leaves fewer than N, other slots not overlapping those already chosen. When nothing
 * fits, the answer says why (`explain-no-slot.ts`).
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import { wallOf } from "../time/local-time.ts";
import {
  burdenFromHistory,
  candidatesIn,
  checkRequest,
  searchSpace,
  type Candidate,
} from "./slot-candidates.ts";
import { explainNoSlot } from "./explain-no-slot.ts";
import { rankCandidates, toSuggestedSlot } from "./rank-slots.ts";
import type { NoSlotReason, SuggestRequest, SuggestedSlot } from "./suggest-request.ts";

const MINUTE_MS = 60_000;

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Picks `count` from `ranked` (best first): one per local day first, then any non-overlapping. */
export function pickDistinct(
  ranked: readonly Candidate[],
  count: number,
  dayOf: (epochMs: number) => number,
): Candidate[] {
  const chosen: Candidate[] = [];
  const days = new Set<number>();
  for (const candidate of ranked) {
    if (chosen.length >= count) break;
    const day = dayOf(candidate.start);
    if (days.has(day)) continue;
    days.add(day);
    chosen.push(candidate);
  }
  for (const candidate of ranked) {
    if (chosen.length >= count) break;
    if (!chosen.some((other) => other === candidate || overlaps(other, candidate))) chosen.push(candidate);
  }
  return chosen;
}

/** The best `request.count` slots (fewer when fewer fit), or why none fits. */
export function suggestSlots(request: SuggestRequest): Result<readonly SuggestedSlot[], NoSlotReason> {
  const checked = checkRequest(request);
  if (!checked.ok) return checked;
  const space = searchSpace(checked.value);
  const candidates = candidatesIn(space);
  if (candidates.length === 0) return err(explainNoSlot(space));
  const burden = burdenFromHistory(checked.value, request.history ?? []);
  const alignOffsets = space.offsetsFor(checked.value.alignZone);
  const dayOf = (epochMs: number): number => {
    const wall = wallOf(epochMs + alignOffsets(epochMs) * MINUTE_MS);
    return wall.year * 10_000 + wall.month * 100 + wall.day;
  };
  const chosen = pickDistinct(rankCandidates(candidates, burden), checked.value.count, dayOf);
  return ok(chosen.map((candidate) => toSuggestedSlot(candidate, checked.value.regions)));
}
