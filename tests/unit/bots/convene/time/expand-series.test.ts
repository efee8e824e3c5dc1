/**
 * A series keeps its wall-clock time in the organiser's zone across DST changes; everyone
 * else's local time moves when their clocks and the organiser's change on different dates.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { expandSeries } from "../../../../../bots/convene/time/expand-series.ts";
import { parseRecurrence } from "../../../../../bots/convene/time/parse-recurrence.ts";

function sessions(start: string, zone: string, rrule: string, window = {}): readonly string[] {
  const expanded = expandSeries({ start, zone, rrule }, window);
  if (!expanded.ok) throw new Error(expanded.error.message);
  return expanded.value;
}

function localTimes(starts: readonly string[], zone: string): string[] {
  return starts.map((start) => DateTime.fromISO(start, { zone }).toFormat("yyyy-MM-dd HH:mm ZZ"));
}

describe("expandSeries across the European DST change (last Sunday of October)", () => {
  // Thursdays 16:00 in Brussels from 15 October 2026; Europe changes on 25 October, New York on 1 November.
  const starts = sessions("2026-10-15T14:00:00.000Z", "Europe/Brussels", "FREQ=WEEKLY;COUNT=4");

  it("keeps 16:00 in Brussels while the UTC instant moves by an hour", () => {
    expect(starts).toEqual([
      "2026-10-15T14:00:00.000Z",
      "2026-10-22T14:00:00.000Z",
      "2026-10-29T15:00:00.000Z",
      "2026-11-05T15:00:00.000Z",
    ]);
    expect(localTimes(starts, "Europe/Brussels")).toEqual([
      "2026-10-15 16:00 +02:00",
      "2026-10-22 16:00 +02:00",
      "2026-10-29 16:00 +01:00",
      "2026-11-05 16:00 +01:00",
    ]);
  });

  it("moves New York's local time by an hour in the week between the two changes", () => {
    expect(localTimes(starts, "America/New_York")).toEqual([
      "2026-10-15 10:00 -04:00",
      "2026-10-22 10:00 -04:00",
      "2026-10-29 11:00 -04:00",
      "2026-11-05 10:00 -05:00",
    ]);
  });

  it("moves Nairobi's local time (no DST) by an hour for good", () => {
    expect(localTimes(starts, "Africa/Nairobi").map((text) => text.slice(11, 16))).toEqual([
      "17:00",
      "17:00",
      "18:00",
      "18:00",
    ]);
  });
});

describe("expandSeries across the North American DST change (second Sunday of March)", () => {
  // Tuesdays 10:00 in New York from 3 March 2026; New York changes on 8 March, Europe on 29 March.
  const starts = sessions("2026-03-03T15:00:00.000Z", "America/New_York", "FREQ=WEEKLY;COUNT=5");

  it("keeps 10:00 in New York", () => {
    expect(localTimes(starts, "America/New_York").map((text) => text.slice(11))).toEqual([
      "10:00 -05:00",
      "10:00 -04:00",
      "10:00 -04:00",
      "10:00 -04:00",
      "10:00 -04:00",
    ]);
  });

  it("shows Brussels 16:00, then 15:00 for three weeks, then 16:00 again", () => {
    expect(localTimes(starts, "Europe/Brussels").map((text) => text.slice(11, 16))).toEqual([
      "16:00",
      "15:00",
      "15:00",
      "15:00",
      "16:00",
    ]);
  });

  it("shows Kolkata (+05:30) and Kathmandu (+05:45) an hour earlier after the change", () => {
    expect(localTimes(starts.slice(0, 2), "Asia/Kolkata").map((text) => text.slice(11, 16))).toEqual([
      "20:30",
      "19:30",
    ]);
    expect(localTimes(starts.slice(0, 2), "Asia/Kathmandu").map((text) => text.slice(11, 16))).toEqual([
      "20:45",
      "19:45",
    ]);
  });
});

describe("expandSeries: edge cases", () => {
  it("moves a session whose wall time the clocks skip to after the jump", () => {
    // Sundays 02:30 in Brussels: 29 March 2026 has no 02:30; that session is at 03:30.
    const starts = sessions("2026-03-22T01:30:00.000Z", "Europe/Brussels", "FREQ=WEEKLY;COUNT=3");
    expect(localTimes(starts, "Europe/Brussels")).toEqual([
      "2026-03-22 02:30 +01:00",
      "2026-03-29 03:30 +02:00",
      "2026-04-05 02:30 +02:00",
    ]);
  });

  it("takes the first of a wall time the clocks show twice", () => {
    const starts = sessions("2026-10-18T00:30:00.000Z", "Europe/Brussels", "FREQ=WEEKLY;COUNT=2");
    expect(localTimes(starts, "Europe/Brussels")).toEqual([
      "2026-10-18 02:30 +02:00",
      "2026-10-25 02:30 +02:00",
    ]);
  });

  it("ends at UNTIL, read as the end of that day in the series' zone", () => {
    const context = { start: "2026-10-15T14:00:00.000Z", zone: "Europe/Brussels" };
    const rule = parseRecurrence("every week until 2026-11-05", context);
    if (!rule.ok) throw new Error("refused");
    expect(sessions(context.start, context.zone, rule.value)).toHaveLength(4);
  });

  it("keeps to the window and the limit, counting COUNT from the first session", () => {
    const rule = "FREQ=WEEKLY;COUNT=10";
    const start = "2026-10-15T14:00:00.000Z";
    expect(sessions(start, "Europe/Brussels", rule, { from: "2026-11-01T00:00:00Z", limit: 2 })).toEqual([
      "2026-11-05T15:00:00.000Z",
      "2026-11-12T15:00:00.000Z",
    ]);
    // Ten sessions from 15 October: the last three are in December.
    expect(sessions(start, "Europe/Brussels", rule, { from: "2026-12-01T00:00:00Z" })).toEqual([
      "2026-12-03T15:00:00.000Z",
      "2026-12-10T15:00:00.000Z",
      "2026-12-17T15:00:00.000Z",
    ]);
    expect(sessions(start, "Europe/Brussels", "FREQ=WEEKLY", { to: "2026-11-01T00:00:00Z" })).toHaveLength(3);
    expect(sessions(start, "Europe/Brussels", "FREQ=DAILY", { limit: 7 })).toHaveLength(7);
  });

  it("is a single session without a rule", () => {
    const expanded = expandSeries({ start: "2026-10-15T14:00:00.000Z", zone: "Europe/Brussels" });
    expect(expanded).toEqual({ ok: true, value: ["2026-10-15T14:00:00.000Z"] });
  });

  it.each(["FREQ=FORTNIGHTLY", "COUNT=3", "FREQ=WEEKLY;COUNT=0", "FREQ=WEEKLY;INTERVAL=x"])(
    "reports a stored rule it cannot read (%s)",
    (rrule) => {
      const expanded = expandSeries({ start: "2026-10-15T14:00:00.000Z", zone: "Europe/Brussels", rrule });
      expect(expanded.ok).toBe(false);
    },
  );
});
