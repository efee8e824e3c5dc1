import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CaseRecord,
  type TimerExpectation,
  MAX_HISTORY,
  applyCaseEvent,
  timerJobId,
} from "../../../../../bots/route/case/index.ts";
import { T0, context, freshCase } from "./case-fixtures.ts";
import { SUMMARY, eventFor, steps } from "./random-case-events.ts";

function checkRecord(record: CaseRecord): void {
  const kinds = record.timers.map((timer) => timer.kind);
  for (const timer of record.timers)
    expect([timer.state, timer.position]).toEqual([record.state, record.position]);
  expect(record.state === "new").toBe(record.pendingRoute !== undefined);
  switch (record.state) {
    case "new":
      expect([record.experts, kinds]).toEqual([[], []]);
      break;
    case "routed":
      expect(record.experts.length > 0 || record.step?.kind === "triage").toBe(true);
      expect([record.acceptedBy, kinds]).toEqual([undefined, ["accept-sla"]]);
      break;
    case "accepted":
      expect(record.experts).toContain(record.acceptedBy);
      if (record.firstReplyAt === undefined) expect(kinds).toEqual(["reply-sla"]);
      else expect([["idle-nudge"], ["idle-close"]]).toContainEqual(kinds);
      break;
    case "resolved":
    case "closed":
      expect(kinds).toEqual([]);
      if (record.state === "resolved") expect(record.experts).toContain(record.acceptedBy);
      break;
  }
  expect(record.requester === undefined).toBe(record.anonymous && !record.revealed);
  expect(record.history.length).toBeLessThanOrEqual(MAX_HISTORY);
  const text = JSON.stringify(record);
  expect(text).not.toContain(SUMMARY);
  expect(JSON.parse(text)).toEqual(record);
}

const jobOf = (timer: TimerExpectation | CaseRecord["timers"][number], record: CaseRecord) =>
  timerJobId(record.id, timer.kind, timer.generation);

describe("case lifecycle properties", () => {
  it("keeps records valid and timer jobs in step with the record", () => {
    fc.assert(
      fc.property(fc.boolean(), steps, (anonymous, plan) => {
        let record = freshCase(anonymous);
        let now = T0;
        const live = new Set<string>();
        const seen: TimerExpectation[] = [];
        for (const step of plan) {
          now += step.dt;
          const event = eventFor(record, step, seen);
          if (event === undefined) continue;
          const result = applyCaseEvent(record, event, context(now));
          if (!result.ok) continue;
          const { record: next, effects } = result.value;
          const fired = "timer" in event ? jobOf(event.timer, record) : undefined;
          if (fired !== undefined) expect(live.delete(fired), "a fired timer was live, once").toBe(true);
          const cancelled = new Set<string>();
          for (const effect of effects) {
            if (effect.kind === "schedule-timer") {
              expect(live.has(effect.jobId)).toBe(false);
              live.add(effect.jobId);
              seen.push(effect.payload);
            } else if (effect.kind === "cancel-timer") {
              expect(live.delete(effect.jobId), "only live timers are cancelled").toBe(true);
              cancelled.add(effect.jobId);
            } else if (effect.kind === "kick-expert") expect(record.experts).toContain(effect.expert);
            else if (effect.kind === "invite-expert") expect(next.experts).toContain(effect.expert);
          }
          if (next.state !== record.state || next.position !== record.position) {
            const left = record.timers.map((timer) => jobOf(timer, record)).filter((job) => job !== fired);
            for (const job of left) expect(cancelled).toContain(job);
          }
          expect(new Set(next.timers.map((timer) => jobOf(timer, next)))).toEqual(live);
          checkRecord(next);
          record = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});
