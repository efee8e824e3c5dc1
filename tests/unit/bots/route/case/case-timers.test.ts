import { describe, expect, it } from "vitest";
import {
  caseJobPrefix,
  restoreTimers,
  timerEvent,
  timerJobId,
} from "../../../../../bots/route/case/index.ts";
import {
  DAY,
  HOUR,
  T0,
  acceptedCase,
  apply,
  caseId,
  effectsOf,
  expert,
  freshCase,
  refusal,
  requester,
  route,
  timerOf,
} from "./case-fixtures.ts";

describe("case timers", () => {
  it("escalates once to the next chain position when acceptance lapses, and tells the requester", () => {
    const routed = route(freshCase(), T0).record;
    const timer = timerOf(routed, "accept-sla");
    const lapsed = apply(routed, timerEvent(timer), T0 + 8 * HOUR);
    expect(lapsed.record).toMatchObject({
      state: "new",
      experts: [],
      tried: ["jonas-weber"],
      pendingRoute: { kind: "chain", from: 1 },
      timers: [],
    });
    expect(lapsed.effects).toEqual([
      { kind: "notify-experts", notice: "lapsed", experts: ["jonas-weber"] },
      { kind: "kick-expert", expert: "jonas-weber", why: "lapsed" },
      { kind: "notify-requester", notice: "escalated" },
      { kind: "route", target: { kind: "chain", from: 1 }, exclude: ["jonas-weber"] },
    ]);
    // A twin job (a retry, a restart) finds the case moved on.
    expect(refusal(lapsed.record, timerEvent(timer), T0 + 8 * HOUR)).toEqual({ kind: "stale-timer", timer });

    const next = route(lapsed.record, T0 + 8 * HOUR);
    expect(next.record.position).toBeGreaterThanOrEqual(1);
    expect(next.record.experts).not.toContain("jonas-weber");
  });

  it("escalates when the first reply lapses after acceptance", () => {
    const accepted = acceptedCase();
    const lapsed = apply(accepted, timerEvent(timerOf(accepted, "reply-sla")), T0 + DAY);
    expect(lapsed.record).toMatchObject({ state: "new", pendingRoute: { kind: "chain", from: 1 } });
    expect(lapsed.record.acceptedBy).toBeUndefined();
    expect(effectsOf(lapsed, "notify-requester")).toEqual([
      { kind: "notify-requester", notice: "escalated" },
    ]);
  });

  it("ignores a lapse that fires after the case moved on", () => {
    const routed = route(freshCase(), T0).record;
    const timer = timerOf(routed, "accept-sla");
    const accepted = apply(routed, { kind: "accept", actor: expert("jonas-weber") }, T0 + HOUR).record;
    expect(refusal(accepted, timerEvent(timer), T0 + 8 * HOUR)).toEqual({ kind: "stale-timer", timer });
    // Same generation but a different expectation (a record restored from older state).
    const moved = { ...timer, state: "accepted", position: 0 } as const;
    expect(refusal(accepted, timerEvent(moved)).kind).toBe("stale-timer");
    // A payload under the wrong event.
    const reply = timerOf(accepted, "reply-sla");
    expect(refusal(accepted, { kind: "idleNudge", timer: reply }).kind).toBe("stale-timer");
  });

  it("raises an overdue triage case with steering again instead of escalating", () => {
    const triage = { kind: "triage", room: "steering", position: 3, passed: [] } as const;
    const routed = apply(freshCase(), { kind: "routed", route: triage }, T0);
    expect(routed.effects[0]).toEqual({
      kind: "post-to-triage",
      room: "steering",
      why: "unrouted",
      passed: [],
    });
    const overdue = apply(routed.record, timerEvent(timerOf(routed.record, "accept-sla")), T0 + 8 * HOUR);
    expect(overdue.record).toMatchObject({ state: "routed", position: 3, experts: [] });
    expect(overdue.effects.map((effect) => effect.kind)).toEqual(["post-to-triage", "schedule-timer"]);
    expect(effectsOf(overdue, "schedule-timer")[0]?.due).toBe(T0 + 16 * HOUR);
  });

  it("nudges an idle case, then closes it after the configured days", () => {
    const accepted = acceptedCase();
    const replied = apply(accepted, { kind: "expertReplied", actor: expert("jonas-weber") }, T0 + 2 * HOUR);
    const later = T0 + DAY;
    const message = apply(replied.record, { kind: "requesterMessage" }, later);
    expect(effectsOf(message, "cancel-timer").map((effect) => effect.timer)).toEqual(["idle-nudge"]);
    expect(effectsOf(message, "schedule-timer").map((effect) => effect.due)).toEqual([later + 3 * DAY]);

    const nudged = apply(message.record, timerEvent(timerOf(message.record, "idle-nudge")), later + 3 * DAY);
    expect(nudged.record.state).toBe("accepted");
    expect(nudged.effects).toEqual([
      { kind: "notify-requester", notice: "idle-nudge" },
      { kind: "notify-experts", notice: "idle-nudge", experts: ["jonas-weber"] },
      expect.objectContaining({ kind: "schedule-timer", due: later + 7 * DAY }),
    ]);
    expect(nudged.record.timers.map((timer) => timer.kind)).toEqual(["idle-close"]);

    const closed = apply(nudged.record, timerEvent(timerOf(nudged.record, "idle-close")), later + 7 * DAY);
    expect(closed.record).toMatchObject({ state: "closed", timers: [] });
    expect(closed.effects).toEqual([
      { kind: "notify-requester", notice: "auto-closed" },
      { kind: "notify-experts", notice: "auto-closed", experts: ["jonas-weber"] },
    ]);
    expect(closed.record.history.at(-1)).toMatchObject({
      event: "idleAutoClose",
      actor: "timer",
      to: "closed",
    });
  });

  it("keeps the idle clock still until the first reply", () => {
    const message = apply(acceptedCase(), { kind: "requesterMessage" }, T0 + 2 * HOUR);
    expect(message.effects).toEqual([]);
    expect(message.record.timers.map((timer) => timer.kind)).toEqual(["reply-sla"]);
  });

  it("names jobs by case, kind and generation, and restores them unchanged after a restart", () => {
    expect(timerJobId(caseId, "idle-nudge", 12)).toBe("case-rk7m2pq-idle-nudge-g12");
    expect(timerJobId(caseId, "accept-sla", 1).startsWith(caseJobPrefix(caseId))).toBe(true);
    const routed = route(freshCase(), T0);
    expect(restoreTimers(routed.record)).toEqual(effectsOf(routed, "schedule-timer"));
    const closed = apply(routed.record, { kind: "close", actor: requester }, T0 + HOUR);
    expect(restoreTimers(closed.record)).toEqual([]);
  });
});
