import { describe, expect, it } from "vitest";
import { routeRequest } from "../../../../../bots/route/routing/index.ts";
import { example, request, state, withRouting } from "./routing-fixtures.ts";

// Chain: online-recruitment pool, Europe's experts, the cross-regional pool, triage.
const recruitment = request("online-recruitment");
const summary = (route: ReturnType<typeof routeRequest>) =>
  route.kind === "expert"
    ? { who: route.expert, at: route.position, passed: route.passed.map((step) => step.reason) }
    : { who: `triage:${route.room}`, at: route.position, passed: route.passed.map((step) => step.reason) };

describe("routeRequest", () => {
  it("offers a new request to the first step that has someone", () => {
    const route = routeRequest(example, recruitment, state());
    expect(route).toEqual({
      kind: "expert",
      expert: "jonas-weber",
      cursor: { key: "online-recruitment", expert: "jonas-weber" },
      step: { kind: "rule-pool", pool: "online-recruitment", rule: 2 },
      position: 0,
      passed: [],
    });
  });

  it("moves on when everyone in a step declined, and ends in triage", () => {
    const declined = (...people: string[]) =>
      summary(routeRequest(example, recruitment, state({ excluded: people })));
    expect(declined("jonas-weber")).toEqual({ who: "samira-el-idrissi", at: 0, passed: [] });
    expect(declined("jonas-weber", "samira-el-idrissi")).toEqual({
      who: "rania-khoury",
      at: 2,
      passed: ["all-excluded", "all-excluded"],
    });
    expect(declined("jonas-weber", "samira-el-idrissi", "rania-khoury", "dawit-bekele")).toEqual({
      who: "triage:steering",
      at: 3,
      passed: ["all-excluded", "all-excluded", "all-excluded"],
    });
  });

  it("falls back when nobody in a pool speaks the language", () => {
    const amharic = request("youth-engagement", { language: "am", region: "east-africa" });
    const route = routeRequest(example, amharic, state());
    expect(summary(route)).toEqual({ who: "dawit-bekele", at: 2, passed: ["no-language", "no-language"] });
    expect(route.passed.map((passed) => passed.step.kind)).toEqual(["rule-pool", "regional-experts"]);
  });

  it("falls back past a pool with no experts", () => {
    const config = withRouting({
      pools: [...example.routing.pools, { id: "empty", experts: ["layla-haddad"], strategy: "least-loaded" }],
      rules: [{ match: {}, pool: "empty" }],
    });
    expect(summary(routeRequest(config, recruitment, state()))).toEqual({
      who: "jonas-weber",
      at: 1,
      passed: ["no-members"],
    });
  });

  it("continues an escalation from the position given", () => {
    const afterLapse = state({ excluded: ["jonas-weber"] });
    expect(summary(routeRequest(example, recruitment, afterLapse, 1))).toEqual({
      who: "samira-el-idrissi",
      at: 1,
      passed: [],
    });
    const lapsedTwice = state({ excluded: ["jonas-weber", "samira-el-idrissi"] });
    expect(summary(routeRequest(example, recruitment, lapsedTwice, 2))).toMatchObject({
      who: "rania-khoury",
      at: 2,
    });
    expect(summary(routeRequest(example, recruitment, lapsedTwice, 3))).toMatchObject({
      who: "triage:steering",
    });
  });

  it("keeps a request already in triage there", () => {
    expect(summary(routeRequest(example, recruitment, state(), 99))).toEqual({
      who: "triage:steering",
      at: 3,
      passed: [],
    });
  });

  it("refuses a position that is not an index", () => {
    expect(() => routeRequest(example, recruitment, state(), -1)).toThrow(RangeError);
    expect(() => routeRequest(example, recruitment, state(), 0.5)).toThrow(RangeError);
  });
});
