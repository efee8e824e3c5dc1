import { describe, expect, it } from "vitest";
import type { RoutingRule } from "../../../../../config/network-config.ts";
import { type RoutingStep, routingChain, sameLanguage } from "../../../../../bots/route/routing/index.ts";
import { example, request, withRouting } from "./routing-fixtures.ts";

/** A step written briefly: the pool id, `region:<id>` or `triage:<room>`. */
function brief(step: RoutingStep): string {
  switch (step.kind) {
    case "rule-pool":
    case "cross-regional-pool":
      return step.pool;
    case "regional-experts":
      return `region:${step.region}`;
    case "triage":
      return `triage:${step.room}`;
  }
}

const rules: RoutingRule[] = [
  { match: { urgency: ["high"] }, pool: "psychosocial" },
  { match: { languages: ["fr"] }, pool: "youth" },
  { match: { regions: ["mena"] }, pool: "faith-leaders" },
  { match: { topics: ["online-recruitment"] }, pool: "online-recruitment" },
  { match: { topics: ["online-recruitment"], urgency: ["low", "normal"] }, pool: "off-ramp" },
];
const chainOf = (config = withRouting({ rules }), ...args: Parameters<typeof request>) =>
  routingChain(config, request(...args)).map(brief);

describe("routingChain", () => {
  it("tries the rule pools in rule order, then the region, the cross-regional pool and triage", () => {
    expect(chainOf(example, "mothers-engagement", { region: "east-africa" })).toEqual([
      "mothers-east-africa",
      "mothers",
      "region:east-africa",
      "cross-regional",
      "triage:steering",
    ]);
    expect(chainOf(example, "mothers-engagement", { region: "europe" })).toEqual([
      "mothers",
      "region:europe",
      "cross-regional",
      "triage:steering",
    ]);
  });

  it("matches each kind of rule criterion", () => {
    expect(chainOf(undefined, "youth-engagement", { urgency: "high" })[0]).toBe("psychosocial");
    expect(chainOf(undefined, "youth-engagement", { language: "fr" })[0]).toBe("youth");
    expect(chainOf(undefined, "youth-engagement", { region: "mena" })[0]).toBe("faith-leaders");
    expect(chainOf(undefined, "online-recruitment")[0]).toBe("online-recruitment");
    expect(chainOf(undefined, "youth-engagement")).toEqual([
      "region:europe",
      "cross-regional",
      "triage:steering",
    ]);
  });

  it("needs every given criterion of a rule to match", () => {
    expect(chainOf(undefined, "online-recruitment", { urgency: "low" })).toContain("off-ramp");
    expect(chainOf(undefined, "online-recruitment", { urgency: "high" })).not.toContain("off-ramp");
  });

  it("keeps every matching rule, in rule order, each pool once", () => {
    const chain = chainOf(undefined, "online-recruitment", {
      urgency: "high",
      language: "fr",
      region: "mena",
    });
    expect(chain).toEqual([
      "psychosocial",
      "youth",
      "faith-leaders",
      "online-recruitment",
      "region:mena",
      "cross-regional",
      "triage:steering",
    ]);
    const twice = withRouting({ rules: [...rules, { match: {}, pool: "youth" }] });
    const steps = routingChain(twice, request("faith-leaders", { language: "fr" }));
    expect(steps.map(brief).filter((step) => step === "youth")).toHaveLength(1);
    expect(steps[0]).toEqual({ kind: "rule-pool", pool: "youth", rule: 1 });
  });

  it("does not repeat the cross-regional pool when a rule already named it", () => {
    const config = withRouting({ rules: [{ match: {}, pool: "cross-regional" }] });
    expect(chainOf(config, "faith-leaders")).toEqual(["cross-regional", "region:europe", "triage:steering"]);
  });

  it("goes from the region straight to triage without a cross-regional pool", () => {
    const config = withRouting({ rules: [], fallback: { triageRoom: "steering" } });
    expect(chainOf(config, "faith-leaders")).toEqual(["region:europe", "triage:steering"]);
  });

  it("matches a bare language rule against its regional variants", () => {
    const config = withRouting({ rules: [{ match: { languages: ["pt"] }, pool: "youth" }] });
    expect(chainOf(config, "faith-leaders", { language: "pt-BR" })[0]).toBe("youth");
    expect(sameLanguage("pt-BR", "PT")).toBe(true);
    expect(sameLanguage("pt-BR", "pt-PT")).toBe(false);
    expect(sameLanguage("en", "eng")).toBe(false);
  });
});
