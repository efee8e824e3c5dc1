import { describe, expect, it } from "vitest";
import {
  type RegionHours,
  intersectIntervals,
  isWithinWorkingHours,
  workingHoursMiss,
  zoneWorkingIntervals,
} from "../../../../../bots/convene/time/working-hours.ts";

const WEEK = ["mon", "tue", "wed", "thu", "fri"] as const;

const europe: RegionHours = {
  id: "europe",
  timeZones: ["Europe/Brussels", "Europe/Berlin", "Europe/Paris"],
  workingHours: { start: "09:00", end: "17:30", days: [...WEEK] },
};
const mena: RegionHours = {
  id: "mena",
  timeZones: ["Asia/Amman", "Africa/Tunis", "Asia/Beirut"],
  workingHours: { start: "09:00", end: "16:00", days: ["mon", "tue", "wed", "thu"] },
};
const americas: RegionHours = {
  id: "americas",
  timeZones: ["America/New_York"],
  workingHours: { start: "09:00", end: "17:00", days: [...WEEK] },
};
const india: RegionHours = {
  id: "india",
  timeZones: ["Asia/Kolkata"],
  workingHours: { start: "09:00", end: "17:00", days: [...WEEK] },
};
const nepal: RegionHours = {
  id: "nepal",
  timeZones: ["Asia/Kathmandu"],
  workingHours: { start: "09:00", end: "17:00", days: [...WEEK] },
};

const slot = (start: string, durationMinutes = 60) => ({ start, durationMinutes });

describe("isWithinWorkingHours", () => {
  it.each([
    // Thursday 3 December 2026 (winter): Brussels is UTC+1.
    [europe, "2026-12-03T08:00:00Z", 60, true],
    [europe, "2026-12-03T07:30:00Z", 60, false],
    [europe, "2026-12-03T16:00:00Z", 30, true], // ends exactly at 17:30
    [europe, "2026-12-03T16:00:00Z", 31, false],
    [europe, "2026-12-05T10:00:00Z", 60, false], // Saturday
    // Summer: the same 07:00 UTC is 09:00 in Brussels.
    [europe, "2026-06-04T07:00:00Z", 60, true],
    [europe, "2026-12-03T07:00:00Z", 60, false],
    // New York on either side of its March change.
    [americas, "2026-03-06T14:00:00Z", 60, true], // Fri 09:00 EST
    [americas, "2026-03-06T13:00:00Z", 60, false], // Fri 08:00 EST
    [americas, "2026-03-09T13:00:00Z", 60, true], // Mon 09:00 EDT
    // Half- and quarter-hour zones.
    [india, "2026-12-03T03:30:00Z", 60, true], // 09:00 IST
    [india, "2026-12-03T03:00:00Z", 60, false], // 08:30 IST
    [india, "2026-12-03T10:30:00Z", 60, true], // 16:00-17:00 IST
    [nepal, "2026-12-03T03:15:00Z", 60, true], // 09:00 NPT
    [nepal, "2026-12-03T03:00:00Z", 60, false], // 08:45 NPT
    [nepal, "2026-12-03T10:15:00Z", 60, true], // 16:00-17:00 NPT
    [nepal, "2026-12-03T10:30:00Z", 60, false], // 16:15-17:15 NPT
  ])("%# %s at %s for %i min: %s", (region, start, minutes, expected) => {
    expect(isWithinWorkingHours(slot(start, minutes), region)).toBe(expected);
  });

  it("checks every zone of the region by default, the reference zone only when asked", () => {
    // 09:00 in Amman is 07:00 in Tunis.
    const early = slot("2026-12-03T06:00:00Z");
    expect(isWithinWorkingHours(early, mena, "reference-zone")).toBe(true);
    expect(isWithinWorkingHours(early, mena)).toBe(false);
    expect(workingHoursMiss(early, mena)).toEqual({
      region: "mena",
      zone: "Africa/Tunis",
      reason: "starts-early",
      localStart: "2026-12-03T07:00",
      localEnd: "2026-12-03T08:00",
      weekday: "thu",
      hours: mena.workingHours,
    });
    // 11:00 in Amman is 09:00 in Tunis and 10:00 in Beirut: inside everywhere.
    expect(isWithinWorkingHours(slot("2026-12-03T08:00:00Z"), mena)).toBe(true);
  });

  it("never counts a slot crossing local midnight as inside, even for round-the-clock hours", () => {
    const allDay: RegionHours = {
      id: "night-shift",
      timeZones: ["Asia/Kolkata"],
      workingHours: { start: "00:00", end: "23:59", days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] },
    };
    const utc: RegionHours = { ...allDay, id: "utc", timeZones: ["UTC"] };
    // 18:00-19:00 UTC is 23:30-00:30 in Kolkata.
    const acrossMidnight = slot("2026-12-03T18:00:00Z");
    expect(isWithinWorkingHours(acrossMidnight, utc)).toBe(true);
    expect(isWithinWorkingHours(acrossMidnight, allDay)).toBe(false);
    expect(workingHoursMiss(acrossMidnight, allDay)).toMatchObject({
      reason: "crosses-midnight",
      localStart: "2026-12-03T23:30",
      localEnd: "2026-12-04T00:30",
    });
    expect(isWithinWorkingHours(slot("2026-12-03T17:30:00Z", 29), allDay)).toBe(true);
  });

  it.each([
    ["2026-12-05T10:00:00Z", 60, "day-off"],
    ["2026-12-03T07:30:00Z", 60, "starts-early"],
    ["2026-12-03T16:00:00Z", 90, "ends-late"],
  ])("says why %s is outside (%s)", (start, minutes, reason) => {
    expect(workingHoursMiss(slot(start, minutes), europe)?.reason).toBe(reason);
  });

  it("finds nothing to say about a slot inside", () => {
    expect(workingHoursMiss(slot("2026-12-03T10:00:00Z"), europe)).toBeUndefined();
  });
});

describe("zoneWorkingIntervals", () => {
  it("moves the UTC working day by an hour across the October change", () => {
    const intervals = zoneWorkingIntervals(
      "Europe/Brussels",
      europe.workingHours,
      Date.parse("2026-10-23T00:00:00Z"),
      Date.parse("2026-10-27T00:00:00Z"),
    );
    expect(intervals.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()])).toEqual([
      ["2026-10-23T07:00:00.000Z", "2026-10-23T15:30:00.000Z"], // Friday, summer time
      ["2026-10-26T08:00:00.000Z", "2026-10-26T16:30:00.000Z"], // Monday, winter time
    ]);
  });
});

describe("intersectIntervals", () => {
  it("keeps only what both lists cover", () => {
    const a = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const b = [
      { start: 5, end: 25 },
      { start: 28, end: 40 },
    ];
    expect(intersectIntervals(a, b)).toEqual([
      { start: 5, end: 10 },
      { start: 20, end: 25 },
      { start: 28, end: 30 },
    ]);
    expect(intersectIntervals(a, [{ start: 10, end: 20 }])).toEqual([]);
  });
});
