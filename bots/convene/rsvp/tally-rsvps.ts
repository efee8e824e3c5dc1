/**
 * Who is going, who waits, from the answers alone. RSVPs are stored one state event per
 * person (see the model), so after a restart the bot has only the answers and their times;
 * the waitlist is therefore derived, never stored: the yeses in the order they were given
 * (earliest first), the first `capacity` of them going and the rest waiting. Giving up a
 * place and saying yes again is a new answer with a new time, so it goes to the back.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { Rsvp } from "../model/convening.ts";

/** Where one person stands. */
export type Standing = "going" | "waitlisted" | "maybe" | "declined" | "unanswered";

export interface RsvpTally {
  /** Confirmed, in answer order; never more than the capacity. */
  readonly going: readonly UserId[];
  /** Yeses beyond the capacity, first come first served. */
  readonly waitlist: readonly UserId[];
  readonly maybe: readonly UserId[];
  readonly no: readonly UserId[];
}

/** Orders answers by time; equal times by user id, so every replica agrees. */
export function byAnswerOrder(a: Rsvp, b: Rsvp): number {
  return Date.parse(a.at) - Date.parse(b.at) || (a.user < b.user ? -1 : a.user > b.user ? 1 : 0);
}

/** Each person's latest answer (a later `at` wins), in answer order. */
export function latestAnswers(rsvps: readonly Rsvp[]): Rsvp[] {
  const latest = new Map<UserId, Rsvp>();
  for (const rsvp of rsvps) {
    const known = latest.get(rsvp.user);
    if (known === undefined || byAnswerOrder(known, rsvp) <= 0) latest.set(rsvp.user, rsvp);
  }
  return [...latest.values()].sort(byAnswerOrder);
}

/** The tally of a set of answers; `capacity` undefined means no limit. */
export function tallyRsvps(rsvps: readonly Rsvp[], capacity?: number): RsvpTally {
  const answers = latestAnswers(rsvps);
  const yes = answers.filter((r) => r.answer === "yes").map((r) => r.user);
  const seats = capacity === undefined ? yes.length : Math.max(0, Math.floor(capacity));
  return {
    going: yes.slice(0, seats),
    waitlist: yes.slice(seats),
    maybe: answers.filter((r) => r.answer === "maybe").map((r) => r.user),
    no: answers.filter((r) => r.answer === "no").map((r) => r.user),
  };
}

export function standingOf(tally: RsvpTally, user: UserId): Standing {
  if (tally.going.includes(user)) return "going";
  if (tally.waitlist.includes(user)) return "waitlisted";
  if (tally.maybe.includes(user)) return "maybe";
  if (tally.no.includes(user)) return "declined";
  return "unanswered";
}
