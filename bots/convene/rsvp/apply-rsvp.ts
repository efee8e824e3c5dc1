/**
 * One person's answer applied to a convening's answers: the new answers, the new tally and
 * what to tell whom. Pure, so the bot can compute the outcome, write the person's RSVP
 * state event, then send the notices, and a retry computes the same thing.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { Rsvp, RsvpAnswer } from "../model/convening.ts";
import { type RsvpNotice, noticesBetween } from "./rsvp-notices.ts";
import { type RsvpTally, latestAnswers, tallyRsvps } from "./tally-rsvps.ts";

export interface RsvpOutcome extends RsvpTally {
  /** Everyone's current answer, one per person. */
  readonly rsvps: readonly Rsvp[];
  /** False when the answer is the one already recorded (a yes then keeps its place). */
  readonly changed: boolean;
  readonly notices: readonly RsvpNotice[];
}

/**
 * Applies `user`'s `answer`, taken at `at` (ISO instant); `capacity` undefined means no
 * limit. The queue follows the order in which the bot handles answers: an answer is recorded
 * at `at`, or 1 ms after the latest recorded answer when `at` is not later (two answers in
 * the same millisecond, a clock stepping back). Otherwise a tie broken by user id could put
 * a newcomer ahead of someone already told they have a place.
 */
export function applyRsvp(
  rsvps: readonly Rsvp[],
  user: UserId,
  answer: RsvpAnswer,
  at: string,
  capacity?: number,
): RsvpOutcome {
  const current = latestAnswers(rsvps);
  const before = tallyRsvps(current, capacity);
  if (current.find((r) => r.user === user)?.answer === answer)
    return { ...before, rsvps: current, changed: false, notices: [] };
  const taken = Date.parse(at);
  if (Number.isNaN(taken)) throw new Error(`applyRsvp needs an ISO instant, got "${at}"`);
  const latest = current.reduce((max, r) => Math.max(max, Date.parse(r.at) || -Infinity), -Infinity);
  const recorded = taken > latest ? at : new Date(latest + 1).toISOString();
  const updated = [...current.filter((r) => r.user !== user), { user, answer, at: recorded }];
  const after = tallyRsvps(updated, capacity);
  return { ...after, rsvps: updated, changed: true, notices: noticesBetween(before, after, user) };
}

/**
 * The tally and notices when the organiser changes the capacity: raising it promotes the
 * head of the waitlist, lowering it moves the latest yeses back to the waitlist.
 */
export function changeCapacity(
  rsvps: readonly Rsvp[],
  from: number | undefined,
  to: number | undefined,
): RsvpTally & { readonly notices: readonly RsvpNotice[] } {
  const before = tallyRsvps(rsvps, from);
  const after = tallyRsvps(rsvps, to);
  return { ...after, notices: noticesBetween(before, after) };
}
