import { describe, expect, it } from "vitest";
import {
  type ParsedWhen,
  type WhenContext,
  parseWhen,
  parseWhenWords,
} from "../../../../../bots/convene/time/parse-when.ts";
import type { WhenError } from "../../../../../bots/convene/time/when-error.ts";

// Thursday 15 January 2026, 13:00 in Brussels: winter time everywhere in the north.
const WINTER: WhenContext = { now: "2026-01-15T12:00:00Z", defaultZone: "Europe/Brussels" };
// Monday 23 March 2026, 11:00 in Brussels.
const MONDAY: WhenContext = { now: new Date("2026-03-23T10:00:00Z"), defaultZone: "Europe/Brussels" };

function accepted(text: string, context: WhenContext = WINTER): ParsedWhen {
  const parsed = parseWhen(text, context);
  if (!parsed.ok) throw new Error(`"${text}" refused: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}

function refused(text: string, context: WhenContext = WINTER): WhenError {
  const parsed = parseWhen(text, context);
  if (parsed.ok) throw new Error(`"${text}" accepted as ${JSON.stringify(parsed.value)}`);
  return parsed.error;
}

function optionsOf(error: WhenError): { local: string; note: string; start: string }[] {
  return "options" in error ? error.options.map(({ local, note, start }) => ({ local, note, start })) : [];
}

describe("parseWhen: accepted forms", () => {
  it.each([
    // An instant with an offset or Z is exact; the zone is the caller's unless one is named.
    ["2026-12-03T11:00Z", "2026-12-03T11:00:00.000Z", "Europe/Brussels"],
    ["2026-12-03T14:00+03:00", "2026-12-03T11:00:00.000Z", "Europe/Brussels"],
    ["2026-12-03T14:00:30.250+03:00", "2026-12-03T11:00:30.250Z", "Europe/Brussels"],
    ["2026-12-03T14:00+03:00 Africa/Nairobi", "2026-12-03T11:00:00.000Z", "Africa/Nairobi"],
    // Without an offset: local time in the named or default zone.
    ["2026-12-03T14:00", "2026-12-03T13:00:00.000Z", "Europe/Brussels"],
    ["2026-12-03 14:00 Africa/Nairobi", "2026-12-03T11:00:00.000Z", "Africa/Nairobi"],
    ["2026-12-03 14:00 africa/nairobi", "2026-12-03T11:00:00.000Z", "Africa/Nairobi"],
    ["2026-12-03 2pm", "2026-12-03T13:00:00.000Z", "Europe/Brussels"],
    ["2026-12-03 2:30 PM", "2026-12-03T13:30:00.000Z", "Europe/Brussels"],
    ["2026-12-03 12am", "2026-12-02T23:00:00.000Z", "Europe/Brussels"],
    ["2026-12-03 12pm", "2026-12-03T11:00:00.000Z", "Europe/Brussels"],
    ["2026-12-03 14h30", "2026-12-03T13:30:00.000Z", "Europe/Brussels"],
    ["2026-12-03 at 14:00", "2026-12-03T13:00:00.000Z", "Europe/Brussels"],
    ["2026-12-03 15", "2026-12-03T14:00:00.000Z", "Europe/Brussels"],
    ["3 Dec 2026 14:00", "2026-12-03T13:00:00.000Z", "Europe/Brussels"],
    ["December 3, 2026 14:00", "2026-12-03T13:00:00.000Z", "Europe/Brussels"],
    ["3 décembre 2026 14h", "2026-12-03T13:00:00.000Z", "Europe/Brussels"],
    // Only one reading is a real date: 25 can only be the day.
    ["25/12/2026 09:30", "2026-12-25T08:30:00.000Z", "Europe/Brussels"],
    ["12/25/2026 09:30", "2026-12-25T08:30:00.000Z", "Europe/Brussels"],
    ["05/05/2026 09:30", "2026-05-05T07:30:00.000Z", "Europe/Brussels"],
    ["2026-12-03 14:00 UTC", "2026-12-03T14:00:00.000Z", "UTC"],
  ])("%s", (text, start, zone) => {
    expect(accepted(text)).toEqual({ start, zone });
  });

  it("counts today and tomorrow from now in the zone it reads in", () => {
    expect(accepted("tomorrow 09:30")).toEqual({
      start: "2026-01-16T08:30:00.000Z",
      zone: "Europe/Brussels",
    });
    expect(accepted("today 15:00")).toEqual({ start: "2026-01-15T14:00:00.000Z", zone: "Europe/Brussels" });
    expect(accepted("demain 9h30")).toEqual({ start: "2026-01-16T08:30:00.000Z", zone: "Europe/Brussels" });
    // 23:30 UTC on 15 January is already 16 January in Nairobi: "tomorrow" there is the 17th.
    const lateUtc = { now: "2026-01-15T23:30:00Z", defaultZone: "Africa/Nairobi" };
    expect(accepted("tomorrow 09:30", lateUtc)).toEqual({
      start: "2026-01-17T06:30:00.000Z",
      zone: "Africa/Nairobi",
    });
  });

  it("reads a weekday as the next such day when today is another day", () => {
    // Thursday 15 January: "tuesday" is 20 January.
    expect(accepted("tuesday 15:00")).toEqual({ start: "2026-01-20T14:00:00.000Z", zone: "Europe/Brussels" });
    expect(accepted("Tue 15:00")).toEqual({ start: "2026-01-20T14:00:00.000Z", zone: "Europe/Brussels" });
    // On a Thursday, the first Tuesday after today is also next week's Tuesday: no ambiguity.
    expect(accepted("next tuesday 15:00")).toEqual({
      start: "2026-01-20T14:00:00.000Z",
      zone: "Europe/Brussels",
    });
    expect(accepted("mardi prochain 15h")).toEqual({
      start: "2026-01-20T14:00:00.000Z",
      zone: "Europe/Brussels",
    });
  });

  it("reads half-hour and quarter-hour zones exactly", () => {
    expect(accepted("2026-12-03 14:00 Asia/Kolkata")).toEqual({
      start: "2026-12-03T08:30:00.000Z",
      zone: "Asia/Kolkata",
    });
    expect(accepted("2026-12-03 14:00 Asia/Kathmandu")).toEqual({
      start: "2026-12-03T08:15:00.000Z",
      zone: "Asia/Kathmandu",
    });
    expect(accepted("2026-12-03T14:00+05:45 Asia/Kathmandu").start).toBe("2026-12-03T08:15:00.000Z");
  });

  it("accepts the times just outside the DST changes", () => {
    expect(accepted("2026-03-29 01:59 Europe/Brussels").start).toBe("2026-03-29T00:59:00.000Z");
    expect(accepted("2026-03-29 03:00 Europe/Brussels").start).toBe("2026-03-29T01:00:00.000Z");
    expect(accepted("2026-10-25 01:59 Europe/Brussels").start).toBe("2026-10-24T23:59:00.000Z");
    expect(accepted("2026-10-25 03:00 Europe/Brussels").start).toBe("2026-10-25T02:00:00.000Z");
    expect(accepted("2026-03-08 03:00 America/New_York").start).toBe("2026-03-08T07:00:00.000Z");
    expect(accepted("2026-11-01 02:00 America/New_York").start).toBe("2026-11-01T07:00:00.000Z");
  });

  it("says how many words it took, so the command can go on from there", () => {
    const words = (text: string) => parseWhenWords(text.split(" "), WINTER);
    expect(words("2026-12-03 14:00 Africa/Nairobi 90m every week").consumed).toBe(3);
    expect(words("2026-12-03 14:00 90m").consumed).toBe(2);
    expect(words("2026-12-03T11:00Z 90m").consumed).toBe(1);
    expect(words("next tuesday 3 pm Europe/Brussels 1h").consumed).toBe(5);
    expect(words("tomorrow 09:30 regions").consumed).toBe(2);
  });
});

describe("parseWhen: ambiguity is refused with every reading", () => {
  it("refuses 03/12/2026, offering 3 December and 12 March", () => {
    const error = refused("03/12/2026 14:00");
    expect(error).toMatchObject({ kind: "ambiguous", what: "date", token: "03/12/2026" });
    expect(optionsOf(error)).toEqual([
      { local: "2026-12-03T14:00+01:00", note: "day-first", start: "2026-12-03T13:00:00.000Z" },
      { local: "2026-03-12T14:00+01:00", note: "month-first", start: "2026-03-12T13:00:00.000Z" },
    ]);
  });

  it("refuses a bare hour from 1 to 12, offering morning and afternoon", () => {
    const error = refused("2026-12-03 3");
    expect(error).toMatchObject({ kind: "ambiguous", what: "hour", token: "3" });
    expect(optionsOf(error).map((option) => option.local)).toEqual([
      "2026-12-03T03:00+01:00",
      "2026-12-03T15:00+01:00",
    ]);
  });

  it("refuses a time without a date, offering today (if ahead) and tomorrow", () => {
    const error = refused("12:00");
    expect(error).toMatchObject({ kind: "missing-date", token: "12:00" });
    // At 13:00 in Brussels, today's 12:00 has passed: only tomorrow is offered.
    expect(optionsOf(error)).toEqual([
      { local: "2026-01-16T12:00+01:00", note: "tomorrow", start: "2026-01-16T11:00:00.000Z" },
    ]);
    expect(optionsOf(refused("18:00")).map((option) => option.note)).toEqual(["today", "tomorrow"]);
  });

  it("refuses a weekday said on that very day: today or in a week", () => {
    const error = refused("monday 15:00", MONDAY);
    expect(error).toMatchObject({ kind: "ambiguous", what: "weekday", token: "monday" });
    expect(optionsOf(error).map((option) => [option.local, option.note])).toEqual([
      ["2026-03-23T15:00+01:00", "this-week"],
      // A week later Brussels is on summer time: same wall clock, another offset.
      ["2026-03-30T15:00+02:00", "next-week"],
    ]);
  });

  it("refuses 'next tuesday' on a Monday: tomorrow or the Tuesday of next week", () => {
    const error = refused("next tuesday 15:00", MONDAY);
    expect(error).toMatchObject({ kind: "ambiguous", what: "weekday", token: "next tuesday" });
    expect(optionsOf(error).map((option) => [option.local, option.note])).toEqual([
      ["2026-03-24T15:00+01:00", "coming"],
      ["2026-03-31T15:00+02:00", "of-next-week"],
    ]);
  });

  it("follows the configured week start for 'next'", () => {
    // Thursday 15 January; with weeks starting on Sunday, "next saturday" is still two days
    // away for some and nine for others.
    const sundayWeeks: WhenContext = { ...WINTER, weekStartsOn: "sun" };
    expect(refused("next saturday 10:00", sundayWeeks)).toMatchObject({ kind: "ambiguous", what: "weekday" });
    expect(refused("next saturday 10:00")).toMatchObject({ kind: "ambiguous", what: "weekday" });
    // "next monday" on a Thursday is next week's Monday under a Monday week start.
    expect(accepted("next monday 10:00").start).toBe("2026-01-19T09:00:00.000Z");
  });

  it("refuses an offset that disagrees with the named zone", () => {
    const error = refused("2026-12-03T14:00+03:00 Europe/Brussels");
    expect(error).toMatchObject({
      kind: "offset-conflict",
      zone: "Europe/Brussels",
      writtenOffset: "+03:00",
      zoneOffset: "+01:00",
    });
    expect(optionsOf(error).map((option) => option.start)).toEqual([
      "2026-12-03T11:00:00.000Z",
      "2026-12-03T13:00:00.000Z",
    ]);
  });
});

describe("parseWhen: DST gaps and overlaps", () => {
  it.each([
    // Europe: last Sunday of March, clocks 02:00 -> 03:00.
    [
      "2026-03-29 02:30 Europe/Brussels",
      "nonexistent-local-time",
      ["02:00", "03:00"],
      [
        ["2026-03-29T01:30+01:00", "before-change", "2026-03-29T00:30:00.000Z"],
        ["2026-03-29T03:30+02:00", "after-change", "2026-03-29T01:30:00.000Z"],
      ],
    ],
    // Europe: last Sunday of October, clocks 03:00 -> 02:00.
    [
      "2026-10-25 02:30 Europe/Brussels",
      "repeated-local-time",
      ["03:00", "02:00"],
      [
        ["2026-10-25T02:30+02:00", "first", "2026-10-25T00:30:00.000Z"],
        ["2026-10-25T02:30+01:00", "second", "2026-10-25T01:30:00.000Z"],
      ],
    ],
    // North America: second Sunday of March.
    [
      "2026-03-08 02:30 America/New_York",
      "nonexistent-local-time",
      ["02:00", "03:00"],
      [
        ["2026-03-08T01:30-05:00", "before-change", "2026-03-08T06:30:00.000Z"],
        ["2026-03-08T03:30-04:00", "after-change", "2026-03-08T07:30:00.000Z"],
      ],
    ],
    // North America: first Sunday of November.
    [
      "2026-11-01 01:30 America/New_York",
      "repeated-local-time",
      ["02:00", "01:00"],
      [
        ["2026-11-01T01:30-04:00", "first", "2026-11-01T05:30:00.000Z"],
        ["2026-11-01T01:30-05:00", "second", "2026-11-01T06:30:00.000Z"],
      ],
    ],
  ])("%s", (text, kind, [clocksFrom, clocksTo], options) => {
    const error = refused(text);
    expect(error).toMatchObject({ kind, clocksFrom, clocksTo });
    expect(optionsOf(error).map((option) => [option.local, option.note, option.start])).toEqual(options);
  });

  it("applies to the default zone too", () => {
    expect(refused("2026-03-29 02:15")).toMatchObject({
      kind: "nonexistent-local-time",
      zone: "Europe/Brussels",
      local: "2026-03-29T02:15",
    });
  });
});

describe("parseWhen: bad input names the bad words", () => {
  it.each([
    ["", { kind: "empty" }],
    ["soonish", { kind: "unrecognised", token: "soonish" }],
    ["2026-02-30 10:00", { kind: "invalid-date", token: "2026-02-30", reason: "no-such-day" }],
    ["2027-02-29 10:00", { kind: "invalid-date", token: "2027-02-29", reason: "no-such-day" }],
    ["2026-13-01 10:00", { kind: "invalid-date", token: "2026-13-01", reason: "no-such-month" }],
    ["2026-13-01T10:00Z", { kind: "invalid-date", token: "2026-13-01T10:00Z", reason: "no-such-month" }],
    ["31/31/2026 10:00", { kind: "invalid-date", token: "31/31/2026", reason: "no-such-month" }],
    ["30/02/2026 10:00", { kind: "invalid-date", token: "30/02/2026", reason: "no-such-day" }],
    ["03/12/26 10:00", { kind: "invalid-date", token: "03/12/26", reason: "two-digit-year" }],
    ["31 feb 2026 10:00", { kind: "invalid-date", token: "31 feb 2026", reason: "no-such-day" }],
    ["2026-12-03 25:00", { kind: "invalid-time", token: "25:00" }],
    ["2026-12-03 14:60", { kind: "invalid-time", token: "14:60" }],
    ["2026-12-03 13pm", { kind: "invalid-time", token: "13pm" }],
    ["2026-12-03 14:00:00", { kind: "invalid-time", token: "14:00:00" }],
    ["2026-12-03 14:00 EST", { kind: "zone-abbreviation", token: "EST" }],
    ["2026-12-03 14:00 CET", { kind: "zone-abbreviation", token: "CET" }],
    ["2026-12-03", { kind: "missing-time", token: "2026-12-03" }],
    ["tomorrow", { kind: "missing-time", token: "tomorrow" }],
    ["2026-12-03 14:00 soon", { kind: "extra-words", words: ["soon"] }],
  ])("%j", (text, expected) => {
    expect(refused(text)).toEqual(expected);
  });

  it("names an unknown zone and suggests close ones", () => {
    const error = refused("2026-12-03 14:00 Africa/Nairob");
    expect(error).toMatchObject({ kind: "invalid-zone", token: "Africa/Nairob" });
    expect(error.kind === "invalid-zone" ? error.suggestions[0] : undefined).toBe("Africa/Nairobi");
    expect(refused("2026-12-03 14:00 Mars/Olympus_Mons")).toMatchObject({
      kind: "invalid-zone",
      token: "Mars/Olympus_Mons",
    });
  });

  it("reports a bad default zone as the bad token", () => {
    expect(refused("2026-12-03 14:00", { ...WINTER, defaultZone: "Nowhere/Land" })).toMatchObject({
      kind: "invalid-zone",
      token: "Nowhere/Land",
    });
  });

  it("refuses a time already past", () => {
    expect(refused("2026-01-15 12:30")).toEqual({
      kind: "in-the-past",
      start: "2026-01-15T11:30:00.000Z",
      zone: "Europe/Brussels",
      local: "2026-01-15T12:30+01:00",
    });
    expect(refused("2025-12-03T11:00Z")).toMatchObject({ kind: "in-the-past" });
  });
});
