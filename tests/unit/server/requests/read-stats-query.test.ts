import { describe, expect, it } from "vitest";
import { readStatsQuery } from "../../../../server/requests/read-stats-query.ts";

describe("readStatsQuery", () => {
  it("reads no parameter as every case", () => {
    expect(readStatsQuery({})).toEqual({ ok: true, value: {} });
  });

  it("reads since as a date or a date-time with a zone", () => {
    expect(readStatsQuery({ since: "2026-01-01" })).toEqual({
      ok: true,
      value: { since: Date.UTC(2026, 0, 1) },
    });
    expect(readStatsQuery({ since: "2026-01-01T08:30:00Z" })).toEqual({
      ok: true,
      value: { since: Date.UTC(2026, 0, 1, 8, 30) },
    });
    expect(readStatsQuery({ since: "2026-01-01T23:30+03:00" })).toEqual({
      ok: true,
      value: { since: Date.UTC(2026, 0, 1, 20, 30) },
    });
  });

  it.each([
    ["words", "last week"],
    ["an impossible date", "2026-02-30"],
    ["a month 13", "2026-13-01"],
    ["a time without a zone", "2026-01-01T08:00"],
    ["a number", "1767225600000"],
    ["empty", ""],
    ["given twice", ["2026-01-01", "2026-02-01"]],
  ])("refuses since when %s, naming it", (_name, since) => {
    expect(readStatsQuery({ since })).toEqual({
      ok: false,
      error: [{ field: "since", message: "must be one ISO 8601 date or date-time, e.g. 2026-01-01" }],
    });
  });

  it("names parameters it does not know", () => {
    expect(readStatsQuery({ threshold: "1" })).toEqual({
      ok: false,
      error: [{ field: "threshold", message: "is not a parameter of this request" }],
    });
  });
});
