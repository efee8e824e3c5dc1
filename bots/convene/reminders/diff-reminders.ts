/**
 * What to change in the queue to go from the reminder jobs scheduled for a convening to
 * the ones it needs: remove the ones no longer wanted (moved, cancelled, lead time dropped),
 * add the new ones, leave the rest alone so a reminder already counting down is not reset.
 */
import type { ReminderJob } from "./plan-reminders.ts";

export interface ReminderDiff {
  readonly remove: readonly string[];
  readonly add: readonly ReminderJob[];
  readonly keep: readonly string[];
}

/**
 * `scheduled` is the ids of the convening's jobs in the queue (those starting with
 * `reminderJobPrefix(id)`), `desired` what `planReminders` returned.
 */
export function diffReminders(scheduled: Iterable<string>, desired: readonly ReminderJob[]): ReminderDiff {
  const existing = new Set(scheduled);
  const wanted = new Set(desired.map((job) => job.jobId));
  return {
    remove: [...existing].filter((id) => !wanted.has(id)).sort(),
    add: desired.filter((job) => !existing.has(job.jobId)),
    keep: [...existing].filter((id) => wanted.has(id)).sort(),
  };
}
