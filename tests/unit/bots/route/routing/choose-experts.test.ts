import { describe, expect, it } from "vitest";
import {
  type ExpertStep,
  chooseExpert,
  stepMembers,
  type RoutingState,
} from "../../../../../bots/route/routing/index.ts";
import { example, request, state } from "./routing-fixtures.ts";

const pool = (id: string): ExpertStep => ({ kind: "rule-pool", pool: id, rule: 0 });
const choose = (step: ExpertStep, req = request("online-recruitment"), routing: RoutingState = state()) =>
  chooseExpert(example, step, req, routing);
const chosen = (...args: Parameters<typeof choose>) => {
  const result = choose(...args);
  return result.ok ? result.value.expert : result.error.reason;
};

describe("chooseExpert, least-loaded", () => {
  it("takes the expert with the fewest open cases", () => {
    const open = { "jonas-weber": 3, "samira-el-idrissi": 1 };
    expect(chosen(pool("online-recruitment"), undefined, state({ open }))).toBe("samira-el-idrissi");
  });

  it("breaks ties by the cursor, then config order, and moves the cursor", () => {
    expect(choose(pool("online-recruitment"))).toEqual({
      ok: true,
      value: { expert: "jonas-weber", cursor: { key: "online-recruitment", expert: "jonas-weber" } },
    });
    const afterJonas = state({ cursors: { "online-recruitment": "jonas-weber" } });
    expect(chosen(pool("online-recruitment"), undefined, afterJonas)).toBe("samira-el-idrissi");
    const loaded = state({
      open: { "samira-el-idrissi": 1 },
      cursors: { "online-recruitment": "jonas-weber" },
    });
    expect(chosen(pool("online-recruitment"), undefined, loaded)).toBe("jonas-weber");
  });

  it("ignores a cursor naming someone no longer in the pool", () => {
    const stale = state({ cursors: { "online-recruitment": "someone-gone" } });
    expect(chosen(pool("online-recruitment"), undefined, stale)).toBe("jonas-weber");
  });
});

describe("chooseExpert, round-robin", () => {
  it("rotates through the eligible experts across calls", () => {
    const youth = request("youth-engagement", { language: "fr", region: "mena" });
    const cursors = new Map<string, string>();
    const picks: string[] = [];
    for (let turn = 0; turn < 5; turn++) {
      const result = choose(pool("youth"), youth, { ...state(), cursors });
      if (!result.ok) throw new Error(result.error.reason);
      picks.push(result.value.expert);
      cursors.set(result.value.cursor.key, result.value.cursor.expert);
    }
    expect(picks).toEqual(["youssef-benali", "hodan-abdi", "youssef-benali", "hodan-abdi", "youssef-benali"]);
  });

  it("skips experts who do not speak the language, whatever the load", () => {
    const somali = request("youth-engagement", { language: "so" });
    const cursors = { youth: "hodan-abdi" };
    expect(chosen(pool("youth"), somali, state({ cursors, open: { "hodan-abdi": 9 } }))).toBe("hodan-abdi");
  });
});

describe("chooseExpert, eligibility", () => {
  it("says so when nobody in the pool speaks the language", () => {
    expect(choose(pool("youth"), request("youth-engagement", { language: "de" }))).toEqual({
      ok: false,
      error: { kind: "empty-step", reason: "no-language" },
    });
  });

  it("keeps to the regions an expert serves", () => {
    const swahili = (region: string) => request("mothers-engagement", { language: "sw", region });
    expect(chosen(pool("mothers"), swahili("east-africa"))).toBe("grace-wanjiru");
    expect(chosen(pool("mothers"), swahili("europe"))).toBe("no-region");
  });

  it("never offers a request to an excluded expert or to the requester", () => {
    const req = request("online-recruitment", { requester: "jonas-weber" });
    expect(chosen(pool("online-recruitment"), req)).toBe("samira-el-idrissi");
    const declined = state({ excluded: ["samira-el-idrissi"] });
    expect(chosen(pool("online-recruitment"), req, declined)).toBe("all-excluded");
  });

  it("reports an unknown pool as having no members", () => {
    expect(chosen(pool("nowhere"))).toBe("no-members");
  });

  it("takes the regional step from experts living in or explicitly serving the region", () => {
    const region = (id: string, topic: string): ExpertStep => ({
      kind: "regional-experts",
      region: id,
      topic,
    });
    const people = (step: ExpertStep) => stepMembers(example, step).map((expert) => expert.person);
    expect(people(region("east-africa", "off-ramp-reintegration"))).toEqual([
      "dawit-bekele",
      "abdullahi-omar",
    ]);
    expect(people(region("mena", "off-ramp-reintegration"))).toEqual([]);
    expect(people(region("mena", "youth-engagement"))).toEqual(["youssef-benali"]);
    const step = region("east-africa", "off-ramp-reintegration");
    expect(chosen(step, request("off-ramp-reintegration", { region: "east-africa" }))).toBe("dawit-bekele");
  });
});
