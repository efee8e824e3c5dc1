/**
 * What the Matrix-facing layer must do after a transition, as data: the transition stays
 * pure and testable, and the layer carries the effects out in order (notify before kick, so
 * an expert sees why they leave). Effects are acted on at once and never stored, which is
 * why a resolve summary may travel in one while the record may not hold it.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { Cursor, PassedStep } from "../routing/index.ts";
import type { RouteTarget, TimerKind } from "./case-model.ts";
import type { TimerExpectation } from "./timer-ids.ts";

/** What the requester is told (in the case room, or by relay when anonymous). */
export type RequesterNotice =
  "accepted" | "escalated" | "resolved" | "closed-by-steering" | "idle-nudge" | "auto-closed";

/** What experts in the case room are told. */
export type ExpertNotice =
  | "offered"
  | "lapsed"
  | "reassigned-away"
  | "closed"
  | "reopened"
  | "revealed"
  | "idle-nudge"
  | "auto-closed";

export type CaseEffect =
  | { readonly kind: "invite-expert"; readonly expert: string }
  | {
      readonly kind: "kick-expert";
      readonly expert: string;
      readonly why: "declined" | "lapsed" | "reassigned";
    }
  /** After a reveal: the requester joins the case room under their own name. */
  | { readonly kind: "invite-requester"; readonly user: UserId }
  | { readonly kind: "notify-requester"; readonly notice: RequesterNotice; readonly summary?: string }
  | { readonly kind: "notify-experts"; readonly notice: ExpertNotice; readonly experts: readonly string[] }
  /** Relay the message that caused the event, under the case handle. */
  | { readonly kind: "relay"; readonly to: "requester" | "case-room" }
  | {
      readonly kind: "post-to-triage";
      /** The triage room's config id. */
      readonly room: string;
      readonly why: "unrouted" | "overdue" | "reopened";
      readonly passed: readonly PassedStep[];
    }
  /** Route again and feed the result back as a `routed` event. */
  | { readonly kind: "route"; readonly target: RouteTarget; readonly exclude: readonly string[] }
  /** Keep the routing step's round-robin cursor, now that the offer stands. */
  | { readonly kind: "store-cursor"; readonly cursor: Cursor }
  | {
      readonly kind: "schedule-timer";
      readonly jobId: string;
      /** Epoch ms. */
      readonly due: number;
      /** The job's payload: ids and small numbers only. */
      readonly payload: TimerExpectation;
    }
  | { readonly kind: "cancel-timer"; readonly jobId: string; readonly timer: TimerKind }
  /** The explicit, audited record that an anonymous requester chose to be known. */
  | { readonly kind: "log-reveal"; readonly user: UserId; readonly at: number };

/**
 * Experts leaving the case room: told why first (while they can still read the room), then
 * removed. A decline needs no notice: the expert chose it.
 */
export function letExpertsGo(
  experts: readonly string[],
  why: "declined" | "lapsed" | "reassigned",
): readonly CaseEffect[] {
  if (experts.length === 0) return [];
  const kicks = experts.map((expert): CaseEffect => ({ kind: "kick-expert", expert, why }));
  if (why === "declined") return kicks;
  const notice: ExpertNotice = why === "lapsed" ? "lapsed" : "reassigned-away";
  return [{ kind: "notify-experts", notice, experts }, ...kicks];
}
