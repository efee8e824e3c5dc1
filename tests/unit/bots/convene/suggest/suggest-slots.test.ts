import { describe, expect, it } from "vitest";
import { suggestSlots } from "../../../../../bots/convene/suggest/suggest-slots.ts";
import {
  candidatesIn,
  checkRequest,
  searchSpace,
} from "../../../../../bots/convene/suggest/slot-candidates.ts";
import { renderNoSlotReason } from "../../../../../bots/convene/suggest/render-no-slot.ts";
import type { SuggestRequest, SuggestedSlot } from "../../../../../bots/convene/suggest/suggest-request.ts";
import type { RegionHours } from "../../../../../bots/convene/time/working-hours.ts";
import { clockMargin } from "./local-clock-oracle.ts";

const WEEK = ["mon", "tue", "wed", "thu", "fri"] as const;

const eastAfrica: RegionHours = {
  id: "east-africa",
  name: "East Africa",
  timeZones: ["Africa/Nairobi", "Africa/Djibouti", "Africa/Addis_Ababa", "Africa/Mogadishu"],
  workingHours: { start: "08:30", end: "17:30", days: [...WEEK] },
};
const mena: RegionHours = {
  id: "mena",
  timeZones: ["Asia/Amman", "Africa/Tunis", "Asia/Beirut"],
  workingHours: { start: "09:00", end: "16:00", days: ["mon", "tue", "wed", "thu"] },
};
const europe: RegionHours = {
  id: "europe",
  timeZones: ["Europe/Brussels", "Europe/Berlin", "Europe/Paris"],
  workingHours: { start: "09:00", end: "17:30", days: [...WEEK] },
};
const southAsia: RegionHours = {
  id: "south-asia",
  timeZones: ["Asia/Kolkata", "Asia/Kathmandu"],
  workingHours: { start: "09:00", end: "17:00", days: [...WEEK] },
};
const westCoast: RegionHours = {
  id: "west-coast",
  timeZones: ["America/Los_Angeles"],
  workingHours: { start: "09:00", end: "17:00", days: [...WEEK] },
};

// Monday 30 November to Saturday 5 December 2026.
const WEEK_WINDOW = { from: "2026-11-30T00:00:00Z", to: "2026-12-05T00:00:00Z" };

function request(overrides: Partial<SuggestRequest>): SuggestRequest {
  return {
    regions: [eastAfrica, mena, europe],
    durationMinutes: 90,
    ...WEEK_WINDOW,
    granularityMinutes: 30,
    count: 3,
    ...overrides,
  };
}

function slots(overrides: Partial<SuggestRequest>): readonly SuggestedSlot[] {
  const result = suggestSlots(request(overrides));
  if (!result.ok) throw new Error(renderNoSlotReason(result.error));
  return result.value;
}

function reason(overrides: Partial<SuggestRequest>) {
  const result = suggestSlots(request(overrides));
  if (result.ok) throw new Error(`found ${result.value.length} slots`);
  return result.error;
}

describe("suggestSlots", () => {
  it("proposes slots inside every region's hours in every zone, one per day, fairest first", () => {
    const found = slots({});
    expect(found).toHaveLength(3);
    for (const slot of found) {
      for (const region of [eastAfrica, mena, europe])
        expect(clockMargin(Date.parse(slot.start), 90, region)).toBeGreaterThanOrEqual(60);
      expect(slot.unsocialFor).toEqual([]);
    }
    expect(new Set(found.map((slot) => slot.start.slice(0, 10))).size).toBe(3);
    // MENA's hours in all its zones (Tunis is two hours behind Amman) leave 08:00-13:00 UTC;
    // with Europe (08:00-16:30) and East Africa (05:30-14:30) the most central slot is 10:00.
    expect(found[0]).toMatchObject({
      start: "2026-11-30T10:00:00.000Z",
      end: "2026-11-30T11:30:00.000Z",
      regions: [
        { region: "east-africa", marginMinutes: 180, unsocial: false },
        { region: "mena", marginMinutes: 90, unsocial: false },
        { region: "europe", marginMinutes: 120, unsocial: false },
      ],
    });
  });

  it("follows the align zone's clock for the grid, so quarter-hour zones get round times", () => {
    const nepal: RegionHours = { ...southAsia, id: "nepal", timeZones: ["Asia/Kathmandu"] };
    const inBrussels = slots({ regions: [europe, nepal], durationMinutes: 60 });
    for (const slot of inBrussels) expect(slot.start.slice(14, 16)).toMatch(/^(00|30)$/);
    const inKathmandu = slots({ regions: [europe, nepal], durationMinutes: 60, alignZone: "Asia/Kathmandu" });
    // Kathmandu is UTC+5:45: its :00 and :30 are :15 and :45 UTC.
    for (const slot of inKathmandu) expect(slot.start.slice(14, 16)).toMatch(/^(15|45)$/);
  });

  it("fits half- and quarter-hour zones exactly to the minute", () => {
    // Kolkata 09:00-17:00 is 03:30-11:30 UTC, Kathmandu 03:15-11:15; Europe starts 08:00 UTC.
    const space = searchSpace(
      (() => {
        const checked = checkRequest(
          request({ regions: [europe, southAsia], durationMinutes: 60, granularityMinutes: 15 }),
        );
        if (!checked.ok) throw new Error("bad request");
        return checked.value;
      })(),
    );
    const monday = candidatesIn(space)
      .filter((candidate) => new Date(candidate.start).toISOString().startsWith("2026-11-30"))
      .map((candidate) => new Date(candidate.start).toISOString().slice(11, 16));
    expect(monday[0]).toBe("08:00");
    expect(monday.at(-1)).toBe("10:15");
  });

  it("never proposes a slot crossing midnight for one region", () => {
    const allDayKolkata: RegionHours = {
      id: "kolkata-all-day",
      timeZones: ["Asia/Kolkata"],
      workingHours: { start: "00:00", end: "23:59", days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] },
    };
    const eveningUtc: RegionHours = {
      id: "evening-utc",
      timeZones: ["UTC"],
      workingHours: { start: "17:00", end: "20:00", days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] },
    };
    const checked = checkRequest(
      request({
        regions: [eveningUtc, allDayKolkata],
        durationMinutes: 60,
        from: "2026-12-03T00:00:00Z",
        to: "2026-12-04T00:00:00Z",
      }),
    );
    if (!checked.ok) throw new Error("bad request");
    const starts = candidatesIn(searchSpace(checked.value)).map((c) =>
      new Date(c.start).toISOString().slice(11, 16),
    );
    // 17:30 ends at Kolkata's midnight (past its 23:59), 18:00 is 23:30-00:30 there.
    expect(starts).toEqual(["17:00", "18:30", "19:00"]);
  });

  it("spares a region that already carried unsocial slots", () => {
    // Dubai 10:00-14:00 (06-10 UTC) and London 08:00-12:00 (08-12 UTC): the common 08:00-10:00 UTC
    // always touches an edge, Dubai's end or London's start.
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
    const base = { regions: [gulf, london], durationMinutes: 60, count: 1 };
    const [first] = slots(base);
    expect(first?.unsocialFor).toEqual(["london"]);
    const history = [
      { start: "2026-11-23T08:00:00Z", durationMinutes: 60 },
      { start: "2026-11-16T08:00:00Z", durationMinutes: 60 },
    ];
    const [next] = slots({ ...base, history });
    expect(next?.unsocialFor).toEqual(["gulf"]);
    expect(next?.start).toBe("2026-11-30T09:00:00.000Z");
  });

  it("returns fewer slots when fewer fit, never overlapping ones", () => {
    const found = slots({ from: "2026-12-01T09:00:00Z", to: "2026-12-01T13:00:00Z", count: 5 });
    expect(found.map((slot) => slot.start.slice(11, 16))).toEqual(["10:00", "11:30"]);
  });
});

describe("suggestSlots: why nothing fits", () => {
  it("names the pairs with no shared hours and gives each region's hours in UTC", () => {
    const error = reason({ regions: [eastAfrica, europe, westCoast] });
    expect(error).toMatchObject({
      kind: "no-overlap",
      pairs: [
        { a: "east-africa", b: "west-coast", longestMinutes: 0 },
        { a: "europe", b: "west-coast", longestMinutes: 0 },
      ],
      hours: [
        { region: "east-africa", localStart: "08:30", localEnd: "17:30", utcStart: "05:30", utcEnd: "14:30" },
        { region: "europe", localStart: "09:00", localEnd: "17:30", utcStart: "08:00", utcEnd: "16:30" },
        { region: "west-coast", localStart: "09:00", localEnd: "17:00", utcStart: "17:00", utcEnd: "01:00" },
      ],
    });
    const text = renderNoSlotReason(error, { "east-africa": "East Africa", "west-coast": "West Coast" });
    expect(text).toContain("East Africa and West Coast share no working hours");
    expect(text).toContain(
      "West Coast works Mon, Tue, Wed, Thu, Fri 09:00-17:00 America/Los_Angeles (17:00-01:00 UTC)",
    );
  });

  it("reports a stretch too short for the convening", () => {
    const error = reason({ regions: [europe, southAsia], durationMinutes: 240 });
    // Europe from 08:00 UTC, Kathmandu until 11:15 UTC: 3 h 15 min together.
    expect(error).toMatchObject({
      kind: "no-overlap",
      pairs: [{ a: "europe", b: "south-asia", longestMinutes: 195 }],
    });
    expect(renderNoSlotReason(error)).toContain("share at most 3 h 15 min");
  });

  it("reports a region with no working day in the window", () => {
    const error = reason({ from: "2026-12-05T00:00:00Z", to: "2026-12-07T00:00:00Z" });
    expect(error).toMatchObject({
      kind: "region-never-free",
      region: "east-africa",
      cause: "no-working-day",
    });
    expect(renderNoSlotReason(error)).toContain("has no working day in that period");
  });

  it("reports a region whose own zones never work at the same time", () => {
    const split: RegionHours = { ...mena, id: "split", timeZones: ["Asia/Amman", "America/Los_Angeles"] };
    expect(reason({ regions: [split] })).toMatchObject({
      kind: "region-never-free",
      cause: "zones-disjoint",
    });
    expect(suggestSlots(request({ regions: [split], zonePolicy: "reference-zone" })).ok).toBe(true);
  });

  it("reports regions that overlap in pairs but never all together", () => {
    const on = (id: string, days: ("mon" | "tue" | "wed")[]): RegionHours => ({
      id,
      timeZones: ["UTC"],
      workingHours: { start: "09:00", end: "17:00", days },
    });
    const error = reason({
      regions: [on("a", ["mon", "wed"]), on("b", ["tue", "wed"]), on("c", ["mon", "tue"])],
    });
    expect(error).toMatchObject({ kind: "no-common-time", longestMinutes: 0 });
    expect(renderNoSlotReason(error)).toContain("each pair overlaps");
  });

  it.each([
    [{ regions: [] }, "no-regions"],
    [{ regions: [europe, europe] }, "duplicate-region"],
    [{ regions: [{ ...europe, timeZones: ["Europe/Brusels"] }] }, "bad-zone"],
    [{ alignZone: "Nowhere/Land" }, "bad-zone"],
    [{ durationMinutes: 0 }, "bad-duration"],
    [{ durationMinutes: 2000 }, "bad-duration"],
    [{ granularityMinutes: 7.5 }, "bad-granularity"],
    [{ count: 0 }, "bad-count"],
    [{ from: "2026-12-05T00:00:00Z", to: "2026-12-01T00:00:00Z" }, "empty-window"],
    [{ from: "not a date" }, "empty-window"],
    [{ to: "2028-12-01T00:00:00Z" }, "empty-window"],
  ] as const)("refuses a bad request (%s)", (overrides, problem) => {
    expect(reason(overrides as Partial<SuggestRequest>)).toMatchObject({ kind: "invalid-request", problem });
  });
});
