/**
 * Timers firing: an SLA lapsing escalates the case one step down the routing chain (once:
 * the fired timer leaves the record, so a duplicate job is stale), and an idle case is
 * nudged, then closed. Every firing is checked against what the timer expected first.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { CaseEvent, CaseRefusal } from "./case-events.ts";
import { letExpertsGo } from "./case-effects.ts";
import {
  type CaseContext,
  type Draft,
  type Transition,
  DAY_MS,
  dropFired,
  emit,
  finish,
  moveTo,
  schedule,
  slaOf,
  startDraft,
} from "./case-draft.ts";
import { type CaseRecord, type TimerKind, excludedExperts } from "./case-model.ts";
import { enteringEnd, enteringNew, enteringRouted, withPeople } from "./enter-state.ts";
import { isCurrentTimer } from "./timer-ids.ts";

type Outcome = Result<Transition, CaseRefusal>;
type TimerEvent = Extract<
  CaseEvent,
  { kind: "slaAcceptLapsed" | "slaReplyLapsed" | "idleNudge" | "idleAutoClose" }
>;

const EVENT_OF: Readonly<Record<TimerKind, TimerEvent["kind"]>> = {
  "accept-sla": "slaAcceptLapsed",
  "reply-sla": "slaReplyLapsed",
  "idle-nudge": "idleNudge",
  "idle-close": "idleAutoClose",
};

/** The experts who let it lapse leave and are not asked again; routing goes on one step down. */
function escalate(draft: Draft, record: CaseRecord): void {
  const target = { kind: "chain", from: record.position + 1 } as const;
  moveTo(draft, enteringNew({ ...record, tried: withPeople(record.tried, record.experts) }, target));
  emit(draft, ...letExpertsGo(record.experts, "lapsed"));
  emit(draft, { kind: "notify-requester", notice: "escalated" });
  emit(draft, { kind: "route", target, exclude: excludedExperts(draft.record) });
}

function lapse(draft: Draft, record: CaseRecord): void {
  const { step } = record;
  if (record.state === "routed" && record.experts.length === 0 && step?.kind === "triage") {
    // Nobody below triage to escalate to: raise it with steering again, and keep counting.
    moveTo(draft, enteringRouted(record, [], draft.context.now));
    emit(draft, { kind: "post-to-triage", room: step.room, why: "overdue", passed: [] });
    schedule(draft, "accept-sla", draft.context.now + slaOf(draft).acceptWithin);
  } else {
    escalate(draft, record);
  }
}

/** A timer that is not (or no longer) the one the case waits for is refused as stale. */
export function applyTimer(record: CaseRecord, event: TimerEvent, context: CaseContext): Outcome {
  const { timer } = event;
  if (EVENT_OF[timer.kind] !== event.kind || !isCurrentTimer(record, timer))
    return err({ kind: "stale-timer", timer });
  const draft = startDraft(record, context, timer);
  const { now, routing } = context;
  switch (event.kind) {
    case "slaAcceptLapsed":
    case "slaReplyLapsed":
      lapse(draft, record);
      break;
    case "idleNudge": {
      dropFired(draft);
      const everyone = record.experts;
      emit(draft, { kind: "notify-requester", notice: "idle-nudge" });
      if (everyone.length > 0)
        emit(draft, { kind: "notify-experts", notice: "idle-nudge", experts: everyone });
      const lastActivity = record.lastActivityAt ?? now;
      schedule(draft, "idle-close", Math.max(now, lastActivity + routing.idle.autoCloseAfterDays * DAY_MS));
      break;
    }
    case "idleAutoClose":
      moveTo(draft, enteringEnd(record, "closed"));
      emit(draft, { kind: "notify-requester", notice: "auto-closed" });
      if (record.experts.length > 0)
        emit(draft, { kind: "notify-experts", notice: "auto-closed", experts: record.experts });
      break;
  }
  return ok(finish(draft, event.kind, "timer"));
}

/** The event a fired timer job stands for, from its payload. */
export function timerEvent(timer: TimerEvent["timer"]): TimerEvent {
  return { kind: EVENT_OF[timer.kind], timer };
}
