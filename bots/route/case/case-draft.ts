/**
 * The working copy of one transition: the record as it changes and the effects it needs.
 * Local to one `applyCaseEvent` call, so its mutation never escapes. Timer bookkeeping lives
 * here so that no transition can forget it: changing state cancels every timer of the state
 * left, and every timer scheduled records the state and position it expects.
 */
import type { RoutingConfig } from "../../../config/network-config.ts";
import type { CaseEffect } from "./case-effects.ts";
import { type ActorKind, type CaseRecord, type TimerKind, MAX_HISTORY } from "./case-model.ts";
import { type TimerExpectation, cancelEffect, scheduleEffect } from "./timer-ids.ts";

export interface CaseContext {
  /** Epoch ms. */
  readonly now: number;
  readonly routing: Pick<RoutingConfig, "sla" | "idle">;
}

export interface Transition {
  readonly record: CaseRecord;
  readonly effects: readonly CaseEffect[];
}

export interface Draft {
  record: CaseRecord;
  readonly effects: CaseEffect[];
  readonly context: CaseContext;
  /** The record before the event. */
  readonly original: CaseRecord;
  /** The timer whose firing is being applied: dropped, not cancelled (it already ran). */
  readonly fired?: TimerExpectation;
}

export const DAY_MS = 86_400_000;

export function startDraft(record: CaseRecord, context: CaseContext, fired?: TimerExpectation): Draft {
  return { record, effects: [], context, original: record, ...(fired === undefined ? {} : { fired }) };
}

export function emit(draft: Draft, ...effects: readonly CaseEffect[]): void {
  draft.effects.push(...effects);
}

function isFired(draft: Draft, kind: TimerKind, generation: number): boolean {
  return draft.fired?.kind === kind && draft.fired.generation === generation;
}

/** Cancels the pending timers `which` selects (the fired one is only dropped). */
export function cancelTimers(draft: Draft, which: (kind: TimerKind) => boolean): void {
  const keep = draft.record.timers.filter((timer) => !which(timer.kind));
  for (const timer of draft.record.timers) {
    if (which(timer.kind) && !isFired(draft, timer.kind, timer.generation))
      emit(draft, cancelEffect(draft.record.id, timer));
  }
  draft.record = { ...draft.record, timers: keep };
}

/** Drops the fired timer from the pending list; the case stays in its state. */
export function dropFired(draft: Draft): void {
  const timers = draft.record.timers.filter((timer) => !isFired(draft, timer.kind, timer.generation));
  draft.record = { ...draft.record, timers };
}

/**
 * Replaces the record with `next`, a record in its new state (see `enter-state.ts`). Also
 * used to re-enter the same state (a new expert offered): its timers belonged to the old
 * offer.
 */
export function moveTo(draft: Draft, next: CaseRecord): void {
  cancelTimers(draft, () => true);
  draft.record = { ...next, timers: [] };
}

/** Schedules a timer expecting the case's current state and position; `due` is epoch ms. */
export function schedule(draft: Draft, kind: TimerKind, due: number): void {
  const { record } = draft;
  const timer = {
    kind,
    generation: record.nextGeneration,
    due,
    state: record.state,
    position: record.position,
  };
  draft.record = { ...record, timers: [...record.timers, timer], nextGeneration: record.nextGeneration + 1 };
  emit(draft, scheduleEffect(record.id, timer));
}

/** (Re)schedules the idle nudge from now, the case's latest activity. */
export function restartIdle(draft: Draft): void {
  const { now, routing } = draft.context;
  cancelTimers(draft, (kind) => kind === "idle-nudge" || kind === "idle-close");
  draft.record = { ...draft.record, lastActivityAt: now };
  schedule(draft, "idle-nudge", now + routing.idle.nudgeAfterDays * DAY_MS);
}

/** The SLA targets for this case's urgency. */
export function slaOf(draft: Draft): { readonly acceptWithin: number; readonly firstReplyWithin: number } {
  return draft.context.routing.sla[draft.record.profile.urgency];
}

/**
 * The finished transition. `logged` transitions join the history; messages do not, since
 * history is for the case's course and must stay small. A message that changed nothing
 * returns the record as it was, so the layer need not write room state for it.
 */
export function finish(draft: Draft, event: string, actor: ActorKind, logged = true): Transition {
  const { now } = draft.context;
  const before = draft.record;
  if (!logged && before === draft.original) return { record: before, effects: draft.effects };
  const entry = { at: now, event, actor, from: draft.original.state, to: before.state };
  const history = logged ? [...before.history, entry].slice(-MAX_HISTORY) : before.history;
  return { record: { ...before, history, updatedAt: now }, effects: draft.effects };
}
