/**
 * A practice-request case as the router keeps it: the content of the `org.meridian.case`
 * state event of the case room. Room state is not end-to-end encrypted, and experts in the
 * room can read all of it, so the record holds ids, states, times and config ids only:
 * never the text of the request or of any message, and never the user id of an anonymous
 * requester who has not revealed themselves (the bot keeps that link elsewhere).
 */
import type { Urgency } from "../../../config/network-config.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { PracticeRequest, RoutingStep } from "../routing/index.ts";
import { type CaseId, caseHandle } from "./case-id.ts";

export const CASE_STATE_EVENT = "org.meridian.case";

/** `new` also means "waiting to be routed again" (after a decline, a lapse or a reassign). */
export type CaseState = "new" | "routed" | "accepted" | "resolved" | "closed";

/** Routing's view of the request: config ids and codes, never the requester's words. */
export interface CaseProfile {
  readonly topic: string;
  readonly language: string;
  readonly region: string;
  readonly urgency: Urgency;
}

/** Where the next routing goes: on down the chain, or into a pool steering named. */
export type RouteTarget =
  { readonly kind: "chain"; readonly from: number } | { readonly kind: "pool"; readonly pool: string };

export type TimerKind = "accept-sla" | "reply-sla" | "idle-nudge" | "idle-close";

/**
 * A delayed job the case is waiting for. `state` and `position` are the case's when it was
 * set: a job that fires after the case moved on no longer matches and is ignored.
 */
export interface PendingTimer {
  readonly kind: TimerKind;
  /** Unique within the case; part of the job id, so every scheduling is a distinct job. */
  readonly generation: number;
  /** Epoch ms. */
  readonly due: number;
  readonly state: CaseState;
  readonly position: number;
}

export type ActorKind = "expert" | "requester" | "steering" | "router" | "timer";

export interface CaseTransition {
  /** Epoch ms. */
  readonly at: number;
  /** The event's kind, e.g. "accept" or "slaAcceptLapsed". */
  readonly event: string;
  readonly actor: ActorKind;
  readonly from: CaseState;
  readonly to: CaseState;
}

export interface CaseRecord {
  readonly version: 1;
  readonly id: CaseId;
  readonly state: CaseState;
  readonly profile: CaseProfile;
  readonly anonymous: boolean;
  readonly revealed: boolean;
  /** `Requester XXXX`, what experts see instead of an anonymous requester's name. */
  readonly handle: string;
  /** Present for a named requester, and for an anonymous one once revealed. */
  readonly requester?: UserId;
  /** Chain position of the step last routed to (0 before the first routing). */
  readonly position: number;
  /** The step at `position`, once routed: to notice a config reload that moved the chain. */
  readonly step?: RoutingStep;
  /** Present exactly in state `new`. */
  readonly pendingRoute?: RouteTarget;
  /** Person ids of the experts in the case room. */
  readonly experts: readonly string[];
  /** The expert who accepted: set in `accepted` and `resolved`, kept through a close for a reopen. */
  readonly acceptedBy?: string;
  /** Person ids; excluded from routing this case again. */
  readonly declined: readonly string[];
  /** Person ids who let an SLA lapse or were reassigned away; excluded too. */
  readonly tried: readonly string[];
  /** When the current experts were offered the case: both SLAs count from here. */
  readonly offeredAt?: number;
  readonly firstReplyAt?: number;
  /** Last message either way once the conversation started: idle timers count from here. */
  readonly lastActivityAt?: number;
  readonly timers: readonly PendingTimer[];
  /** The generation the next timer gets. */
  readonly nextGeneration: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Oldest first, at most `MAX_HISTORY` entries (a state event is capped at 64 KiB). */
  readonly history: readonly CaseTransition[];
}

export const MAX_HISTORY = 200;

export type NewCaseInput = {
  readonly id: CaseId;
  readonly profile: CaseProfile;
  readonly now: number;
} & ({ readonly anonymous: true } | { readonly anonymous: false; readonly requester: UserId });

/** A case that has not been routed yet: routing starts at the first step of the chain. */
export function newCase(input: NewCaseInput): CaseRecord {
  return {
    version: 1,
    id: input.id,
    state: "new",
    profile: input.profile,
    anonymous: input.anonymous,
    revealed: false,
    handle: caseHandle(input.id),
    ...(input.anonymous ? {} : { requester: input.requester }),
    position: 0,
    pendingRoute: { kind: "chain", from: 0 },
    experts: [],
    declined: [],
    tried: [],
    timers: [],
    nextGeneration: 1,
    createdAt: input.now,
    updatedAt: input.now,
    history: [],
  };
}

/** Who routing must not offer this case to again. */
export function excludedExperts(record: CaseRecord): readonly string[] {
  return [...new Set([...record.declined, ...record.tried])];
}

/**
 * The request to route. `requesterPerson` is the requester's config person id when they
 * are one; for an anonymous requester only the bot's private mapping knows it, and routing
 * needs it so the requester is never offered their own request.
 */
export function practiceRequestOf(record: CaseRecord, requesterPerson?: string): PracticeRequest {
  return { ...record.profile, ...(requesterPerson === undefined ? {} : { requester: requesterPerson }) };
}
