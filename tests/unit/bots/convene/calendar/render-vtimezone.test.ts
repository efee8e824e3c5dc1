/**
 * Our VTIMEZONEs, read by ical.js (which has no zone database and so relies on them): a
 * wall-clock time in the zone must come back as the instant the tz database gives.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderVtimezone } from "../../../../../bots/convene/calendar/render-vtimezone.ts";
import { intlOffset, wallClock } from "./wall-clock.ts";

function parseZone(zone: string, from: number, to: number): ICAL.Timezone {
  const text = renderVtimezone(zone, { from, to });
  const calendar = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR`) as unknown[]);
  const component = calendar.getFirstSubcomponent("vtimezone");
  if (component === null) throw new Error("no VTIMEZONE");
  return new ICAL.Timezone(component);
}

function observances(zone: string, from = 2026, to = 2028): { kind: string; rrule: string | null }[] {
  return renderVtimezone(zone, { from, to })
    .split("\r\n")
    .reduce<{ kind: string; rrule: string | null }[]>((found, line) => {
      const begin = /^BEGIN:(STANDARD|DAYLIGHT)$/.exec(line);
      if (begin?.[1] !== undefined) found.push({ kind: begin[1], rrule: null });
      const rule = /^RRULE:(.*)$/.exec(line);
      const last = found.at(-1);
      if (rule?.[1] !== undefined && last !== undefined) last.rrule = rule[1];
      return found;
    }, []);
}

/** Instants through the years, every 5 h 17 min so that all hours and days get sampled. */
function samples(fromYear: number, toYear: number): number[] {
  const found: number[] = [];
  for (let at = Date.UTC(fromYear, 0, 1); at < Date.UTC(toYear + 1, 0, 1); at += (5 * 60 + 17) * 60_000)
    found.push(at);
  return found;
}

const ZONES = [
  "Europe/Paris",
  "Europe/London",
  "Europe/Dublin",
  "America/New_York",
  "America/Santiago",
  "America/St_Johns",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Jerusalem",
  "Africa/Cairo",
  "Africa/Casablanca",
  "Africa/Nairobi",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "America/Sao_Paulo",
  "UTC",
];

describe("renderVtimezone", () => {
  it.each(ZONES)("lets ical.js place every wall-clock time of %s where the tz database does", (zone) => {
    const tz = parseZone(zone, 2026, 2028);
    for (const at of samples(2026, 2028)) {
      // Within three hours of a change a wall-clock time may be ambiguous or missing; the
      // rules are still checked by every other sample of those days.
      if (intlOffset(at - 3 * 3_600_000, zone) !== intlOffset(at + 3 * 3_600_000, zone)) continue;
      const [date = "", time = ""] = wallClock(at, zone).split(" ");
      const [year, month, day] = date.split("-").map(Number);
      const [hour, minute] = time.split(":").map(Number);
      const local = new ICAL.Time({ year, month, day, hour, minute, second: 0, isDate: false }, tz);
      const expected = Math.floor(at / 60_000) * 60_000;
      if (local.toUnixTime() * 1000 !== expected)
        throw new Error(
          `${zone}: ${date} ${time} read as ${new Date(local.toUnixTime() * 1000).toISOString()}`,
        );
    }
  });

  it("writes the Outlook shape for the EU rule: one DAYLIGHT and one STANDARD, last Sundays", () => {
    expect(observances("Europe/Paris")).toEqual([
      { kind: "DAYLIGHT", rrule: "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" },
      { kind: "STANDARD", rrule: "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" },
    ]);
  });

  it("writes the US rule: second Sunday of March, first Sunday of November", () => {
    expect(observances("America/New_York")).toEqual([
      { kind: "DAYLIGHT", rrule: "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" },
      { kind: "STANDARD", rrule: "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU" },
    ]);
  });

  it("prefers 'last Sunday' over 'fourth Sunday' when a single year cannot tell them apart", () => {
    // 25 October 2026 is both; in 2027 only "last" (the 31st) is right.
    expect(observances("Europe/Paris", 2026, 2026)[1]?.rrule).toBe("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
  });

  it("describes a zone without DST by one fixed STANDARD observance", () => {
    expect(observances("Africa/Nairobi")).toEqual([{ kind: "STANDARD", rrule: null }]);
    expect(renderVtimezone("Africa/Nairobi", { from: 2026, to: 2026 })).toContain("TZOFFSETTO:+0300");
    expect(renderVtimezone("Asia/Kathmandu", { from: 2026, to: 2026 })).toContain("TZOFFSETTO:+0545");
    expect(renderVtimezone("America/St_Johns", { from: 2026, to: 2026 })).toContain("TZOFFSETFROM:-0330");
  });

  it("spells out transitions for a zone whose changes follow no yearly rule", () => {
    // Morocco suspends its UTC+1 during Ramadan, which moves with the lunar calendar.
    const found = observances("Africa/Casablanca");
    expect(found.length).toBeGreaterThan(2);
    expect(found.every((observance) => observance.rrule === null)).toBe(true);
  });

  it("names the zone for libical clients", () => {
    const text = renderVtimezone("Europe/Paris", { from: 2026, to: 2026 });
    expect(text.split("\r\n").slice(0, 3)).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Europe/Paris",
      "X-LIC-LOCATION:Europe/Paris",
    ]);
  });
});
