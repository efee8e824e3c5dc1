import { describe, expect, it } from "vitest";
import { timerJobId } from "../../../../../bots/route/case/index.ts";
import {
  HOUR,
  T0,
  acceptedCase,
  apply,
  effectsOf,
  expert,
  freshCase,
  nextRoute,
  refusal,
  route,
  steering,
} from "./case-fixtures.ts";

describe("moving a case between experts", () => {
  it("re-routes a declined case within the same step, without the expert who declined", () => {
    const routed = route(freshCase(), T0).record;
    const declined = apply(routed, { kind: "decline", actor: expert("jonas-weber") }, T0 + HOUR);
    expect(declined.record).toMatchObject({ state: "new", experts: [], declined: ["jonas-weber"] });
    expect(declined.effects).toEqual([
      { kind: "cancel-timer", jobId: timerJobId(routed.id, "accept-sla", 1), timer: "accept-sla" },
      { kind: "kick-expert", expert: "jonas-weber", why: "declined" },
      { kind: "route", target: { kind: "chain", from: 0 }, exclude: ["jonas-weber"] },
    ]);
    const again = route(declined.record, T0 + HOUR);
    expect(again.record).toMatchObject({ state: "routed", experts: ["samira-el-idrissi"], position: 0 });
  });

  it("refuses a route offering the case to someone who declined it", () => {
    const routed = route(freshCase(), T0).record;
    const declined = apply(routed, { kind: "decline", actor: expert("jonas-weber") }, T0 + HOUR).record;
    const stale = nextRoute({ ...declined, declined: [] });
    expect(refusal(declined, { kind: "routed", route: stale })).toEqual({
      kind: "excluded-expert",
      expert: "jonas-weber",
    });
  });

  it("reassigns to a named expert: the current one leaves and the acceptance clock restarts", () => {
    const accepted = acceptedCase();
    const target = { kind: "expert", person: "rania-khoury" } as const;
    const moved = apply(accepted, { kind: "reassign", actor: steering, target }, T0 + 2 * HOUR);
    expect(moved.record).toMatchObject({
      state: "routed",
      experts: ["rania-khoury"],
      tried: ["jonas-weber"],
    });
    expect(moved.record.acceptedBy).toBeUndefined();
    expect(moved.effects.map((effect) => effect.kind)).toEqual([
      "cancel-timer",
      "notify-experts",
      "kick-expert",
      "invite-expert",
      "notify-experts",
      "schedule-timer",
    ]);
    expect(effectsOf(moved, "schedule-timer")[0]?.due).toBe(T0 + 2 * HOUR + 8 * HOUR);
  });

  it("reassigns to a pool by routing again there, without the expert handing it on", () => {
    const routed = route(freshCase(), T0).record;
    const target = { kind: "pool", pool: "cross-regional" } as const;
    const moved = apply(routed, { kind: "reassign", actor: expert("jonas-weber"), target }, T0 + HOUR);
    expect(moved.record).toMatchObject({ state: "new", pendingRoute: target, experts: [] });
    expect(effectsOf(moved, "route")).toEqual([{ kind: "route", target, exclude: ["jonas-weber"] }]);
    expect(moved.record.history.at(-1)).toMatchObject({ event: "reassign", actor: "expert" });
  });
});
