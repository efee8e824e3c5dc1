import rrulePackage from "rrule";
import { describe, expect, it } from "vitest";
import {
  MAX_OCCURRENCES,
  parseRecurrence,
  parseRecurrenceWords,
  renderRecurrenceError,
} from "../../../../../bots/convene/time/parse-recurrence.ts";

const { RRule } = rrulePackage;

// Thursday 15 October 2026, 16:00 in Brussels.
const CONTEXT = { start: "2026-10-15T14:00:00.000Z", zone: "Europe/Brussels" };

describe("parseRecurrence", () => {
  it.each([
    ["every day", "FREQ=DAILY"],
    ["every week", "FREQ=WEEKLY"],
    ["every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"],
    ["every other week", "FREQ=WEEKLY;INTERVAL=2"],
    ["every month", "FREQ=MONTHLY"],
    ["every 3 months", "FREQ=MONTHLY;INTERVAL=3"],
    ["every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    ["every week x6", "FREQ=WEEKLY;COUNT=6"],
    ["Every Week count 6", "FREQ=WEEKLY;COUNT=6"],
    ["every 2 weeks 4 times", "FREQ=WEEKLY;INTERVAL=2;COUNT=4"],
    // UNTIL is the end of that day in the series' zone, in UTC (RFC 5545 with a zoned DTSTART).
    ["every week until 2027-01-31", "FREQ=WEEKLY;UNTIL=20270131T225959Z"],
    ["every weekday until 2026-10-31", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261031T225959Z"],
  ])("%s -> %s", (text, rule) => {
    const parsed = parseRecurrence(text, CONTEXT);
    expect(parsed).toEqual({ ok: true, value: rule });
    // The rrule library reads it back to the same frequency, interval, count and until.
    const options = RRule.fromString(`RRULE:${rule}`).origOptions;
    expect(RRule.optionsToString(options)).toBe(`RRULE:${rule}`);
  });

  it("takes only its own words", () => {
    const words = "every 2 weeks x6 regions east-africa".split(" ");
    expect(parseRecurrenceWords(words, CONTEXT).consumed).toBe(4);
  });

  it.each([
    ["weekly", { kind: "not-a-recurrence", token: "weekly" }],
    ["every", { kind: "missing-frequency" }],
    ["every fortnight", { kind: "unknown-frequency", token: "fortnight" }],
    ["every 0 weeks", { kind: "bad-interval", token: "0" }],
    ["every 60 weeks", { kind: "bad-interval", token: "60" }],
    ["every 2 weekdays", { kind: "bad-interval", token: "2 weekdays" }],
    ["every week x0", { kind: "bad-count", token: "x0", max: MAX_OCCURRENCES }],
    ["every week count lots", { kind: "bad-count", token: "count lots", max: MAX_OCCURRENCES }],
    ["every week x400", { kind: "bad-count", token: "x400", max: MAX_OCCURRENCES }],
    ["every week until 31/01/2027", { kind: "bad-until", token: "31/01/2027", reason: "not-a-date" }],
    ["every week until 2027-02-30", { kind: "bad-until", token: "2027-02-30", reason: "not-a-date" }],
    ["every week until 2026-10-01", { kind: "bad-until", token: "2026-10-01", reason: "before-start" }],
    ["every week x6 until 2027-01-31", { kind: "count-and-until" }],
    ["every day until 2028-12-31", { kind: "too-many-occurrences", max: MAX_OCCURRENCES }],
    ["every week on tuesdays", { kind: "extra-words", words: ["on", "tuesdays"] }],
  ])("refuses %j", (text, error) => {
    const parsed = parseRecurrence(text, CONTEXT);
    expect(parsed).toEqual({ ok: false, error });
    if (!parsed.ok) expect(renderRecurrenceError(parsed.error).length).toBeGreaterThan(20);
  });

  it("refuses a monthly series from the 29th-31st, which RFC 5545 would skip in short months", () => {
    const start = { start: "2026-10-31T09:00:00.000Z", zone: "Europe/Brussels" };
    expect(parseRecurrence("every month", start)).toEqual({
      ok: false,
      error: { kind: "month-day-missing", day: 31 },
    });
    expect(parseRecurrence("every week", start).ok).toBe(true);
  });

  it("refuses a weekday series starting on a weekend", () => {
    const saturday = { start: "2026-10-17T09:00:00.000Z", zone: "Europe/Brussels" };
    expect(parseRecurrence("every weekday", saturday)).toEqual({
      ok: false,
      error: { kind: "start-not-weekday" },
    });
  });
});
