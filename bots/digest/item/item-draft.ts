/**
 * The working copy of one transition: the record as it changes and the effects it needs.
 * Local to one `applyDigestEvent` call, so its mutation never escapes. Timer and audit
 * bookkeeping live here so that no transition can forget them: changing state cancels every
 * timer of the state left, every timer records the state and preview it expects, and every
 * audit entry both joins the record and goes out as an effect.
 */
import type { DigestConfig } from "../../../config/network-config.ts";
import type { DigestEffect } from "./item-effects.ts";
import type { DigestItemId } from "./item-id.ts";
import {
  type ActorKind,
  type AuditEntry,
  type DigestItem,
  type ItemState,
  type TimerKind,
  MAX_AUDIT,
  MAX_HISTORY,
} from "./item-model.ts";
import { type TimerExpectation, cancelEffect, scheduleEffect } from "./timer-ids.ts";

/** What the publication check asks of the redaction module, by ids and a digest only. */
export interface RedactionRef {
  readonly item: DigestItemId;
  readonly preview: number;
  readonly digest: string;
}

/**
 * Whether the redacted content with `digest` is what the redaction module makes of the
 * item's messages for that preview now, and its checker finds no personal data left in it.
 * The item depends on redaction through this function only.
 */
export type RedactionCheck = (redaction: RedactionRef) => boolean;

export interface DigestContext {
  /** Epoch ms. */
  readonly now: number;
  readonly digest: Pick<DigestConfig, "approvalQuorum" | "allowVeto" | "consentDeadlineHours">;
  readonly isRedactionClean: RedactionCheck;
}

export interface Transition {
  readonly record: DigestItem;
  readonly effects: readonly DigestEffect[];
}

export interface Draft {
  record: DigestItem;
  readonly effects: DigestEffect[];
  readonly context: DigestContext;
  /** The record before the event. */
  readonly original: DigestItem;
  /** The timer whose firing is being applied: dropped, not cancelled (it already ran). */
  readonly fired?: TimerExpectation;
}

export const HOUR_MS = 3_600_000;

export function startDraft(record: DigestItem, context: DigestContext, fired?: TimerExpectation): Draft {
  return { record, effects: [], context, original: record, ...(fired === undefined ? {} : { fired }) };
}

export function emit(draft: Draft, ...effects: readonly DigestEffect[]): void {
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

/** Drops the fired timer from the pending list; the item stays in its state. */
export function dropFired(draft: Draft): void {
  const timers = draft.record.timers.filter((timer) => !isFired(draft, timer.kind, timer.generation));
  draft.record = { ...draft.record, timers };
}

/**
 * Replaces the record with `next` in state `state`. Also used to re-enter the same state (a
 * new preview while one was being redacted): its timers belonged to the old one.
 */
export function moveTo(draft: Draft, state: ItemState, next: DigestItem = draft.record): void {
  cancelTimers(draft, () => true);
  draft.record = { ...next, state, timers: [] };
}

/** Schedules a timer expecting the item's current state and preview; `due` is epoch ms. */
export function schedule(draft: Draft, kind: TimerKind, due: number): void {
  const { record } = draft;
  const timer = {
    kind,
    generation: record.nextGeneration,
    due,
    state: record.state,
    preview: record.preview,
  };
  draft.record = { ...record, timers: [...record.timers, timer], nextGeneration: record.nextGeneration + 1 };
  emit(draft, scheduleEffect(record.id, timer));
}

/** Records `entry` (stamped now) in the item and sends it to the audit log. */
export function audit(draft: Draft, entry: Omit<AuditEntry, "at">): void {
  const stamped = { at: draft.context.now, ...entry };
  draft.record = { ...draft.record, audit: [...draft.record.audit, stamped].slice(-MAX_AUDIT) };
  emit(draft, { kind: "audit", entry: stamped });
}

/**
 * The finished transition. `logged` transitions join the history. One that changed nothing
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
