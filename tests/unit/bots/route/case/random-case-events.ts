/**
 * Random plans of case events for property tests: each step names a kind of event, and is
 * turned into a concrete event against the case as it stands then (mostly by the actor the
 * case expects, sometimes by anyone; timers current and stale alike).
 */
import fc from "fast-check";
import { type Route, chooseExpert } from "../../../../../bots/route/routing/index.ts";
import {
  type Actor,
  type CaseEvent,
  type CaseRecord,
  type ReassignTarget,
  type TimerExpectation,
  excludedExperts,
  expectationOf,
  practiceRequestOf,
  timerEvent,
} from "../../../../../bots/route/case/index.ts";
import { DAY, example, expert, nextRoute, requesterUser, steering } from "./case-fixtures.ts";

const EXPERTS = ["jonas-weber", "samira-el-idrissi", "rania-khoury", "dawit-bekele"];
const POOLS = ["cross-regional", "online-recruitment", "youth"];
const KINDS = [
  ...["routed", "accept", "decline", "note", "resolve", "reassign", "close", "reopen"],
  ...["reveal", "expertReplied", "requesterMessage", "timer"],
] as const;
// Weighted so that plans get past routing often: accepted cases, replies and idle timers.
const WEIGHT: Partial<Record<(typeof KINDS)[number], number>> = {
  routed: 4,
  accept: 6,
  expertReplied: 6,
  timer: 3,
  requesterMessage: 2,
};
export const SUMMARY = "SUMMARY-NEVER-STORED";

export interface Step {
  readonly kind: (typeof KINDS)[number];
  readonly who: number;
  readonly pick: number;
  readonly dt: number;
}

export const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.record({
    kind: fc.oneof(...KINDS.map((kind) => ({ arbitrary: fc.constant(kind), weight: WEIGHT[kind] ?? 1 }))),
    who: fc.nat(7),
    pick: fc.nat(40),
    dt: fc.integer({ min: 0, max: 4 * DAY }),
  }),
  { minLength: 10, maxLength: 50 },
);

const REQUESTER_EVENTS: readonly Step["kind"][] = ["close", "reopen", "reveal"];

/** Mostly the actor the event expects (an assigned expert, the requester), sometimes anyone. */
function actorFor(record: CaseRecord, step: Step): Actor {
  const { who, pick } = step;
  if (who === 5) return expert(EXPERTS[pick % EXPERTS.length]!);
  if (who === 6) return steering;
  if (who === 7 || REQUESTER_EVENTS.includes(step.kind)) return { kind: "requester" };
  const assigned = record.experts[pick % Math.max(1, record.experts.length)];
  return assigned === undefined ? steering : expert(assigned);
}

/** What the layer would feed back, sometimes the triage room. */
function routeFor(record: CaseRecord, pick: number): Route {
  const triage = { kind: "triage", room: "steering", position: 3, passed: [] } as const;
  if (pick % 6 === 0) return triage;
  if (record.pendingRoute?.kind !== "pool") return nextRoute(record);
  const step = { kind: "cross-regional-pool", pool: record.pendingRoute.pool } as const;
  const state = { openCases: new Map(), cursors: new Map(), excluded: new Set(excludedExperts(record)) };
  const chosen = chooseExpert(example, step, practiceRequestOf(record), state);
  return chosen.ok
    ? { kind: "expert", ...chosen.value, step, position: record.position, passed: [] }
    : triage;
}

export function eventFor(
  record: CaseRecord,
  step: Step,
  seen: readonly TimerExpectation[],
): CaseEvent | undefined {
  const actor = actorFor(record, step);
  switch (step.kind) {
    case "routed":
      return { kind: "routed", route: routeFor(record, step.pick) };
    case "reassign": {
      const person = EXPERTS[step.pick % EXPERTS.length]!;
      const target: ReassignTarget =
        step.pick % 2 === 0 ? { kind: "expert", person } : { kind: "pool", pool: POOLS[step.pick % 3]! };
      return { kind: "reassign", actor, target };
    }
    case "resolve":
      return { kind: "resolve", actor, summary: SUMMARY };
    case "reveal":
      return { kind: "reveal", actor, user: requesterUser };
    case "requesterMessage":
      return { kind: "requesterMessage" };
    case "timer": {
      // Mostly the timer the case waits for; else any ever set, or one under the wrong event.
      const pending = record.timers[step.pick % Math.max(1, record.timers.length)];
      const timer =
        step.who < 5 && pending !== undefined
          ? expectationOf(record.id, pending)
          : seen[step.pick % Math.max(1, seen.length)];
      if (timer === undefined) return undefined;
      return step.pick % 9 === 0 ? { kind: "idleNudge", timer } : timerEvent(timer);
    }
    case "accept":
    case "decline":
    case "note":
    case "close":
    case "reopen":
    case "expertReplied":
      return { kind: step.kind, actor };
  }
}
