/**
 * What the requester does: close, reopen, reveal themselves, and write to the experts.
 * Steering may close a case too (a request sent in error, a safeguarding concern).
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { CaseEvent, CaseRefusal } from "./case-events.ts";
import {
  type CaseContext,
  type Draft,
  type Transition,
  emit,
  finish,
  moveTo,
  restartIdle,
  schedule,
  slaOf,
  startDraft,
} from "./case-draft.ts";
import { OPEN_STATES, checkActor, checkState } from "./case-guards.ts";
import { type CaseRecord, excludedExperts } from "./case-model.ts";
import { enteringAccepted, enteringEnd, enteringNew, enteringRouted } from "./enter-state.ts";

type Outcome = Result<Transition, CaseRefusal>;
type On<K extends CaseEvent["kind"]> = Extract<CaseEvent, { kind: K }>;

export function applyClose(record: CaseRecord, event: On<"close">, context: CaseContext): Outcome {
  const refusal =
    checkActor(event.kind, event.actor, ["requester", "steering"]) ??
    checkState(record, event.kind, OPEN_STATES);
  if (refusal !== undefined) return err(refusal);
  const draft = startDraft(record, context);
  moveTo(draft, enteringEnd(record, "closed"));
  if (record.experts.length > 0)
    emit(draft, { kind: "notify-experts", notice: "closed", experts: record.experts });
  if (event.actor.kind === "steering")
    emit(draft, { kind: "notify-requester", notice: "closed-by-steering" });
  return ok(finish(draft, event.kind, event.actor.kind));
}

/**
 * Back to where the case stood, with fresh clocks: to the expert who accepted it (who owes
 * a reply again), to the experts offered it, to the triage room, or else to routing.
 */
export function applyReopen(record: CaseRecord, event: On<"reopen">, context: CaseContext): Outcome {
  const refusal =
    checkActor(event.kind, event.actor, ["requester"]) ??
    checkState(record, event.kind, ["resolved", "closed"]);
  if (refusal !== undefined) return err(refusal);
  const { now } = context;
  const { acceptedBy, experts, step } = record;
  const draft = startDraft(record, context);
  if (acceptedBy !== undefined && experts.includes(acceptedBy)) {
    moveTo(draft, { ...enteringAccepted(record, acceptedBy), offeredAt: now });
    schedule(draft, "reply-sla", now + slaOf(draft).firstReplyWithin);
  } else if (experts.length > 0 || step?.kind === "triage") {
    moveTo(draft, enteringRouted(record, experts, now));
    schedule(draft, "accept-sla", now + slaOf(draft).acceptWithin);
    if (step?.kind === "triage" && experts.length === 0)
      emit(draft, { kind: "post-to-triage", room: step.room, why: "reopened", passed: [] });
  } else {
    reroute(draft, record);
  }
  if (experts.length > 0) emit(draft, { kind: "notify-experts", notice: "reopened", experts });
  return ok(finish(draft, event.kind, "requester"));
}

function reroute(draft: Draft, record: CaseRecord): void {
  const target = { kind: "chain", from: record.position } as const;
  moveTo(draft, enteringNew(record, target));
  emit(draft, { kind: "route", target, exclude: excludedExperts(record) });
}

/** Explicit and once: the requester's own id joins the record and they join the room. */
export function applyReveal(record: CaseRecord, event: On<"reveal">, context: CaseContext): Outcome {
  const refusal =
    checkActor(event.kind, event.actor, ["requester"]) ?? checkState(record, event.kind, OPEN_STATES);
  if (refusal !== undefined) return err(refusal);
  if (!record.anonymous) return err({ kind: "not-anonymous" });
  if (record.revealed) return err({ kind: "already-revealed" });
  const draft = startDraft(record, context);
  draft.record = { ...record, revealed: true, requester: event.user };
  emit(
    draft,
    { kind: "log-reveal", user: event.user, at: context.now },
    { kind: "invite-requester", user: event.user },
  );
  if (record.experts.length > 0)
    emit(draft, { kind: "notify-experts", notice: "revealed", experts: record.experts });
  return ok(finish(draft, event.kind, "requester"));
}

/**
 * More information from the requester. Relayed while they are anonymous; once the
 * conversation has started it restarts the idle clock. After the case closed it is refused:
 * the requester reopens first, so a late message never lands in a room nobody watches.
 */
export function applyRequesterMessage(record: CaseRecord, context: CaseContext): Outcome {
  const refusal = checkState(record, "requesterMessage", OPEN_STATES);
  if (refusal !== undefined) return err(refusal);
  const draft = startDraft(record, context);
  if (record.state === "accepted" && record.firstReplyAt !== undefined) restartIdle(draft);
  if (record.anonymous && !record.revealed) emit(draft, { kind: "relay", to: "case-room" });
  return ok(finish(draft, "requesterMessage", "requester", false));
}
