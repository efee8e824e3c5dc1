import { describe, expect, it } from "vitest";
import { planSeries, type SeriesPlanRequest } from "../../../../../bots/convene/suggest/plan-series.ts";
import { suggestSlots } from "../../../../../bots/convene/suggest/suggest-slots.ts";
import type { RegionHours } from "../../../../../bots/convene/time/working-hours.ts";
import { clockMargin } from "./local-clock-oracle.ts";

const WEEK = ["mon", "tue", "wed", "thu", "fri"] as const;

// Dubai 10:00-14:00 is 06:00-10:00 UTC; London 08:00-12:00 is 08:00-12:00 UTC in winter.
// Every hour-long slot in the common 08:00-10:00 UTC touches an edge: London's first hour,
// Dubai's last, or both.
const gulf: RegionHours = {
  id: "gulf",
  timeZones: ["Asia/Dubai"],
  workingHours: { start: "10:00", end: "14:00", days: [...WEEK] },
};
const london: RegionHours = {
  id: "london",
  timeZones: ["Europe/London"],
  workingHours: { start: "08:00", end: "12:00", days: [...WEEK] },
};
const nairobi: RegionHours = {
  id: "nairobi",
  timeZones: ["Africa/Nairobi"],
  workingHours: { start: "08:00", end: "18:00", days: [...WEEK] },
};

const BASE: SeriesPlanRequest = {
  regions: [gulf, london, nairobi],
  durationMinutes: 60,
  granularityMinutes: 30,
  sessions: 6,
  // Tuesdays, from 12 January 2027.
  firstWindow: { from: "2027-01-12T00:00:00Z", to: "2027-01-13T00:00:00Z" },
};

describe("planSeries", () => {
  it("rotates the unsocial sessions instead of leaving them all on one region", () => {
    // The most comfortable slot, chosen afresh each week, lands on the Gulf every time.
    const naive = [0, 1, 2, 3, 4, 5].map((week) => {
      const from = Date.parse("2027-01-12T00:00:00Z") + week * 7 * 86_400_000;
      const result = suggestSlots({ ...BASE, from, to: from + 86_400_000, count: 1 });
      return result.ok ? result.value[0]?.unsocialFor : undefined;
    });
    expect(naive).toEqual([["gulf"], ["gulf"], ["gulf"], ["gulf"], ["gulf"], ["gulf"]]);

    const plan = planSeries(BASE);
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    expect(plan.value.burden).toEqual({ gulf: 3, london: 3, nairobi: 0 });
    expect(plan.value.maxBurden).toBe(3);
    expect(plan.value.exact).toBe(true);
    expect(plan.value.sessions.map((session) => session.unsocialFor)).toEqual([
      ["gulf"],
      ["london"],
      ["gulf"],
      ["london"],
      ["gulf"],
      ["london"],
    ]);
    for (const [week, session] of plan.value.sessions.entries()) {
      expect(session.start.slice(0, 10)).toBe(
        new Date(Date.parse("2027-01-12") + week * 7 * 86_400_000).toISOString().slice(0, 10),
      );
      for (const region of BASE.regions)
        expect(clockMargin(Date.parse(session.start), 60, region)).toBeDefined();
    }
  });

  it("counts history, so the series continues the rotation", () => {
    const history = [
      { start: "2027-01-05T08:00:00Z", durationMinutes: 60 }, // London's first hour
      { start: "2026-12-29T08:00:00Z", durationMinutes: 60 },
    ];
    const plan = planSeries({ ...BASE, sessions: 2, history });
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    expect(plan.value.sessions.map((session) => session.unsocialFor)).toEqual([["gulf"], ["gulf"]]);
    expect(plan.value.burden).toEqual({ gulf: 2, london: 2, nairobi: 0 });
  });

  it("keeps a series' window on the align zone's calendar across a DST change", () => {
    // Brussels Tuesdays 00:00-24:00 local, from 20 October 2026: the change on the 25th moves the window by an hour in UTC.
    const europe: RegionHours = {
      id: "europe",
      timeZones: ["Europe/Brussels"],
      workingHours: { start: "09:00", end: "17:00", days: [...WEEK] },
    };
    const plan = planSeries({
      regions: [europe],
      durationMinutes: 60,
      granularityMinutes: 60,
      sessions: 2,
      firstWindow: { from: "2026-10-19T22:00:00Z", to: "2026-10-20T22:00:00Z" },
    });
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    expect(plan.value.sessions.map((session) => session.start)).toEqual([
      "2026-10-20T10:00:00.000Z",
      "2026-10-27T11:00:00.000Z",
    ]);
  });

  it("says which session cannot be placed and why", () => {
    // A Gulf office open on Mondays only has no working day in a Tuesday window.
    const gulfMonday: RegionHours = { ...gulf, workingHours: { ...gulf.workingHours, days: ["mon"] } };
    const plan = planSeries({ ...BASE, regions: [gulfMonday, london] });
    expect(plan).toMatchObject({
      ok: false,
      error: { session: 0, reason: { kind: "region-never-free", region: "gulf", cause: "no-working-day" } },
    });
  });

  it.each([
    [{ sessions: 0 }, "bad-series"],
    [{ sessions: 100 }, "bad-series"],
    [{ everyWeeks: 0 }, "bad-series"],
    [{ durationMinutes: -5 }, "bad-duration"],
  ])("refuses a bad request %j", (overrides, problem) => {
    expect(planSeries({ ...BASE, ...overrides })).toMatchObject({
      ok: false,
      error: { session: 0, reason: { kind: "invalid-request", problem } },
    });
  });
});
