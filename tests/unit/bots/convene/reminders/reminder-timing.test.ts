import { describe, expect, it } from "vitest";
import { reminderTiming } from "../../../../../bots/convene/reminders/index.ts";

const START = Date.parse("2026-12-03T12:00:00Z");
const MIN = 60_000;

describe("reminderTiming", () => {
  it("keeps the planned lead when sent on time or nearly", () => {
    expect(reminderTiming(START, 90, 60, START - 60 * MIN)).toEqual({ kind: "startsIn", minutes: 60 });
    expect(reminderTiming(START, 90, 60, START - 59 * MIN)).toEqual({ kind: "startsIn", minutes: 60 });
    // A 1-minute reminder run a quarter second after it was due still has "1 minute" to go.
    expect(reminderTiming(START, 90, 1, START - 59_750)).toEqual({ kind: "startsIn", minutes: 1 });
    expect(reminderTiming(START, 90, 1, START - 40_000)).toEqual({ kind: "startsIn", minutes: 1 });
    // 24 hours sent 20 minutes late is within 2% of the lead: still "24 hours".
    expect(reminderTiming(START, 90, 1440, START - 1420 * MIN)).toEqual({ kind: "startsIn", minutes: 1440 });
  });

  it("says the time actually left when sent late", () => {
    expect(reminderTiming(START, 90, 60, START - 40 * MIN)).toEqual({ kind: "startsIn", minutes: 40 });
    expect(reminderTiming(START, 90, 1440, START - 600 * MIN)).toEqual({ kind: "startsIn", minutes: 600 });
  });

  it("says it is starting, or started, once the start is reached", () => {
    expect(reminderTiming(START, 90, 60, START - 25_000)).toEqual({ kind: "startingNow" });
    expect(reminderTiming(START, 90, 60, START + 30_000)).toEqual({ kind: "startingNow" });
    expect(reminderTiming(START, 90, 60, START + 20 * MIN + 5_000)).toEqual({
      kind: "startedAgo",
      minutes: 20,
    });
  });

  it("sends nothing once the occurrence is over", () => {
    expect(reminderTiming(START, 90, 60, START + 90 * MIN)).toEqual({ kind: "over" });
    expect(reminderTiming(START, 90, 60, START + 3 * 60 * MIN)).toEqual({ kind: "over" });
  });
});
