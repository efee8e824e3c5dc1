/**
 * True when an event is older than `maxAgeMs` at `now`.
 *
 * After a long outage a bot must not answer hour-old commands as if they were new (a reminder,
 * a vote, an invitation may no longer make sense), so the runtime drops them instead. An
 * origin_server_ts in the future (a skewed homeserver clock) counts as fresh: rejecting it would
 * silence a whole server because of its clock.
 */
export function isTooOld(originServerTs: number, now: number, maxAgeMs: number): boolean {
  return now - originServerTs > maxAgeMs;
}
