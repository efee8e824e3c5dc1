/**
 * What people must be told when a tally changes, found by comparing the tally before and
 * after rather than by tracking each case: whoever gained a place, lost one or started
 * waiting is told, and no one else. Moving up the waitlist without getting a place is not
 * worth a message.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { RsvpTally } from "./tally-rsvps.ts";

export type RsvpNotice =
  /** The person who answered yes got a place. */
  | { readonly user: UserId; readonly kind: "confirmed" }
  /** The person who answered yes is waiting, at this 1-based position. */
  | { readonly user: UserId; readonly kind: "waitlisted"; readonly position: number }
  /** Someone else left, and this waiting person now has a place. */
  | { readonly user: UserId; readonly kind: "promoted" }
  /** This person had a place and is now waiting (the capacity went down). */
  | { readonly user: UserId; readonly kind: "demoted"; readonly position: number }
  /** The person who answered no or maybe gave up a place or left the waitlist. */
  | { readonly user: UserId; readonly kind: "withdrew"; readonly from: "going" | "waitlist" };

/**
 * The notices for a change from `before` to `after`. `actor` is who answered (their own
 * change is "confirmed"/"waitlisted"/"withdrew"); changes to anyone else are consequences
 * ("promoted"/"demoted"). The actor's notice comes first, then others in list order.
 */
export function noticesBetween(before: RsvpTally, after: RsvpTally, actor?: UserId): RsvpNotice[] {
  const wasGoing = new Set(before.going);
  const wasWaiting = new Set(before.waitlist);
  const isGoing = new Set(after.going);
  const isWaiting = new Set(after.waitlist);
  const notices: RsvpNotice[] = [];
  const people = [...new Set([...(actor === undefined ? [] : [actor]), ...after.going, ...after.waitlist])];
  for (const user of people) {
    if (isGoing.has(user) && !wasGoing.has(user))
      notices.push(
        user === actor && !wasWaiting.has(user) ? { user, kind: "confirmed" } : { user, kind: "promoted" },
      );
    else if (isWaiting.has(user) && !wasWaiting.has(user)) {
      const position = after.waitlist.indexOf(user) + 1;
      notices.push(
        wasGoing.has(user) ? { user, kind: "demoted", position } : { user, kind: "waitlisted", position },
      );
    }
  }
  if (actor !== undefined && !isGoing.has(actor) && !isWaiting.has(actor)) {
    if (wasGoing.has(actor)) notices.push({ user: actor, kind: "withdrew", from: "going" });
    else if (wasWaiting.has(actor)) notices.push({ user: actor, kind: "withdrew", from: "waitlist" });
  }
  // The actor's own notice first: it answers what they just did.
  return notices.sort((a, b) => Number(b.user === actor) - Number(a.user === actor));
}
