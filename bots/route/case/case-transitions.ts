/**
 * The lifecycle of a practice-request case as one pure function: given the record and what
 * happened, the next record and what the Matrix-facing layer must do, or why not. Keeping
 * it pure means the rules (who may do what, which timers run in which state) are tested
 * without Matrix or Redis, and a replayed event can be checked against the stored record.
 *
 * States: new (waiting for a route) → routed (offered) → accepted → resolved → closed, with
 * reopen from resolved or closed. Every change of state cancels the timers of the state
 * left; every timer records what it expects, so one firing late is refused as stale.
 */
import type { Result } from "../../../lib/result.ts";
import type { CaseEvent, CaseRefusal } from "./case-events.ts";
import type { CaseContext, Transition } from "./case-draft.ts";
import type { CaseRecord } from "./case-model.ts";
import {
  applyAccept,
  applyDecline,
  applyExpertReplied,
  applyNote,
  applyResolve,
} from "./expert-transitions.ts";
import { applyClose, applyReopen, applyRequesterMessage, applyReveal } from "./requester-transitions.ts";
import { applyReassign, applyRouted } from "./routing-transitions.ts";
import { applyTimer } from "./timer-transitions.ts";

/**
 * Applies `event` to `record` at `context.now`. A refusal is an expected outcome (a wrong
 * command, a stale timer) to tell the person or to ignore; the record is then unchanged.
 * The effects are to be carried out in order, after the new record is stored.
 */
export function applyCaseEvent(
  record: CaseRecord,
  event: CaseEvent,
  context: CaseContext,
): Result<Transition, CaseRefusal> {
  switch (event.kind) {
    case "routed":
      return applyRouted(record, event, context);
    case "accept":
      return applyAccept(record, event, context);
    case "decline":
      return applyDecline(record, event, context);
    case "note":
      return applyNote(record, event);
    case "resolve":
      return applyResolve(record, event, context);
    case "reassign":
      return applyReassign(record, event, context);
    case "close":
      return applyClose(record, event, context);
    case "reopen":
      return applyReopen(record, event, context);
    case "reveal":
      return applyReveal(record, event, context);
    case "expertReplied":
      return applyExpertReplied(record, event, context);
    case "requesterMessage":
      return applyRequesterMessage(record, context);
    case "slaAcceptLapsed":
    case "slaReplyLapsed":
    case "idleNudge":
    case "idleAutoClose":
      return applyTimer(record, event, context);
  }
}
