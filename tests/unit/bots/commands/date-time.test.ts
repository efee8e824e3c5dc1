import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ZonedDateTime, parseDateTimeWords } from "../../../../bots/runtime/commands/read-date-time.ts";
import { formatClock, formatDate, wallClockAt } from "../../../../bots/runtime/commands/zone-offsets.ts";

function parse(text: string) {
  return parseDateTimeWords(text.split(" "));
}

function accepted(text: string): ZonedDateTime {
  const parsed = parse(text);
  if (!parsed.result.ok) throw new Error(`"${text}" refused: ${parsed.result.error.problem}`);
  return parsed.result.value;
}

function refused(text: string) {
  const parsed = parse(text);
  if (parsed.result.ok) throw new Error(`"${text}" accepted`);
  return parsed.result.error;
}

describe("date-time: accepted forms", () => {
  it.each([
    ["2026-05-04T10:00Z", Date.UTC(2026, 4, 4, 10), "UTC", 0],
    ["2026-05-04T10:00:30.250z", Date.UTC(2026, 4, 4, 10, 0, 30), "UTC", 0],
    ["2026-05-04T10:00+02:00", Date.UTC(2026, 4, 4, 8), "+02:00", 120],
    ["2026-05-04T10:00-0400", Date.UTC(2026, 4, 4, 14), "-04:00", -240],
    ["2026-05-04 10:00Z", Date.UTC(2026, 4, 4, 10), "UTC", 0],
    ["2026-05-04 10:00 +05:45", Date.UTC(2026, 4, 4, 4, 15), "+05:45", 345],
    ["2026-05-04 10:00 Europe/Berlin", Date.UTC(2026, 4, 4, 8), "Europe/Berlin", 120],
    ["2026-01-04 10:00 Europe/Berlin", Date.UTC(2026, 0, 4, 9), "Europe/Berlin", 60],
    ["2026-05-04T10:00 europe/berlin", Date.UTC(2026, 4, 4, 8), "Europe/Berlin", 120],
    ["2026-05-04 10:00 Asia/Kathmandu", Date.UTC(2026, 4, 4, 4, 15), "Asia/Kathmandu", 345],
    ["2026-05-04 9:05 America/New_York", Date.UTC(2026, 4, 4, 13, 5), "America/New_York", -240],
    ["2026-05-04 10:00 UTC", Date.UTC(2026, 4, 4, 10), "UTC", 0],
  ])("%s", (text, epochMs, zone, offsetMinutes) => {
    expect(accepted(text)).toEqual({ epochMs, zone, offsetMinutes });
  });

  it("uses one, two or three words depending on the form", () => {
    expect(parseDateTimeWords(["2026-05-04T10:00Z", "90m"]).consumed).toBe(1);
    expect(parseDateTimeWords(["2026-05-04T10:00", "Europe/Berlin", "90m"]).consumed).toBe(2);
    expect(parseDateTimeWords(["2026-05-04", "10:00", "Europe/Berlin", "90m"]).consumed).toBe(3);
  });

  it("accepts times just outside a DST gap", () => {
    expect(accepted("2026-03-29 01:59 Europe/Berlin").offsetMinutes).toBe(60);
    expect(accepted("2026-03-29 03:00 Europe/Berlin").offsetMinutes).toBe(120);
  });
});

describe("date-time: DST gaps and overlaps are refused with both readings", () => {
  it.each([
    [
      "2026-03-29 02:30 Europe/Berlin",
      "does not exist in Europe/Berlin: the clocks jump from 02:00 to 03:00 on 2026-03-29",
      ["2026-03-29T01:30+01:00", "2026-03-29T03:30+02:00"],
    ],
    [
      "2026-10-25 02:30 Europe/Berlin",
      "happens twice in Europe/Berlin: the clocks go back from 03:00 to 02:00 on 2026-10-25",
      ["2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00"],
    ],
    [
      "2026-03-08 02:30 America/New_York",
      "does not exist in America/New_York: the clocks jump from 02:00 to 03:00 on 2026-03-08",
      ["2026-03-08T01:30-05:00", "2026-03-08T03:30-04:00"],
    ],
    [
      "2026-11-01 01:30 America/New_York",
      "happens twice in America/New_York: the clocks go back from 02:00 to 01:00 on 2026-11-01",
      ["2026-11-01T01:30-04:00", "2026-11-01T01:30-05:00"],
    ],
  ])("%s", (text, problemStart, alternatives) => {
    const error = refused(text);
    expect(error.found).toBe(text);
    expect(error.problem.startsWith(problemStart)).toBe(true);
    expect(error.alternatives).toEqual(alternatives);
    for (const alternative of alternatives) {
      expect(error.problem).toContain(alternative);
      // Each suggested reading is itself accepted, so the user can paste it back.
      expect(accepted(alternative).offsetMinutes).toBeTypeOf("number");
    }
  });
});

describe("date-time: refused input names the problem", () => {
  it.each([
    ["2026-13-40 10:00", "is not a date", undefined],
    ["2026-02-30 10:00 Europe/Berlin", "is not a date", undefined],
    ["tomorrow", "is not a date", undefined],
    ["2026-05-04", "has no time of day", undefined],
    ["2026-05-04 24:00 Europe/Berlin", "is not a time of day (00:00 to 23:59)", undefined],
    ["2026-05-04 10:00", "has no time zone", "a zone after the time, e.g. 2026-03-29 10:00 Europe/Berlin"],
    ["2026-05-04T10:00+15:00", 'has an offset "+15:00" outside -12:00 to +14:00', undefined],
    ["1850-05-04T10:00Z", "is outside the years 1900-2999", undefined],
    ["2026-05-04 10:00 Mars/Olympus_Mons", 'has a time zone "Mars/Olympus_Mons" I cannot use', undefined],
    [
      "2026-05-04 10:00 Europe/Berln",
      'has a time zone "Europe/Berln" I cannot use',
      "an IANA zone name, perhaps Europe/Berlin",
    ],
  ])("%s", (text, problem, expected) => {
    const error = refused(text);
    expect(error.found).toBe(text);
    expect(error.problem).toBe(problem);
    if (expected !== undefined) expect(error.expected).toBe(expected);
  });

  it.each(["EST", "CET", "PST"])("refuses the abbreviation %s, which is wrong half the year", (zone) => {
    const error = refused(`2026-07-04 10:00 ${zone}`);
    expect(error.problem).toBe(`has a time zone "${zone}" I cannot use`);
    expect(error.expected).toContain("America/New_York");
  });
});

describe("date-time: property", () => {
  const zones = [
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "UTC",
    "America/Santiago",
  ];
  it("a wall-clock time printed in a zone parses back to the same instant (or lists it)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (epoch, zone) => {
          const minute = Math.floor(epoch / 60_000) * 60_000;
          const wall = wallClockAt(minute, zone);
          const parsed = parse(`${formatDate(wall)} ${formatClock(wall)} ${zone}`).result;
          if (parsed.ok) expect(parsed.value.epochMs).toBe(minute);
          else expect(parsed.error.alternatives?.map((a) => accepted(a).epochMs)).toContain(minute);
        },
      ),
      { numRuns: 300 },
    );
  });
});
