/**
 * `planSeries`: one slot per session of a series (e.g. six weekly sessions), chosen so the
 * unsocial slots rotate between regions instead of always falling on the same one. Each
 * session's window is the first one moved by whole weeks on the align zone's calendar, so a
 * "Tuesday" window stays Tuesday across a DST change. Sessions differ only by which regions
 * a slot burdens, so each session's slots are grouped by that set, keeping the most
 * comfortable of each; `choose-fairest-plan.ts` then picks one per session (see there for
 * what "spread" means precisely).
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import { addLocalDays, pickInstant, resolveLocalTime, wallClockAt } from "../time/local-time.ts";
import {
  burdenFromHistory,
  candidatesIn,
  checkRequest,
  searchSpace,
  type Candidate,
  type CheckedRequest,
} from "./slot-candidates.ts";
import { explainNoSlot } from "./explain-no-slot.ts";
import { toSuggestedSlot } from "./rank-slots.ts";
import { chooseFairestPlan } from "./choose-fairest-plan.ts";
import type { NoSlotReason, SuggestRequest, SuggestedSlot } from "./suggest-request.ts";

export interface SeriesPlanRequest extends Omit<SuggestRequest, "count" | "from" | "to"> {
  readonly sessions: number;
  /** Where to look for the first session; session i looks i × `everyWeeks` weeks later (align zone calendar). */
  readonly firstWindow: { readonly from: string | number; readonly to: string | number };
  /** Weeks between sessions; 1 when absent. */
  readonly everyWeeks?: number;
  /** Search nodes before settling for the best plan found; 200 000 when absent. */
  readonly searchBudget?: number;
}

export interface SeriesPlan {
  readonly sessions: readonly SuggestedSlot[];
  /** Unsocial sessions per region id, history included. */
  readonly burden: Readonly<Record<string, number>>;
  readonly maxBurden: number;
  /** False when the budget ran out before the search could prove the plan optimal. */
  readonly exact: boolean;
}

export interface SeriesPlanError {
  /** The session (0-based) that could not be placed; 0 for a bad request. */
  readonly session: number;
  readonly reason: NoSlotReason;
}

const MAX_SESSIONS = 52;

function shiftedWindow(request: CheckedRequest, weeks: number): CheckedRequest {
  const zone = request.alignZone;
  const shift = (epochMs: number): number =>
    pickInstant(resolveLocalTime(addLocalDays(wallClockAt(zone, epochMs), weeks * 7), zone));
  return { ...request, fromMs: shift(request.fromMs), toMs: shift(request.toMs) };
}

/** The most comfortable slot for each distinct set of burdened regions. */
function optionsOf(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const current = best.get(candidate.unsocialKey);
    if (current === undefined || candidate.discomfort < current.discomfort)
      best.set(candidate.unsocialKey, candidate);
  }
  return [...best.values()];
}

/** Plans every session of a series, or says which session cannot be placed and why. */
export function planSeries(request: SeriesPlanRequest): Result<SeriesPlan, SeriesPlanError> {
  const { sessions } = request;
  const everyWeeks = request.everyWeeks ?? 1;
  const checked = checkRequest({ ...request, ...request.firstWindow, count: 1 });
  if (!checked.ok) return err({ session: 0, reason: checked.error });
  if (!Number.isInteger(sessions) || sessions < 1 || sessions > MAX_SESSIONS)
    return err({
      session: 0,
      reason: { kind: "invalid-request", problem: "bad-series", detail: `${sessions} sessions` },
    });
  if (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > MAX_SESSIONS)
    return err({
      session: 0,
      reason: { kind: "invalid-request", problem: "bad-series", detail: `every ${everyWeeks} weeks` },
    });

  const options: Candidate[][] = [];
  for (let session = 0; session < sessions; session++) {
    const space = searchSpace(shiftedWindow(checked.value, session * everyWeeks));
    const candidates = candidatesIn(space);
    if (candidates.length === 0) return err({ session, reason: explainNoSlot(space) });
    options.push(optionsOf(candidates));
  }

  const history = burdenFromHistory(checked.value, request.history ?? []);
  const { choice: bestChoice, exact } = chooseFairestPlan(options, history, request.searchBudget);

  const finalBurden = [...history];
  for (const choice of bestChoice)
    choice.unsocial.forEach((flag, index) => {
      if (flag) finalBurden[index] = (finalBurden[index] ?? 0) + 1;
    });
  return ok({
    sessions: bestChoice.map((choice) => toSuggestedSlot(choice, checked.value.regions)),
    burden: Object.fromEntries(
      checked.value.regions.map((region, index) => [region.id, finalBurden[index] ?? 0]),
    ),
    maxBurden: Math.max(...finalBurden),
    exact,
  });
}
