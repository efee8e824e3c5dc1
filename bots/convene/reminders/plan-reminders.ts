/**
 * The reminder jobs a convening needs now: one per lead time for each occurrence that starts
 * within the horizon. Pure, so planning is re-run whenever a convening changes and, for
 * series, regularly (daily is plenty with the default horizon) so the horizon slides on;
 * `diffReminders` then says what to remove and add.
 */
import { type Result, err, ok } from "../../../lib/result.ts";
import { checkTime } from "../calendar/checked-time.ts";
import { expandChecked } from "../calendar/expand-occurrences.ts";
import type { Convening } from "../model/convening.ts";
import { reminderJobId } from "./reminder-job-id.ts";

export interface ReminderJob {
  /** Deterministic; contains no ":" (see reminder-job-id.ts). */
  readonly jobId: string;
  readonly conveningId: string;
  /** ISO instant of the occurrence the reminder is for. */
  readonly occurrenceStart: string;
  readonly leadMinutes: number;
  /** ISO instant to send it: the occurrence start minus the lead time. */
  readonly dueAt: string;
}

export interface ReminderOptions {
  /** How far ahead occurrences of a series get reminders, in days. */
  readonly horizonDays?: number;
  /**
   * A reminder whose time passed at most this many minutes ago is still planned, so a bot
   * restarting just after it was due still sends it (late) instead of dropping it; the
   * message says how long is actually left.
   */
  readonly graceMinutes?: number;
}

export const DEFAULT_HORIZON_DAYS = 60;
export const DEFAULT_GRACE_MINUTES = 15;

const MINUTE_MS = 60_000;

/** The reminders for `convening`, ordered by due time; none when it is cancelled. */
export function planReminders(
  convening: Convening,
  leadMinutes: readonly number[],
  now: Date,
  options: ReminderOptions = {},
): Result<readonly ReminderJob[], string> {
  const badLead = leadMinutes.find((lead) => !Number.isInteger(lead) || lead <= 0);
  if (badLead !== undefined) return err(`reminder lead time ${badLead} is not a positive number of minutes`);
  if (convening.status === "cancelled") return ok([]);
  const time = checkTime(convening.time);
  if (!time.ok) return err(`convening ${convening.id}: ${time.error}`);
  const at = now.getTime();
  const horizon = (options.horizonDays ?? DEFAULT_HORIZON_DAYS) * 1440 * MINUTE_MS;
  const grace = (options.graceMinutes ?? DEFAULT_GRACE_MINUTES) * MINUTE_MS;
  // Only occurrences still to come: one starting now or earlier needs no reminder.
  const occurrences = expandChecked(time.value, { from: at + 1, to: at + horizon });
  const leads = [...new Set(leadMinutes)].sort((a, b) => b - a);
  const jobs = occurrences.flatMap(({ start }) =>
    leads
      .map((lead) => ({ lead, due: start - lead * MINUTE_MS }))
      .filter(({ due }) => due >= at - grace)
      .map(({ lead, due }) => ({
        jobId: reminderJobId(convening.id, start, lead),
        conveningId: convening.id,
        occurrenceStart: new Date(start).toISOString(),
        leadMinutes: lead,
        dueAt: new Date(due).toISOString(),
      })),
  );
  return ok(jobs.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.jobId < b.jobId ? -1 : 1)));
}
