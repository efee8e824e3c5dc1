/**
 * Inputs for case tests: the example network, a case about online recruitment from Europe
 * (chain: the online-recruitment pool, Europe's experts, the cross-regional pool, triage),
 * and helpers that apply events and fail the test on an unexpected outcome.
 */
import { expect } from "vitest";
import { type Route, routeRequest } from "../../../../../bots/route/routing/index.ts";
import {
  type Actor,
  type CaseContext,
  type CaseEffect,
  type CaseEvent,
  type CaseId,
  type CaseProfile,
  type CaseRecord,
  type CaseRefusal,
  type TimerExpectation,
  type TimerKind,
  type Transition,
  applyCaseEvent,
  excludedExperts,
  expectationOf,
  newCase,
  parseCaseId,
  practiceRequestOf,
} from "../../../../../bots/route/case/index.ts";
import { loadExample } from "../../../config/example-config.ts";

export const example = loadExample();
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 2, 2, 9, 0);

export const profile: CaseProfile = {
  topic: "online-recruitment",
  language: "en",
  region: "europe",
  urgency: "normal",
};
const parsed = parseCaseId("rk7m2pq");
if (!parsed.ok) throw new Error(parsed.error);
export const caseId: CaseId = parsed.value;
export const requesterUser = example.people.find((person) => person.id === "layla-haddad")!.userId;

export const expert = (person: string): Actor => ({ kind: "expert", person });
export const requester: Actor = { kind: "requester" };
export const steering: Actor = { kind: "steering", person: "amina-yusuf" };

export function context(now: number): CaseContext {
  return { now, routing: example.routing };
}

export function freshCase(anonymous = false, now = T0): CaseRecord {
  return anonymous
    ? newCase({ id: caseId, profile, now, anonymous: true })
    : newCase({ id: caseId, profile, now, anonymous: false, requester: requesterUser });
}

/** The transition; fails the test on a refusal. */
export function apply(record: CaseRecord, event: CaseEvent, now: number): Transition {
  const result = applyCaseEvent(record, event, context(now));
  if (!result.ok) throw new Error(`refused ${event.kind}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The refusal; fails the test when the event is applied. */
export function refusal(record: CaseRecord, event: CaseEvent, now = T0): CaseRefusal {
  const result = applyCaseEvent(record, event, context(now));
  expect(result.ok, `expected ${event.kind} to be refused in ${record.state}`).toBe(false);
  return result.ok ? { kind: "not-anonymous" } : result.error;
}

/** What routing says for a case waiting in `new`, with its exclusions. */
export function nextRoute(record: CaseRecord): Route {
  const from = record.pendingRoute?.kind === "chain" ? record.pendingRoute.from : 0;
  const excluded = new Set(excludedExperts(record));
  const state = { openCases: new Map<string, number>(), cursors: new Map<string, string>(), excluded };
  return routeRequest(example, practiceRequestOf(record), state, from);
}

/** Routes a `new` case as the layer would. */
export function route(record: CaseRecord, now: number): Transition {
  return apply(record, { kind: "routed", route: nextRoute(record) }, now);
}

/** A case routed at T0 (to jonas-weber) and accepted an hour later. */
export function acceptedCase(anonymous = false): CaseRecord {
  const routed = route(freshCase(anonymous), T0).record;
  return apply(routed, { kind: "accept", actor: expert("jonas-weber") }, T0 + HOUR).record;
}

/** The expectation of the case's pending timer of `kind`; fails the test when there is none. */
export function timerOf(record: CaseRecord, kind: TimerKind): TimerExpectation {
  const timer = record.timers.find((pending) => pending.kind === kind);
  expect(timer, `no pending ${kind} in ${JSON.stringify(record.timers)}`).toBeDefined();
  return expectationOf(record.id, timer!);
}

export function effectsOf<K extends CaseEffect["kind"]>(
  transition: Transition,
  kind: K,
): Extract<CaseEffect, { kind: K }>[] {
  return transition.effects.filter(
    (effect): effect is Extract<CaseEffect, { kind: K }> => effect.kind === kind,
  );
}
