/**
 * Properties of the zone arithmetic, checked against luxon's own reading of the tz
 * database: the offset timeline answers exactly as a direct lookup, and any local time
 * written from a real instant parses back to that instant, or, where the clocks show it
 * twice, to a refusal offering it.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { offsetMinutesAt, resolveLocalTime } from "../../../../../bots/convene/time/local-time.ts";
import { offsetTimeline } from "../../../../../bots/convene/time/offset-timeline.ts";
import { parseWhen } from "../../../../../bots/convene/time/parse-when.ts";

// Zones with every kind of rule: DST north and south, half-hour DST (Lord Howe), changes at
// midnight (Beirut, Santiago), Ramadan suspensions (Casablanca), none at all, odd offsets.
const ZONES = [
  "Europe/Brussels",
  "America/New_York",
  "America/St_Johns",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Beirut",
  "Africa/Casablanca",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Africa/Nairobi",
  "Pacific/Chatham",
  "UTC",
];
const FROM = Date.parse("2026-01-01T00:00:00Z");
const TO = Date.parse("2028-01-01T00:00:00Z");

describe("offsetTimeline", () => {
  const timelines = new Map(ZONES.map((zone) => [zone, offsetTimeline(zone, FROM, TO)]));

  it("gives the tz database's offset at any instant of its window", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, epochMs) => {
        expect(timelines.get(zone)?.(epochMs)).toBe(DateTime.fromMillis(epochMs, { zone }).offset);
      }),
      { numRuns: 2000 },
    );
  });

  it("is exact to the minute around every transition", () => {
    for (const zone of ZONES) {
      const timeline = timelines.get(zone);
      for (let at = FROM; at < TO; at += 86_400_000) {
        if (offsetMinutesAt(zone, at) === offsetMinutesAt(zone, at + 86_400_000)) continue;
        for (let minute = at; minute <= at + 86_400_000; minute += 60_000)
          expect(timeline?.(minute), `${zone} at ${new Date(minute).toISOString()}`).toBe(
            offsetMinutesAt(zone, minute),
          );
      }
    }
  });
});

describe("local times written from real instants", () => {
  it("parse back to the instant, or to a refusal that offers it", () => {
    const now = "2025-12-31T00:00:00Z";
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // Whole minutes in 2026-2027.
        fc.integer({ min: FROM / 60_000, max: TO / 60_000 - 1 }),
        (zone, minutes) => {
          const epochMs = minutes * 60_000;
          const local = DateTime.fromMillis(epochMs, { zone }).toFormat("yyyy-MM-dd HH:mm");
          const parsed = parseWhen(`${local} ${zone}`, { now, defaultZone: "UTC" });
          if (parsed.ok) {
            expect(parsed.value).toEqual({ start: new Date(epochMs).toISOString(), zone });
            return;
          }
          expect(parsed.error.kind).toBe("repeated-local-time");
          const offered = "options" in parsed.error ? parsed.error.options.map((option) => option.start) : [];
          expect(offered).toContain(new Date(epochMs).toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("are refused as missing exactly when luxon cannot show them", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM / 60_000, max: TO / 60_000 - 1 }),
        (zone, minutes) => {
          const wall = new Date(minutes * 60_000);
          const fields = {
            year: wall.getUTCFullYear(),
            month: wall.getUTCMonth() + 1,
            day: wall.getUTCDate(),
            hour: wall.getUTCHours(),
            minute: wall.getUTCMinutes(),
          };
          // Luxon shifts a skipped time forward, so its reading shows other fields.
          const shown = DateTime.fromObject(fields, { zone });
          const skipped = shown.hour !== fields.hour || shown.minute !== fields.minute;
          expect(resolveLocalTime(fields, zone).kind === "gap").toBe(skipped);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("resolveLocalTime", () => {
  it("finds both instants of a repeated time and the clock readings around the change", () => {
    const resolution = resolveLocalTime(
      { year: 2026, month: 4, day: 5, hour: 1, minute: 45 },
      "Australia/Lord_Howe",
    );
    // Lord Howe moves its clocks back by only half an hour, from 02:00 to 01:30.
    expect(resolution).toMatchObject({
      kind: "overlap",
      clocksFrom: { hour: 2, minute: 0 },
      clocksTo: { hour: 1, minute: 30 },
    });
    if (resolution.kind === "overlap")
      expect(resolution.readings.map((reading) => reading.offsetMinutes)).toEqual([660, 630]);
  });
});
