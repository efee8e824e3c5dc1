/**
 * Where a case goes: a routing result arriving, and a reassignment by hand. Offering a case
 * always starts the acceptance clock, for an expert and for the triage room alike, so a
 * request nobody picks up in triage is raised again rather than forgotten.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { CaseEvent, CaseRefusal } from "./case-events.ts";
import { letExpertsGo } from "./case-effects.ts";
import {
  type Transition,
  type CaseContext,
  emit,
  finish,
  moveTo,
  schedule,
  slaOf,
  startDraft,
} from "./case-draft.ts";
import { checkActor, checkAssigned, checkState } from "./case-guards.ts";
import { type CaseRecord, excludedExperts } from "./case-model.ts";
import { enteringNew, enteringRouted, withPeople } from "./enter-state.ts";

type Outcome = Result<Transition, CaseRefusal>;

export function applyRouted(
  record: CaseRecord,
  event: Extract<CaseEvent, { kind: "routed" }>,
  context: CaseContext,
): Outcome {
  const refusal = checkState(record, event.kind, ["new"]);
  if (refusal !== undefined) return err(refusal);
  const { route } = event;
  const { now } = context;
  const draft = startDraft(record, context);
  if (route.kind === "triage") {
    const step = { kind: "triage", room: route.room } as const;
    moveTo(draft, enteringRouted(record, [], now, { position: route.position, step }));
    emit(draft, { kind: "post-to-triage", room: route.room, why: "unrouted", passed: route.passed });
  } else {
    if (excludedExperts(record).includes(route.expert))
      return err({ kind: "excluded-expert", expert: route.expert });
    moveTo(
      draft,
      enteringRouted(record, [route.expert], now, { position: route.position, step: route.step }),
    );
    emit(
      draft,
      { kind: "store-cursor", cursor: route.cursor },
      { kind: "invite-expert", expert: route.expert },
      { kind: "notify-experts", notice: "offered", experts: [route.expert] },
    );
  }
  schedule(draft, "accept-sla", now + slaOf(draft).acceptWithin);
  return ok(finish(draft, event.kind, "router"));
}

/**
 * Steering, or an assigned expert handing the case on. The experts who had it leave and are
 * not offered it again by routing; naming a person offers it to them directly (steering's
 * choice overrides their earlier decline), naming a pool routes again within that pool.
 */
export function applyReassign(
  record: CaseRecord,
  event: Extract<CaseEvent, { kind: "reassign" }>,
  context: CaseContext,
): Outcome {
  const { actor, target } = event;
  const refusal =
    checkActor(event.kind, actor, ["expert", "steering"]) ??
    checkState(record, event.kind, ["new", "routed", "accepted"]) ??
    checkAssigned(record, event.kind, actor);
  if (refusal !== undefined) return err(refusal);
  if (target.kind === "expert" && record.experts.includes(target.person))
    return err({ kind: "already-assigned", expert: target.person });

  const draft = startDraft(record, context);
  const released = { ...record, tried: withPeople(record.tried, record.experts) };
  if (target.kind === "expert") {
    moveTo(draft, enteringRouted(released, [target.person], context.now));
    emit(draft, ...letExpertsGo(record.experts, "reassigned"));
    emit(
      draft,
      { kind: "invite-expert", expert: target.person },
      { kind: "notify-experts", notice: "offered", experts: [target.person] },
    );
    schedule(draft, "accept-sla", context.now + slaOf(draft).acceptWithin);
  } else {
    moveTo(draft, enteringNew(released, target));
    emit(draft, ...letExpertsGo(record.experts, "reassigned"));
    emit(draft, { kind: "route", target, exclude: excludedExperts(draft.record) });
  }
  return ok(finish(draft, event.kind, actor.kind));
}
