/**
 * Case timers as delayed jobs. Job ids are deterministic in the case, the timer kind and its
 * generation, so a restarted bot that schedules every pending timer of its cases again adds
 * nothing twice (BullMQ keeps the first job with a given id). The payload says what the
 * timer expects of the case; a job that fires after the case moved on (accepted in time,
 * closed, escalated by a twin job) no longer matches and is refused as stale.
 */
import type { CaseId } from "./case-id.ts";
import type { CaseRecord, CaseState, PendingTimer, TimerKind } from "./case-model.ts";
import type { CaseEffect } from "./case-effects.ts";

/** A timer job's payload. */
export interface TimerExpectation {
  readonly caseId: CaseId;
  readonly kind: TimerKind;
  readonly generation: number;
  readonly state: CaseState;
  readonly position: number;
}

/**
 * E.g. `case-rk7m2pq-accept-sla-g3`. Case ids and timer kinds use only letters, digits and
 * dashes, so the id needs no escaping and `case-<id>-` prefixes exactly one case's jobs.
 */
export function timerJobId(caseId: CaseId, kind: TimerKind, generation: number): string {
  return `${caseJobPrefix(caseId)}${kind}-g${generation}`;
}

/** The prefix of every timer job id of case `caseId`, to find or sweep its jobs. */
export function caseJobPrefix(caseId: CaseId): string {
  return `case-${caseId}-`;
}

export function expectationOf(caseId: CaseId, timer: PendingTimer): TimerExpectation {
  const { kind, generation, state, position } = timer;
  return { caseId, kind, generation, state, position };
}

/** Whether a firing timer is one the case still waits for. */
export function isCurrentTimer(record: CaseRecord, timer: TimerExpectation): boolean {
  return (
    timer.caseId === record.id &&
    timer.state === record.state &&
    timer.position === record.position &&
    record.timers.some((pending) => pending.kind === timer.kind && pending.generation === timer.generation)
  );
}

export function scheduleEffect(caseId: CaseId, timer: PendingTimer): CaseEffect {
  return {
    kind: "schedule-timer",
    jobId: timerJobId(caseId, timer.kind, timer.generation),
    due: timer.due,
    payload: expectationOf(caseId, timer),
  };
}

export function cancelEffect(caseId: CaseId, timer: PendingTimer): CaseEffect {
  return { kind: "cancel-timer", jobId: timerJobId(caseId, timer.kind, timer.generation), timer: timer.kind };
}

/**
 * What a starting bot schedules for a case read back from its room: every pending timer
 * with its original id and due time (one already due runs at once). Repeating it is harmless.
 */
export function restoreTimers(record: CaseRecord): readonly CaseEffect[] {
  return record.timers.map((timer) => scheduleEffect(record.id, timer));
}
