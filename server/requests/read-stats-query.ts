/**
 * The query of `GET /api/v1/requests/stats`: an optional `since`, an ISO 8601 date or date
 * and time (`2026-01-01`, `2026-01-01T08:00:00Z`), from which cases are counted by creation.
 */
import { type Result, err, ok } from "../../lib/result.ts";
import type { FieldProblem } from "../api/field-problems.ts";

/** What the statistics are asked for. */
export interface StatsQuery {
  /** Ms since epoch; absent: every case. */
  readonly since?: number;
}

// A date, optionally a time with seconds and fraction, and then a zone (Z or ±hh:mm), which a
// time must have: a time without a zone would mean the hub's own, different on every server.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** The query in `query` (express' parsed query string), or the parameter at fault. */
export function readStatsQuery(query: Readonly<Record<string, unknown>>): Result<StatsQuery, FieldProblem[]> {
  const problems: FieldProblem[] = Object.keys(query)
    .filter((name) => name !== "since")
    .map((name) => ({ field: name, message: "is not a parameter of this request" }));
  const since = query["since"];
  if (since === undefined) return problems.length > 0 ? err(problems) : ok({});
  const at = typeof since === "string" && ISO_INSTANT.test(since) ? Date.parse(since) : Number.NaN;
  // Date.parse also rolls impossible dates over (2026-02-30 is 2 March), so check the date
  // part round-trips.
  if (Number.isNaN(at) || (typeof since === "string" && !sameDate(since, at)))
    problems.push({ field: "since", message: "must be one ISO 8601 date or date-time, e.g. 2026-01-01" });
  return problems.length > 0 ? err(problems) : ok({ since: at });
}

function sameDate(text: string, at: number): boolean {
  // Only checkable for a plain date (UTC midnight); with a time and offset, the date part is
  // local to the offset, so compare in that zone.
  const date = text.slice(0, 10);
  const offset = /(?:Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  const shiftMinutes =
    offset?.[1] === undefined
      ? 0
      : (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return new Date(at + shiftMinutes * 60_000).toISOString().slice(0, 10) === date;
}
