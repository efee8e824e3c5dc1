/** The pure lifecycle of a practice-request case: record, events, transitions, timers. */
export { type CaseId, caseHandle, newCaseId, parseCaseId } from "./case-id.ts";
export {
  type ActorKind,
  type CaseProfile,
  type CaseRecord,
  type CaseState,
  type CaseTransition,
  type NewCaseInput,
  type PendingTimer,
  type RouteTarget,
  type TimerKind,
  CASE_STATE_EVENT,
  MAX_HISTORY,
  excludedExperts,
  newCase,
  practiceRequestOf,
} from "./case-model.ts";
export type { Actor, CaseEvent, CaseEventKind, CaseRefusal, ReassignTarget } from "./case-events.ts";
export type { CaseEffect, ExpertNotice, RequesterNotice } from "./case-effects.ts";
export type { CaseContext, Transition } from "./case-draft.ts";
export { applyCaseEvent } from "./case-transitions.ts";
export { timerEvent } from "./timer-transitions.ts";
export {
  type TimerExpectation,
  caseJobPrefix,
  expectationOf,
  isCurrentTimer,
  restoreTimers,
  timerJobId,
} from "./timer-ids.ts";
