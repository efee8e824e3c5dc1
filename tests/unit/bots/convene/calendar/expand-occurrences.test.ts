import { describe, expect, it } from "vitest";
import { expandOccurrences } from "../../../../../bots/convene/calendar/expand-occurrences.ts";
import type { ConveningTime } from "../../../../../bots/convene/model/convening.ts";
import { wallClock } from "./wall-clock.ts";

const ALL = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) };

function starts(time: ConveningTime, window = ALL): number[] {
  const expanded = expandOccurrences(time, window);
  if (!expanded.ok) throw new Error(expanded.error);
  return expanded.value.map((o) => o.start);
}

describe("expandOccurrences", () => {
  it("gives a one-off convening once, with its duration", () => {
    const time = { start: "2026-12-03T11:00:00.000Z", zone: "Africa/Nairobi", durationMinutes: 90 };
    const expanded = expandOccurrences(time, ALL);
    expect(expanded.ok && expanded.value).toEqual([
      { start: Date.UTC(2026, 11, 3, 11), end: Date.UTC(2026, 11, 3, 12, 30) },
    ]);
  });

  it("keeps a weekly series at the same wall-clock time across the European DST change", () => {
    // 29 March 2026 is the last Sunday of March: Paris moves from UTC+1 to UTC+2.
    const time = {
      start: "2026-03-12T13:00:00Z",
      zone: "Europe/Paris",
      durationMinutes: 60,
      rrule: "FREQ=WEEKLY;COUNT=5",
    };
    const found = starts(time);
    expect(found.map((at) => wallClock(at, "Europe/Paris"))).toEqual([
      "2026-03-12 14:00",
      "2026-03-19 14:00",
      "2026-03-26 14:00",
      "2026-04-02 14:00",
      "2026-04-09 14:00",
    ]);
    // So the UTC instant moves an hour earlier after the change.
    expect(found[2]! - found[1]!).toBe(7 * 86_400_000);
    expect(found[3]! - found[2]!).toBe(7 * 86_400_000 - 3_600_000);
  });

  it("follows the zone's own rules, not Europe's (New York changes two weeks earlier)", () => {
    const time = {
      start: "2026-03-02T14:00:00Z",
      zone: "America/New_York",
      durationMinutes: 60,
      rrule: "FREQ=WEEKLY;COUNT=3",
    };
    expect(starts(time).map((at) => wallClock(at, "America/New_York"))).toEqual([
      "2026-03-02 09:00",
      "2026-03-09 09:00",
      "2026-03-16 09:00",
    ]);
    expect(starts(time).map((at) => new Date(at).toISOString().slice(11, 16))).toEqual([
      "14:00",
      "13:00",
      "13:00",
    ]);
  });

  it("expands BYDAY in local days, even when the UTC day differs", () => {
    // Monday 07:30 in Auckland (UTC+12 in June) is still Sunday in UTC; a rule applied to
    // UTC days would land on local Tuesdays and Thursdays.
    const time = {
      start: "2026-05-31T19:30:00Z",
      zone: "Pacific/Auckland",
      durationMinutes: 30,
      rrule: "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4",
    };
    expect(starts(time).map((at) => wallClock(at, "Pacific/Auckland"))).toEqual([
      "2026-06-01 07:30",
      "2026-06-03 07:30",
      "2026-06-08 07:30",
      "2026-06-10 07:30",
    ]);
  });

  it("reads a repeated wall-clock time as its first pass (RFC 5545 §3.3.5)", () => {
    // The RFC's own example: 1:30 on 4 November 2007 in New York is 1:30 EDT (UTC-4).
    const time = {
      start: "2007-11-03T05:30:00Z",
      zone: "America/New_York",
      durationMinutes: 30,
      rrule: "FREQ=DAILY;COUNT=3",
    };
    expect(starts(time)).toEqual([
      Date.UTC(2007, 10, 3, 5, 30),
      Date.UTC(2007, 10, 4, 5, 30),
      Date.UTC(2007, 10, 5, 6, 30),
    ]);
  });

  it("reads a wall-clock time that does not exist with the offset before the gap (RFC 5545 §3.3.5)", () => {
    // The RFC's own example: 2:30 on 11 March 2007 in New York is 3:30 EDT, i.e. 7:30 UTC.
    const time = {
      start: "2007-03-10T07:30:00Z",
      zone: "America/New_York",
      durationMinutes: 30,
      rrule: "FREQ=DAILY;COUNT=3",
    };
    expect(starts(time)).toEqual([
      Date.UTC(2007, 2, 10, 7, 30),
      Date.UTC(2007, 2, 11, 7, 30),
      Date.UTC(2007, 2, 12, 6, 30),
    ]);
  });

  it("stops at UNTIL, inclusive", () => {
    const time = {
      start: "2026-01-05T08:00:00Z",
      zone: "UTC",
      durationMinutes: 60,
      rrule: "FREQ=DAILY;UNTIL=20260107T080000Z",
    };
    expect(starts(time)).toEqual([Date.UTC(2026, 0, 5, 8), Date.UTC(2026, 0, 6, 8), Date.UTC(2026, 0, 7, 8)]);
  });

  it("returns only the window's occurrences of an endless series", () => {
    const time = { start: "2026-01-05T08:00:00Z", zone: "UTC", durationMinutes: 60, rrule: "FREQ=WEEKLY" };
    const found = starts(time, { from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 1) });
    // Mondays of February 2026: 2, 9, 16, 23.
    expect(found).toEqual([2, 9, 16, 23].map((day) => Date.UTC(2026, 1, day, 8)));
  });

  it("includes a start equal to the window's beginning and excludes one equal to its end", () => {
    const time = {
      start: "2026-01-05T08:00:00Z",
      zone: "UTC",
      durationMinutes: 60,
      rrule: "FREQ=DAILY;COUNT=3",
    };
    expect(starts(time, { from: Date.UTC(2026, 0, 5, 8), to: Date.UTC(2026, 0, 7, 8) })).toEqual([
      Date.UTC(2026, 0, 5, 8),
      Date.UTC(2026, 0, 6, 8),
    ]);
  });

  it("caps the number of occurrences", () => {
    const time = { start: "2026-01-05T08:00:00Z", zone: "UTC", durationMinutes: 60, rrule: "FREQ=DAILY" };
    const expanded = expandOccurrences(time, ALL, 10);
    expect(expanded.ok && expanded.value.length).toBe(10);
  });

  it.each([
    [{ zone: "Mars/Olympus" }, "not a time zone"],
    [{ start: "3 December" }, "not an ISO instant"],
    [{ start: "2026-12-03T11:00:00" }, "not an ISO instant"],
    [{ durationMinutes: 0 }, "not a positive number"],
    [{ rrule: "FREQ=SECONDLY" }, "FREQ must be"],
    // 3 December 2026 is a Thursday: not one of the series' days.
    [{ rrule: "FREQ=WEEKLY;BYDAY=MO,WE" }, "not an occurrence"],
    // 1:30 EST on 1 November 2026, the second pass of New York's repeated hour.
    [{ start: "2026-11-01T06:30:00Z", zone: "America/New_York" }, "repeated hour"],
  ])("refuses a time with %j", (change, message) => {
    const time = { start: "2026-12-03T11:00:00Z", zone: "Africa/Nairobi", durationMinutes: 60, ...change };
    const expanded = expandOccurrences(time, ALL);
    expect(expanded.ok ? "" : expanded.error).toContain(message);
  });
});
