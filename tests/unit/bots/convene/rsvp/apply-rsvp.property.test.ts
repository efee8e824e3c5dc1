/**
 * Properties of the waitlist over random sequences of answers, checked against a plain
 * queue simulation written independently of the implementation: a yes joins the back of
 * the queue (unless already in it), a no or maybe leaves it, and the first `capacity`
 * people of the queue are going. Answers often share a timestamp, which must not change
 * the order in which they were handled.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyRsvp } from "../../../../../bots/convene/rsvp/apply-rsvp.ts";
import type { Rsvp, RsvpAnswer } from "../../../../../bots/convene/model/convening.ts";
import type { UserId } from "../../../../../lib/matrix-ids.ts";
import { user } from "../calendar/convening-fixture.ts";

const PEOPLE = ["ada", "ben", "cyd", "dee", "eve", "fay"].map(user);

const step = fc.record({
  who: fc.constantFrom(...PEOPLE),
  answer: fc.constantFrom<RsvpAnswer>("yes", "no", "maybe"),
  // Answers may share a timestamp, and the clock may even step back.
  gapSeconds: fc.integer({ min: -2, max: 3 }),
});

const scenario = fc.record({
  capacity: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  steps: fc.array(step, { maxLength: 40 }),
});

describe("applyRsvp, for any sequence of answers", () => {
  it("keeps the tally equal to a simple queue, never over capacity, and notifies exactly the changes", () => {
    fc.assert(
      fc.property(scenario, ({ capacity, steps }) => {
        let rsvps: readonly Rsvp[] = [];
        let queue: UserId[] = [];
        const seats = capacity ?? Infinity;
        let clock = Date.UTC(2026, 10, 1);
        for (const { who, answer, gapSeconds } of steps) {
          clock += gapSeconds * 1000;
          const goingBefore = queue.slice(0, seats);
          const waitingBefore = queue.slice(seats);
          const outcome = applyRsvp(rsvps, who, answer, new Date(clock).toISOString(), capacity);
          rsvps = outcome.rsvps;

          // The reference queue.
          const inQueue = queue.includes(who);
          if (answer === "yes" && !inQueue) queue = [...queue, who];
          if (answer !== "yes" && inQueue) queue = queue.filter((u) => u !== who);
          const going = queue.slice(0, seats);
          const waiting = queue.slice(seats);

          expect(outcome.going).toEqual(going);
          expect(outcome.waitlist).toEqual(waiting);
          if (capacity !== undefined) expect(outcome.going.length).toBeLessThanOrEqual(capacity);
          expect(outcome.going.filter((u) => outcome.waitlist.includes(u))).toEqual([]);
          // No one waits while a place is free.
          if (outcome.waitlist.length > 0) expect(outcome.going.length).toBe(capacity);

          // A promotion happens exactly when a place is freed while someone waits, and it
          // goes to whoever waited longest.
          const freedSeat = goingBefore.includes(who) && answer !== "yes";
          const promoted = outcome.notices.filter((n) => n.kind === "promoted").map((n) => n.user);
          expect(promoted).toEqual(freedSeat && waitingBefore.length > 0 ? [waitingBefore[0]] : []);

          // The answerer hears about their own change of place, and only then.
          const own = outcome.notices.filter((n) => n.user === who).map((n) => n.kind);
          const wasIn = goingBefore.includes(who) || waitingBefore.includes(who);
          if (answer === "yes" && !wasIn)
            expect(own).toEqual([going.includes(who) ? "confirmed" : "waitlisted"]);
          else if (answer !== "yes" && wasIn) expect(own).toEqual(["withdrew"]);
          else expect(own).toEqual([]);
          expect(outcome.notices.filter((n) => n.kind === "demoted")).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the waitlist first come, first served: a later yes never passes an earlier one", () => {
    fc.assert(
      fc.property(scenario, ({ capacity, steps }) => {
        let rsvps: readonly Rsvp[] = [];
        let clock = Date.UTC(2026, 10, 1);
        for (const { who, answer, gapSeconds } of steps) {
          clock += gapSeconds * 1000;
          const outcome = applyRsvp(rsvps, who, answer, new Date(clock).toISOString(), capacity);
          rsvps = outcome.rsvps;
          const yesAt = (u: UserId) => Date.parse(rsvps.find((r) => r.user === u)!.at);
          const order = [...outcome.going, ...outcome.waitlist].map(yesAt);
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
      }),
      { numRuns: 300 },
    );
  });
});
