/**
 * What can happen to a case: people's commands and messages, routing results and timers
 * firing. Events carry who acted as the Matrix-facing layer classified them; whether that
 * actor may do this is decided by `applyCaseEvent`, so the rules live in one place.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { Route } from "../routing/index.ts";
import type { CaseState } from "./case-model.ts";
import type { TimerExpectation } from "./timer-ids.ts";

/**
 * An expert is named by person id. The requester is not: an anonymous requester has no
 * identity the case may hold, and the layer knows who the requester is from its own mapping.
 */
export type Actor =
  | { readonly kind: "expert"; readonly person: string }
  | { readonly kind: "requester" }
  | { readonly kind: "steering"; readonly person: string };

export type ReassignTarget =
  { readonly kind: "pool"; readonly pool: string } | { readonly kind: "expert"; readonly person: string };

export type CaseEvent =
  | { readonly kind: "routed"; readonly route: Route }
  | { readonly kind: "accept"; readonly actor: Actor }
  | { readonly kind: "decline"; readonly actor: Actor }
  | { readonly kind: "note"; readonly actor: Actor }
  /** `summary` is passed on to the requester and never stored. */
  | { readonly kind: "resolve"; readonly actor: Actor; readonly summary?: string }
  | { readonly kind: "reassign"; readonly actor: Actor; readonly target: ReassignTarget }
  | { readonly kind: "close"; readonly actor: Actor }
  | { readonly kind: "reopen"; readonly actor: Actor }
  /** `user` is the requester's own id, which only they (through the bot) can give. */
  | { readonly kind: "reveal"; readonly actor: Actor; readonly user: UserId }
  | { readonly kind: "expertReplied"; readonly actor: Actor }
  | { readonly kind: "requesterMessage" }
  | { readonly kind: "slaAcceptLapsed"; readonly timer: TimerExpectation }
  | { readonly kind: "slaReplyLapsed"; readonly timer: TimerExpectation }
  | { readonly kind: "idleNudge"; readonly timer: TimerExpectation }
  | { readonly kind: "idleAutoClose"; readonly timer: TimerExpectation };

export type CaseEventKind = CaseEvent["kind"];

/** Why an event was refused; the layer words it for the person (or ignores a stale timer). */
export type CaseRefusal =
  | {
      readonly kind: "wrong-state";
      readonly event: CaseEventKind;
      readonly state: CaseState;
      readonly allowed: readonly CaseState[];
    }
  | {
      readonly kind: "wrong-actor";
      readonly event: CaseEventKind;
      readonly actor: Actor["kind"];
      readonly allowed: readonly Actor["kind"][];
    }
  /** An expert acting on a case they are not (or no longer) assigned to. */
  | { readonly kind: "not-assigned"; readonly event: CaseEventKind; readonly expert: string }
  | { readonly kind: "not-anonymous" }
  | { readonly kind: "already-revealed" }
  /** Reassigning to an expert who already has the case. */
  | { readonly kind: "already-assigned"; readonly expert: string }
  /** A route offering the case to someone who declined it or let it lapse: a caller bug. */
  | { readonly kind: "excluded-expert"; readonly expert: string }
  /** A timer that no longer matches the case; expected after any change, to be ignored. */
  | { readonly kind: "stale-timer"; readonly timer: TimerExpectation };
