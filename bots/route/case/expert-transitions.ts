/**
 * What the experts of a case do: accept, decline, note, resolve, and reply to the requester.
 * Only experts assigned to the case act on it; a steering member who wants to act takes the
 * case by reassigning it (to themselves, when they are an expert).
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { CaseEvent, CaseRefusal } from "./case-events.ts";
import { letExpertsGo } from "./case-effects.ts";
import {
  type CaseContext,
  type Transition,
  cancelTimers,
  emit,
  finish,
  moveTo,
  restartIdle,
  schedule,
  slaOf,
  startDraft,
} from "./case-draft.ts";
import { checkActor, checkAssigned, checkState, personOf } from "./case-guards.ts";
import { type CaseRecord, type CaseState, excludedExperts } from "./case-model.ts";
import { enteringAccepted, enteringEnd, enteringNew } from "./enter-state.ts";

type Outcome = Result<Transition, CaseRefusal>;
type ExpertEvent = Extract<CaseEvent, { kind: "accept" | "decline" | "note" | "resolve" | "expertReplied" }>;

function checkExpert(
  record: CaseRecord,
  event: ExpertEvent,
  states: readonly CaseState[],
): CaseRefusal | undefined {
  return (
    checkActor(event.kind, event.actor, ["expert"]) ??
    checkState(record, event.kind, states) ??
    checkAssigned(record, event.kind, event.actor)
  );
}

/** The first reply is due `firstReplyWithin` after the offer, never before now. */
export function applyAccept(record: CaseRecord, event: ExpertEvent, context: CaseContext): Outcome {
  const refusal = checkExpert(record, event, ["routed"]);
  if (refusal !== undefined) return err(refusal);
  const draft = startDraft(record, context);
  moveTo(draft, enteringAccepted(record, personOf(event.actor)));
  emit(draft, { kind: "notify-requester", notice: "accepted" });
  const offeredAt = record.offeredAt ?? context.now;
  schedule(draft, "reply-sla", Math.max(context.now, offeredAt + slaOf(draft).firstReplyWithin));
  return ok(finish(draft, event.kind, "expert"));
}

/**
 * The expert leaves and will not be offered the case again; routing resumes at the same
 * chain position, since others in that pool may still take it. The requester is not told:
 * to them the case is still being placed.
 */
export function applyDecline(record: CaseRecord, event: ExpertEvent, context: CaseContext): Outcome {
  const refusal = checkExpert(record, event, ["routed"]);
  if (refusal !== undefined) return err(refusal);
  const person = personOf(event.actor);
  const draft = startDraft(record, context);
  const declined = { ...record, declined: [...record.declined, person] };
  const remaining = record.experts.filter((expert) => expert !== person);
  if (remaining.length > 0) {
    draft.record = { ...declined, experts: remaining };
    emit(draft, ...letExpertsGo([person], "declined"));
  } else {
    const target = { kind: "chain", from: record.position } as const;
    moveTo(draft, enteringNew(declined, target));
    emit(draft, ...letExpertsGo([person], "declined"));
    emit(draft, { kind: "route", target, exclude: excludedExperts(draft.record) });
  }
  return ok(finish(draft, event.kind, "expert"));
}

/** An internal note: allowed, and nothing follows (above all, no relay). */
export function applyNote(record: CaseRecord, event: ExpertEvent): Outcome {
  const refusal = checkExpert(record, event, ["routed", "accepted", "resolved"]);
  return refusal === undefined ? ok({ record, effects: [] }) : err(refusal);
}

export function applyResolve(record: CaseRecord, event: ExpertEvent, context: CaseContext): Outcome {
  const refusal = checkExpert(record, event, ["accepted"]);
  if (refusal !== undefined) return err(refusal);
  const draft = startDraft(record, context);
  moveTo(draft, enteringEnd(record, "resolved"));
  const summary = event.kind === "resolve" ? event.summary : undefined;
  emit(draft, {
    kind: "notify-requester",
    notice: "resolved",
    ...(summary === undefined ? {} : { summary }),
  });
  return ok(finish(draft, event.kind, "expert"));
}

/**
 * A message from an expert to the requester. Before acceptance it is refused, so nothing
 * reaches an anonymous requester from someone who has not taken the case. The first reply
 * meets the reply SLA; every reply restarts the idle clock.
 */
export function applyExpertReplied(record: CaseRecord, event: ExpertEvent, context: CaseContext): Outcome {
  const refusal = checkExpert(record, event, ["accepted", "resolved"]);
  if (refusal !== undefined) return err(refusal);
  const draft = startDraft(record, context);
  if (record.state === "accepted") {
    if (record.firstReplyAt === undefined) {
      cancelTimers(draft, (kind) => kind === "reply-sla");
      draft.record = { ...draft.record, firstReplyAt: context.now };
    }
    restartIdle(draft);
  }
  if (record.anonymous && !record.revealed) emit(draft, { kind: "relay", to: "requester" });
  return ok(finish(draft, event.kind, "expert", false));
}
