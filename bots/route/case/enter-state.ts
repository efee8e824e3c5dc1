/**
 * The record's shape on entering each state. Fields that only make sense in some states
 * (a pending route, an accepting expert, SLA clocks) are dropped on the way out here, in
 * one place, so no transition leaves a stale one behind.
 */
import type { RoutingStep } from "../routing/index.ts";
import type { CaseRecord, RouteTarget } from "./case-model.ts";

type Clearable = "pendingRoute" | "acceptedBy" | "offeredAt" | "firstReplyAt" | "lastActivityAt";

function without(record: CaseRecord, keys: readonly Clearable[]): Omit<CaseRecord, Clearable> {
  const copy: Partial<Record<Clearable, unknown>> & Omit<CaseRecord, Clearable> = { ...record };
  // Spelled out: deleting by a computed key would hide which fields can go.
  if (keys.includes("pendingRoute")) delete copy.pendingRoute;
  if (keys.includes("acceptedBy")) delete copy.acceptedBy;
  if (keys.includes("offeredAt")) delete copy.offeredAt;
  if (keys.includes("firstReplyAt")) delete copy.firstReplyAt;
  if (keys.includes("lastActivityAt")) delete copy.lastActivityAt;
  return copy;
}

/** Waiting for a route; nobody is assigned (the caller has let the experts go). */
export function enteringNew(record: CaseRecord, target: RouteTarget): CaseRecord {
  const base = without(record, ["acceptedBy", "offeredAt", "firstReplyAt", "lastActivityAt"]);
  return { ...base, state: "new", experts: [], pendingRoute: target };
}

/**
 * Offered to `experts` (none: with the triage room) as of `now`. `at` is the chain position
 * and its step when routing chose them; a reassignment by hand keeps the old ones, so an
 * escalation goes on from where the case was.
 */
export function enteringRouted(
  record: CaseRecord,
  experts: readonly string[],
  now: number,
  at?: { readonly position: number; readonly step: RoutingStep },
): CaseRecord {
  const base = without(record, ["pendingRoute", "acceptedBy", "firstReplyAt", "lastActivityAt"]);
  return { ...base, ...at, state: "routed", experts, offeredAt: now };
}

/** Accepted by `expert`; the SLA clock keeps running from the offer. */
export function enteringAccepted(record: CaseRecord, expert: string): CaseRecord {
  const base = without(record, ["pendingRoute", "firstReplyAt", "lastActivityAt"]);
  return { ...base, state: "accepted", acceptedBy: expert };
}

/** Resolved or closed. Experts and the accepting expert stay, for a reopen to return to. */
export function enteringEnd(record: CaseRecord, state: "resolved" | "closed"): CaseRecord {
  return { ...without(record, ["pendingRoute"]), state };
}

/** `list` with `more` added, each person once. */
export function withPeople(list: readonly string[], more: readonly string[]): readonly string[] {
  return [...new Set([...list, ...more])];
}
