import { describe, expect, it } from "vitest";
import {
  T0,
  HOUR,
  acceptedCase,
  apply,
  effectsOf,
  expert,
  freshCase,
  nextRoute,
  refusal,
  requester,
  requesterUser,
  route,
  steering,
} from "./case-fixtures.ts";

describe("anonymous cases", () => {
  it("relay both ways under the handle and keep the requester out of the record", () => {
    const accepted = acceptedCase(true);
    expect(accepted.requester).toBeUndefined();
    expect(accepted.handle).toMatch(/^Requester [A-Z2-9]{4}$/);
    const fromExpert = apply(
      accepted,
      { kind: "expertReplied", actor: expert("jonas-weber") },
      T0 + 2 * HOUR,
    );
    expect(effectsOf(fromExpert, "relay")).toEqual([{ kind: "relay", to: "requester" }]);
    const fromRequester = apply(fromExpert.record, { kind: "requesterMessage" }, T0 + 3 * HOUR);
    expect(effectsOf(fromRequester, "relay")).toEqual([{ kind: "relay", to: "case-room" }]);
    // A note stays inside the case room.
    expect(apply(accepted, { kind: "note", actor: expert("jonas-weber") }, T0 + 2 * HOUR)).toEqual({
      record: accepted,
      effects: [],
    });
  });

  it("lets the requester reveal themselves, explicitly and once", () => {
    const accepted = acceptedCase(true);
    const reveal = { kind: "reveal", actor: requester, user: requesterUser } as const;
    expect(refusal(accepted, { ...reveal, actor: expert("jonas-weber") })).toEqual({
      kind: "wrong-actor",
      event: "reveal",
      actor: "expert",
      allowed: ["requester"],
    });
    const revealed = apply(accepted, reveal, T0 + 2 * HOUR);
    expect(revealed.record).toMatchObject({ revealed: true, requester: requesterUser, state: "accepted" });
    expect(revealed.record.timers).toEqual(accepted.timers);
    expect(revealed.effects).toEqual([
      { kind: "log-reveal", user: requesterUser, at: T0 + 2 * HOUR },
      { kind: "invite-requester", user: requesterUser },
      { kind: "notify-experts", notice: "revealed", experts: ["jonas-weber"] },
    ]);
    expect(revealed.record.history.at(-1)).toMatchObject({ event: "reveal", actor: "requester" });
    expect(refusal(revealed.record, reveal)).toEqual({ kind: "already-revealed" });
    // In the room now: nothing more is relayed.
    const message = apply(revealed.record, { kind: "requesterMessage" }, T0 + 3 * HOUR);
    expect(effectsOf(message, "relay")).toEqual([]);
  });

  it("refuses a reveal in a named case or a closed one", () => {
    const reveal = { kind: "reveal", actor: requester, user: requesterUser } as const;
    expect(refusal(acceptedCase(false), reveal)).toEqual({ kind: "not-anonymous" });
    const closed = apply(freshCase(true), { kind: "close", actor: requester }, T0).record;
    expect(refusal(closed, reveal)).toMatchObject({ kind: "wrong-state", state: "closed" });
  });
});

describe("refusals", () => {
  const routed = route(freshCase(), T0).record;
  const closed = apply(routed, { kind: "close", actor: steering }, T0 + HOUR).record;

  it("names the state when the event does not fit it", () => {
    expect(refusal(closed, { kind: "accept", actor: expert("jonas-weber") })).toEqual({
      kind: "wrong-state",
      event: "accept",
      state: "closed",
      allowed: ["routed"],
    });
    expect(refusal(routed, { kind: "reopen", actor: requester })).toMatchObject({
      kind: "wrong-state",
      allowed: ["resolved", "closed"],
    });
    expect(refusal(routed, { kind: "resolve", actor: expert("jonas-weber") }).kind).toBe("wrong-state");
    expect(refusal(routed, { kind: "routed", route: nextRoute(routed) }).kind).toBe("wrong-state");
    expect(refusal(routed, { kind: "expertReplied", actor: expert("jonas-weber") }).kind).toBe("wrong-state");
    expect(refusal(closed, { kind: "requesterMessage" }).kind).toBe("wrong-state");
    expect(refusal(closed, { kind: "close", actor: requester }).kind).toBe("wrong-state");
    expect(refusal(acceptedCase(), { kind: "decline", actor: expert("jonas-weber") }).kind).toBe(
      "wrong-state",
    );
  });

  it("names the actor when they may not do this at all", () => {
    expect(refusal(routed, { kind: "accept", actor: requester })).toEqual({
      kind: "wrong-actor",
      event: "accept",
      actor: "requester",
      allowed: ["expert"],
    });
    expect(refusal(routed, { kind: "accept", actor: steering }).kind).toBe("wrong-actor");
    expect(refusal(routed, { kind: "close", actor: expert("jonas-weber") }).kind).toBe("wrong-actor");
    expect(refusal(closed, { kind: "reopen", actor: steering }).kind).toBe("wrong-actor");
    const target = { kind: "pool", pool: "youth" } as const;
    expect(refusal(routed, { kind: "reassign", actor: requester, target }).kind).toBe("wrong-actor");
  });

  it("lets only the assigned experts act on a case", () => {
    expect(refusal(routed, { kind: "accept", actor: expert("samira-el-idrissi") })).toEqual({
      kind: "not-assigned",
      event: "accept",
      expert: "samira-el-idrissi",
    });
    expect(refusal(routed, { kind: "note", actor: expert("samira-el-idrissi") }).kind).toBe("not-assigned");
    const target = { kind: "expert", person: "rania-khoury" } as const;
    expect(refusal(routed, { kind: "reassign", actor: expert("samira-el-idrissi"), target }).kind).toBe(
      "not-assigned",
    );
    expect(
      refusal(routed, { kind: "reassign", actor: steering, target: { ...target, person: "jonas-weber" } }),
    ).toEqual({ kind: "already-assigned", expert: "jonas-weber" });
  });

  it("lets steering close a case, and tells the requester", () => {
    const closing = apply(routed, { kind: "close", actor: steering }, T0 + HOUR);
    expect(effectsOf(closing, "notify-requester")).toEqual([
      { kind: "notify-requester", notice: "closed-by-steering" },
    ]);
    expect(closing.record.history.at(-1)).toMatchObject({ event: "close", actor: "steering" });
  });
});
