/**
 * Who may do what, and when. Each check returns the refusal or undefined, so a transition
 * chains them with `??` and the first failing rule names the reason: first the kind of
 * actor (a requester can never accept), then the state (nobody accepts a closed case), then
 * the assignment (only the experts of this case act on it).
 */
import type { Actor, CaseEventKind, CaseRefusal } from "./case-events.ts";
import type { CaseRecord, CaseState } from "./case-model.ts";

export const OPEN_STATES: readonly CaseState[] = ["new", "routed", "accepted", "resolved"];

export function checkActor(
  event: CaseEventKind,
  actor: Actor,
  allowed: readonly Actor["kind"][],
): CaseRefusal | undefined {
  return allowed.includes(actor.kind)
    ? undefined
    : { kind: "wrong-actor", event, actor: actor.kind, allowed };
}

export function checkState(
  record: CaseRecord,
  event: CaseEventKind,
  allowed: readonly CaseState[],
): CaseRefusal | undefined {
  return allowed.includes(record.state)
    ? undefined
    : { kind: "wrong-state", event, state: record.state, allowed };
}

/** An expert actor must be assigned to the case; other actors pass. */
export function checkAssigned(
  record: CaseRecord,
  event: CaseEventKind,
  actor: Actor,
): CaseRefusal | undefined {
  return actor.kind !== "expert" || record.experts.includes(actor.person)
    ? undefined
    : { kind: "not-assigned", event, expert: actor.person };
}

/** The person id of an expert actor (the checks above have run). */
export function personOf(actor: Actor): string {
  return actor.kind === "requester" ? "" : actor.person;
}
