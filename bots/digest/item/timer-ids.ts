/**
 * Item timers as delayed jobs, as for the router's cases: job ids are deterministic in the
 * item, the timer kind and its generation, so a restarted bot that schedules every pending
 * timer again adds nothing twice. The payload says what the timer expects of the item; a job
 * that fires after the item moved on (everyone answered, a new preview, the embargo moved)
 * no longer matches and is refused as stale.
 */
import type { DigestEffect } from "./item-effects.ts";
import type { DigestItemId } from "./item-id.ts";
import type { DigestItem, ItemState, PendingTimer, TimerKind } from "./item-model.ts";

/** A timer job's payload. */
export interface TimerExpectation {
  readonly item: DigestItemId;
  readonly kind: TimerKind;
  readonly generation: number;
  readonly state: ItemState;
  readonly preview: number;
}

/**
 * E.g. `digest-dk7m2pq-embargo-g3`. Item ids and timer kinds use only letters, digits and
 * dashes, so the id needs no escaping and `digest-<id>-` prefixes exactly one item's jobs.
 */
export function timerJobId(item: DigestItemId, kind: TimerKind, generation: number): string {
  return `${itemJobPrefix(item)}${kind}-g${generation}`;
}

/** The prefix of every timer job id of item `item`, to find or sweep its jobs. */
export function itemJobPrefix(item: DigestItemId): string {
  return `digest-${item}-`;
}

export function expectationOf(item: DigestItemId, timer: PendingTimer): TimerExpectation {
  const { kind, generation, state, preview } = timer;
  return { item, kind, generation, state, preview };
}

/** Whether a firing timer is one the item still waits for. */
export function isCurrentTimer(record: DigestItem, timer: TimerExpectation): boolean {
  return (
    timer.item === record.id &&
    timer.state === record.state &&
    timer.preview === record.preview &&
    record.timers.some((pending) => pending.kind === timer.kind && pending.generation === timer.generation)
  );
}

export function scheduleEffect(item: DigestItemId, timer: PendingTimer): DigestEffect {
  return {
    kind: "schedule-timer",
    jobId: timerJobId(item, timer.kind, timer.generation),
    due: timer.due,
    payload: expectationOf(item, timer),
  };
}

export function cancelEffect(item: DigestItemId, timer: PendingTimer): DigestEffect {
  return { kind: "cancel-timer", jobId: timerJobId(item, timer.kind, timer.generation), timer: timer.kind };
}

/**
 * What a starting bot schedules for an item read back from the steering room: every pending
 * timer with its original id and due time (one already due runs at once). Repeating it is
 * harmless.
 */
export function restoreTimers(record: DigestItem): readonly DigestEffect[] {
  return record.timers.map((timer) => scheduleEffect(record.id, timer));
}
