import { describe, expect, it } from "vitest";
import { timerJobId } from "../../../../../bots/route/case/index.ts";
import {
  DAY,
  HOUR,
  T0,
  acceptedCase,
  apply,
  effectsOf,
  expert,
  freshCase,
  requester,
  route,
} from "./case-fixtures.ts";

describe("a case's lifecycle", () => {
  it("goes new → routed → accepted → resolved → closed with the timers of each state", () => {
    const fresh = freshCase();
    expect(fresh).toMatchObject({ state: "new", pendingRoute: { kind: "chain", from: 0 }, experts: [] });

    const routed = route(fresh, T0);
    expect(routed.record).toMatchObject({
      state: "routed",
      experts: ["jonas-weber"],
      position: 0,
      offeredAt: T0,
    });
    expect(routed.record.pendingRoute).toBeUndefined();
    expect(routed.effects).toEqual([
      { kind: "store-cursor", cursor: { key: "online-recruitment", expert: "jonas-weber" } },
      { kind: "invite-expert", expert: "jonas-weber" },
      { kind: "notify-experts", notice: "offered", experts: ["jonas-weber"] },
      {
        kind: "schedule-timer",
        jobId: timerJobId(fresh.id, "accept-sla", 1),
        due: T0 + 8 * HOUR,
        payload: { caseId: fresh.id, kind: "accept-sla", generation: 1, state: "routed", position: 0 },
      },
    ]);

    const accepted = apply(routed.record, { kind: "accept", actor: expert("jonas-weber") }, T0 + HOUR);
    expect(accepted.record).toMatchObject({ state: "accepted", acceptedBy: "jonas-weber" });
    expect(effectsOf(accepted, "cancel-timer")).toEqual([
      { kind: "cancel-timer", jobId: timerJobId(fresh.id, "accept-sla", 1), timer: "accept-sla" },
    ]);
    // The first reply counts from the offer, like acceptance: normal urgency gives a day.
    expect(effectsOf(accepted, "schedule-timer").map((effect) => [effect.payload.kind, effect.due])).toEqual([
      ["reply-sla", T0 + DAY],
    ]);
    expect(effectsOf(accepted, "notify-requester")).toEqual([
      { kind: "notify-requester", notice: "accepted" },
    ]);

    const replied = apply(
      accepted.record,
      { kind: "expertReplied", actor: expert("jonas-weber") },
      T0 + 2 * HOUR,
    );
    expect(replied.record.firstReplyAt).toBe(T0 + 2 * HOUR);
    expect(effectsOf(replied, "cancel-timer").map((effect) => effect.timer)).toEqual(["reply-sla"]);
    expect(effectsOf(replied, "schedule-timer").map((effect) => [effect.payload.kind, effect.due])).toEqual([
      ["idle-nudge", T0 + 2 * HOUR + 3 * DAY],
    ]);
    expect(effectsOf(replied, "relay")).toEqual([]);

    const summary = "Point them to the exit programme in Lyon";
    const resolved = apply(
      replied.record,
      { kind: "resolve", actor: expert("jonas-weber"), summary },
      T0 + 3 * HOUR,
    );
    expect(resolved.record.state).toBe("resolved");
    expect(resolved.record.timers).toEqual([]);
    expect(effectsOf(resolved, "cancel-timer").map((effect) => effect.timer)).toEqual(["idle-nudge"]);
    expect(effectsOf(resolved, "notify-requester")).toEqual([
      { kind: "notify-requester", notice: "resolved", summary },
    ]);
    expect(JSON.stringify(resolved.record)).not.toContain("Lyon");

    const closed = apply(resolved.record, { kind: "close", actor: requester }, T0 + 4 * HOUR);
    expect(closed.record.state).toBe("closed");
    expect(closed.effects).toEqual([{ kind: "notify-experts", notice: "closed", experts: ["jonas-weber"] }]);
    expect(closed.record.history.map((entry) => [entry.event, entry.actor, entry.from, entry.to])).toEqual([
      ["routed", "router", "new", "routed"],
      ["accept", "expert", "routed", "accepted"],
      ["resolve", "expert", "accepted", "resolved"],
      ["close", "requester", "resolved", "closed"],
    ]);
    expect(JSON.parse(JSON.stringify(closed.record))).toEqual(closed.record);
  });

  it("reopens to the expert who accepted, who owes a reply again", () => {
    const resolved = apply(acceptedCase(), { kind: "resolve", actor: expert("jonas-weber") }, T0 + 2 * HOUR);
    const closed = apply(resolved.record, { kind: "close", actor: requester }, T0 + 3 * HOUR).record;
    const reopened = apply(closed, { kind: "reopen", actor: requester }, T0 + 5 * DAY);
    expect(reopened.record).toMatchObject({
      state: "accepted",
      acceptedBy: "jonas-weber",
      offeredAt: T0 + 5 * DAY,
    });
    expect(reopened.record.firstReplyAt).toBeUndefined();
    expect(effectsOf(reopened, "schedule-timer").map((effect) => [effect.payload.kind, effect.due])).toEqual([
      ["reply-sla", T0 + 6 * DAY],
    ]);
    expect(effectsOf(reopened, "notify-experts")).toEqual([
      { kind: "notify-experts", notice: "reopened", experts: ["jonas-weber"] },
    ]);
  });

  it("reopens a case closed before anyone took it by routing it again", () => {
    const closed = apply(freshCase(), { kind: "close", actor: requester }, T0).record;
    const reopened = apply(closed, { kind: "reopen", actor: requester }, T0 + HOUR);
    expect(reopened.record).toMatchObject({ state: "new", pendingRoute: { kind: "chain", from: 0 } });
    expect(effectsOf(reopened, "route")).toEqual([
      { kind: "route", target: { kind: "chain", from: 0 }, exclude: [] },
    ]);
  });
});
