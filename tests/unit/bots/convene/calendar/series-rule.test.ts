import { describe, expect, it } from "vitest";
import { parseSeriesRule } from "../../../../../bots/convene/calendar/series-rule.ts";

describe("parseSeriesRule", () => {
  it("reads frequency, interval, count and until", () => {
    const weekly = parseSeriesRule("FREQ=WEEKLY;INTERVAL=2;COUNT=6");
    expect(weekly.ok && weekly.value).toMatchObject({
      text: "FREQ=WEEKLY;INTERVAL=2;COUNT=6",
      frequency: "WEEKLY",
      interval: 2,
      count: 6,
    });
    const until = parseSeriesRule("RRULE:FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270101T000000Z");
    expect(until.ok && until.value).toMatchObject({
      text: "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270101T000000Z",
      frequency: "MONTHLY",
      interval: 1,
      until: Date.UTC(2027, 0, 1),
    });
  });

  it.each([
    ["", "not an RRULE"],
    ["FREQ=WEEKLY\r\nATTENDEE:mailto:x@example.org", "not an RRULE"],
    ["FREQ=WEEKLY;COUNT=3\nX", "not an RRULE"],
    ["FREQ=HOURLY", "FREQ must be"],
    ["FREQ=FORTNIGHTLY", "FREQ must be"],
    ["COUNT=3", "FREQ must be"],
    ["FREQ=WEEKLY;UNTIL=20270101T000000", "UNTIL must be a UTC"],
    ["FREQ=WEEKLY;UNTIL=20270101", "UNTIL must be a UTC"],
    ["FREQ=WEEKLY;COUNT=0", "COUNT must be"],
    ["FREQ=WEEKLY;COUNT=2;UNTIL=20270101T000000Z", "COUNT and UNTIL"],
    ["FREQ=WEEKLY;BOGUS=1", "not an RRULE"],
  ])("rejects %j", (input, message) => {
    const parsed = parseSeriesRule(input);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.error).toContain(message);
  });
});
