import { describe, expect, it } from "vitest";
import {
  type DisplayOptions,
  formatForPerson,
  formatForRegions,
  formatInZone,
  offsetLabel,
} from "../../../../../bots/convene/time/format-time.ts";
import { expandSeries } from "../../../../../bots/convene/time/expand-series.ts";

const EN: DisplayOptions = { locale: "en", hourCycle: "h23" };
const EN_12: DisplayOptions = { locale: "en", hourCycle: "h12" };
const EN_GB: DisplayOptions = { locale: "en-GB", hourCycle: "h23" };
const FR: DisplayOptions = { locale: "fr", hourCycle: "h23" };

// 17:00 in New York on Thursday 3 December 2026, 90 minutes.
const EVENING = { start: "2026-12-03T22:00:00.000Z", zone: "America/New_York", durationMinutes: 90 };

/** Intl puts thin or narrow no-break spaces around range dashes; compare with plain spaces. */
function plain(text: string): string {
  return text.replace(/[\u2009\u202f\u00a0]/g, " ");
}

describe("formatInZone", () => {
  it.each([
    ["America/New_York", EN, "Thu, Dec 3, 2026, 17:00 – 18:30 EST (UTC-5)"],
    ["America/New_York", EN_12, "Thu, Dec 3, 2026, 5:00 – 6:30 PM EST (UTC-5)"],
    ["Europe/Brussels", EN_GB, "Thu, 3 Dec 2026, 23:00 – Fri, 4 Dec 2026, 00:30 CET (UTC+1)"],
    ["Europe/Brussels", FR, "jeu. 3 déc. 2026, 23:00 – ven. 4 déc. 2026, 00:30 UTC+1"],
    ["Asia/Kolkata", EN, "Fri, Dec 4, 2026, 03:30 – 05:00 UTC+5:30 (+1 day)"],
    ["Asia/Kathmandu", EN, "Fri, Dec 4, 2026, 03:45 – 05:15 UTC+5:45 (+1 day)"],
    ["Asia/Kathmandu", FR, "ven. 4 déc. 2026, 03:45 – 05:15 UTC+5:45 (+1 jour)"],
    ["UTC", EN, "Thu, Dec 3, 2026, 22:00 – 23:30 UTC"],
  ])("in %s (%o)", (zone, options, expected) => {
    expect(plain(formatInZone(EVENING, zone, options))).toBe(expected);
  });

  it("marks a date before the organiser's", () => {
    // 06:45 on Thursday in Kathmandu is still Wednesday evening in New York.
    const morning = { start: "2026-12-03T01:00:00.000Z", zone: "Asia/Kathmandu", durationMinutes: 60 };
    expect(plain(formatForPerson(morning, "America/New_York", EN))).toBe(
      "Wed, Dec 2, 2026, 20:00 – 21:00 EST (UTC-5) (-1 day)",
    );
    expect(plain(formatForPerson(morning, "America/New_York", FR))).toContain("(-1 jour)");
  });

  it("shows a series at its fixed organiser time and at the shifted time elsewhere", () => {
    const series = { start: "2026-10-15T14:00:00.000Z", zone: "Europe/Brussels", durationMinutes: 60 };
    const starts = expandSeries({ ...series, rrule: "FREQ=WEEKLY;COUNT=4" });
    if (!starts.ok) throw new Error(starts.error.message);
    const inZone = (zone: string) =>
      starts.value.map((start) => plain(formatInZone({ ...series, start }, zone, EN_GB)).split(", ")[2]);
    expect(inZone("Europe/Brussels")).toEqual([
      "16:00–17:00 CEST (UTC+2)",
      "16:00–17:00 CEST (UTC+2)",
      "16:00–17:00 CET (UTC+1)",
      "16:00–17:00 CET (UTC+1)",
    ]);
    // en-GB has no abbreviation for New York ("GMT-4"), so only the offset is shown; the
    // week between Europe's change (25 Oct) and New York's (1 Nov) is an hour later there.
    expect(inZone("America/New_York")).toEqual([
      "10:00–11:00 UTC-4",
      "10:00–11:00 UTC-4",
      "11:00–12:00 UTC-4",
      "10:00–11:00 UTC-5",
    ]);
  });
});

describe("formatForRegions", () => {
  it("gives one line per distinct local time among a region's zones", () => {
    const lines = formatForRegions(
      EVENING,
      [
        { id: "mena", timeZones: ["Asia/Amman", "Africa/Tunis", "Asia/Beirut"] },
        { id: "europe", timeZones: ["Europe/Brussels", "Europe/Berlin", "Europe/Paris"] },
      ],
      FR,
    );
    expect(lines.map((region) => [region.region, region.lines.map((line) => line.zones)])).toEqual([
      ["mena", [["Asia/Amman"], ["Africa/Tunis"], ["Asia/Beirut"]]],
      ["europe", [["Europe/Brussels", "Europe/Berlin", "Europe/Paris"]]],
    ]);
    expect(plain(lines[0]?.lines[0]?.text ?? "")).toBe("ven. 4 déc. 2026, 01:00 – 02:30 UTC+3 (+1 jour)");
    expect(plain(lines[0]?.lines[1]?.text ?? "")).toBe(
      "jeu. 3 déc. 2026, 23:00 – ven. 4 déc. 2026, 00:30 UTC+1",
    );
  });
});

describe("offsetLabel", () => {
  it.each([
    [0, "UTC"],
    [60, "UTC+1"],
    [330, "UTC+5:30"],
    [345, "UTC+5:45"],
    [-210, "UTC-3:30"],
    [-300, "UTC-5"],
  ])("%i -> %s", (minutes, label) => {
    expect(offsetLabel(minutes)).toBe(label);
  });
});
