/** Reminder planning: which jobs a convening needs, with stable ids, and the reschedule diff. */
export type { ReminderDiff } from "./diff-reminders.ts";
export { diffReminders } from "./diff-reminders.ts";
export type { ReminderJob, ReminderOptions } from "./plan-reminders.ts";
export { DEFAULT_GRACE_MINUTES, DEFAULT_HORIZON_DAYS, planReminders } from "./plan-reminders.ts";
export { reminderJobId, reminderJobPrefix } from "./reminder-job-id.ts";
export { reminderTiming, type ReminderTiming } from "./reminder-timing.ts";
