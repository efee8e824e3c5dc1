/**
 * A convening's length as people type it: "90m", "45min", "2h", "1h30m", "1h30". A bare
 * number is refused (90 minutes or 90 hours?), as is anything over a day: a longer event is
 * a series of sessions, each with its own time.
 */
import { type Result, ok, err } from "../../../lib/result.ts";

export interface DurationError {
  readonly kind: "invalid-duration";
  readonly token: string;
  readonly reason: "format" | "no-unit" | "zero" | "minutes-over-59" | "too-long";
}

/** The longest convening, in minutes. */
export const MAX_DURATION_MINUTES = 24 * 60;

const MINUTES = /^(\d{1,4})(?:m|min|mins)$/i;
const HOURS = /^(\d{1,2})h(?:(\d{1,2})(?:m|min|mins)?)?$/i;
const BARE = /^\d+$/;

/** Parses a duration into whole minutes. */
export function parseDuration(token: string): Result<number, DurationError> {
  const fail = (reason: DurationError["reason"]) => err({ kind: "invalid-duration" as const, token, reason });
  const minutesOnly = MINUTES.exec(token);
  const hours = HOURS.exec(token);
  let total: number;
  if (minutesOnly !== null) total = Number(minutesOnly[1]);
  else if (hours !== null) {
    const extra = Number(hours[2] ?? 0);
    // "1h75" is a typo, not 2h15.
    if (extra > 59) return fail("minutes-over-59");
    total = Number(hours[1]) * 60 + extra;
  } else return fail(BARE.test(token) ? "no-unit" : "format");
  if (total === 0) return fail("zero");
  if (total > MAX_DURATION_MINUTES) return fail("too-long");
  return ok(total);
}

/** The English message for a refused duration. */
export function renderDurationError(error: DurationError): string {
  const examples = `e.g. "90m", "2h" or "1h30"`;
  switch (error.reason) {
    case "format":
      return `"${error.token}" is not a duration: write it like ${examples}.`;
    case "no-unit":
      return `"${error.token}" has no unit: minutes or hours? Write it like ${examples}.`;
    case "zero":
      return `"${error.token}": a convening must last longer than zero.`;
    case "minutes-over-59":
      return `"${error.token}": the minutes after the hours must be below 60 (write 2h15 rather than 1h75).`;
    case "too-long":
      return `"${error.token}" is longer than a day; split a longer event into sessions.`;
  }
}
