/**
 * What a reminder should say when it is actually sent. Jobs can run late (the bot was down,
 * Redis was restarted, a thousand reminders were due in the same minute), and "starts in 1
 * hour" sent 20 minutes late would send people to the wrong time. Pure, so it is unit-tested.
 */

export type ReminderTiming =
  | { readonly kind: "startsIn"; readonly minutes: number }
  | { readonly kind: "startingNow" }
  | { readonly kind: "startedAgo"; readonly minutes: number }
  /** The occurrence has ended: a reminder now would only be noise. */
  | { readonly kind: "over" };

const MINUTE_MS = 60_000;

/**
 * The timing for a reminder planned `leadMinutes` before `start`, sent at `now`, for an
 * occurrence lasting `durationMinutes`. Within 2% of the lead (at least a minute) the planned
 * lead is kept, so an on-time "24 hours" does not become "23 hours 59 minutes".
 */
export function reminderTiming(
  start: number,
  durationMinutes: number,
  leadMinutes: number,
  now: number,
): ReminderTiming {
  const left = (start - now) / MINUTE_MS;
  // A job runs a moment after it is due: a 1-minute reminder has 59.8 s left, not a minute.
  if (left >= 0.5 && Math.abs(left - leadMinutes) <= Math.max(1, leadMinutes * 0.02))
    return { kind: "startsIn", minutes: leadMinutes };
  if (left >= 0.5) return { kind: "startsIn", minutes: Math.max(1, Math.round(left)) };
  if (left > -1) return { kind: "startingNow" };
  if (-left >= durationMinutes) return { kind: "over" };
  return { kind: "startedAgo", minutes: Math.floor(-left) };
}
