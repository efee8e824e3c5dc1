/**
 * Reading a case record back from its room (a hand-edited state event must be refused, not
 * trusted) and the content-free summary the statistics are built from.
 */
import { describe, expect, it } from "vitest";
import { parseCaseRecord } from "../../../../../bots/route/service/case-records.ts";
import { summariseCase } from "../../../../../bots/route/service/case-summary.ts";
import { HOUR, T0, acceptedCase, apply, expert, freshCase, route, timerOf } from "../case/case-fixtures.ts";

describe("parseCaseRecord", () => {
  it("takes back a record as the router writes it, anonymous or not", () => {
    for (const record of [freshCase(false), freshCase(true), acceptedCase(true)])
      expect(parseCaseRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it("refuses content that is not a record of this router", () => {
    const record = JSON.parse(JSON.stringify(freshCase())) as Record<string, unknown>;
    const broken: unknown[] = [
      undefined,
      null,
      "a string",
      { ...record, version: 2 },
      { ...record, id: "not-an-id" },
      { ...record, state: "lost" },
      { ...record, profile: { topic: "x" } },
      { ...record, profile: null },
      { ...record, experts: "dawit-bekele" },
      { ...record, timers: undefined },
      { ...record, createdAt: "yesterday" },
    ];
    for (const content of broken) expect(parseCaseRecord(content)).toBeUndefined();
  });
});

describe("summariseCase", () => {
  it("keeps config ids, state, urgency and times, and nothing that names anyone", () => {
    const summary = summariseCase(freshCase(false));
    expect(summary).toEqual({
      topic: freshCase().profile.topic,
      region: freshCase().profile.region,
      language: freshCase().profile.language,
      state: "new",
      urgency: freshCase().profile.urgency,
      createdAt: T0,
      acceptedAt: undefined,
      resolvedAt: undefined,
      escalations: 0,
    });
    expect(JSON.stringify(summary)).not.toMatch(/@|requester|handle/i);
  });

  it("dates acceptance and resolution from the history, and counts escalations", () => {
    const routed = route(freshCase(), T0).record;
    const lapsed = apply(
      routed,
      { kind: "slaAcceptLapsed", timer: timerOf(routed, "accept-sla") },
      T0 + 9 * HOUR,
    ).record;
    const rerouted = route(lapsed, T0 + 9 * HOUR).record;
    const accepting = rerouted.experts[0] ?? "";
    const accepted = apply(rerouted, { kind: "accept", actor: expert(accepting) }, T0 + 10 * HOUR).record;
    const resolved = apply(accepted, { kind: "resolve", actor: expert(accepting) }, T0 + 12 * HOUR).record;
    const summary = summariseCase(resolved);
    expect(summary.escalations).toBe(1);
    expect(summary.acceptedAt).toBe(T0 + 10 * HOUR);
    expect(summary.resolvedAt).toBe(T0 + 12 * HOUR);
    expect(summary.state).toBe("resolved");
  });
});
