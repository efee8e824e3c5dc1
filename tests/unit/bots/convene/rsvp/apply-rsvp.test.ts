import { describe, expect, it } from "vitest";
import { applyRsvp, changeCapacity } from "../../../../../bots/convene/rsvp/apply-rsvp.ts";
import { tallyRsvps } from "../../../../../bots/convene/rsvp/tally-rsvps.ts";
import type { Rsvp, RsvpAnswer } from "../../../../../bots/convene/model/convening.ts";
import type { UserId } from "../../../../../lib/matrix-ids.ts";
import { user } from "../calendar/convening-fixture.ts";

const [ada, ben, cyd, dee] = [user("ada"), user("ben"), user("cyd"), user("dee")] as const;

/** The minute `n` of a day, as an ISO instant: answers in test order. */
function minute(n: number): string {
  return new Date(Date.UTC(2026, 10, 1, 9, n)).toISOString();
}

/** Applies answers one after another, one minute apart, returning the last outcome. */
function answers(steps: readonly (readonly [UserId, RsvpAnswer])[], capacity?: number) {
  let rsvps: readonly Rsvp[] = [];
  let last = applyRsvp([], ada, "maybe", minute(0), capacity);
  steps.forEach(([who, answer], index) => {
    last = applyRsvp(rsvps, who, answer, minute(index + 1), capacity);
    rsvps = last.rsvps;
  });
  return last;
}

describe("applyRsvp", () => {
  it("confirms a yes while there are places", () => {
    const outcome = answers([[ada, "yes"]], 2);
    expect(outcome.going).toEqual([ada]);
    expect(outcome.notices).toEqual([{ user: ada, kind: "confirmed" }]);
    expect(outcome.changed).toBe(true);
  });

  it("puts yeses beyond the capacity on the waitlist, in answer order, with their position", () => {
    const third = answers(
      [
        [ada, "yes"],
        [ben, "yes"],
        [cyd, "yes"],
      ],
      2,
    );
    expect(third.going).toEqual([ada, ben]);
    expect(third.waitlist).toEqual([cyd]);
    expect(third.notices).toEqual([{ user: cyd, kind: "waitlisted", position: 1 }]);
    const fourth = applyRsvp(third.rsvps, dee, "yes", minute(10), 2);
    expect(fourth.waitlist).toEqual([cyd, dee]);
    expect(fourth.notices).toEqual([{ user: dee, kind: "waitlisted", position: 2 }]);
  });

  it("promotes the head of the waitlist when someone going says no, and tells both", () => {
    const outcome = answers(
      [
        [ada, "yes"],
        [ben, "yes"],
        [cyd, "yes"],
        [dee, "yes"],
        [ada, "no"],
      ],
      2,
    );
    expect(outcome.going).toEqual([ben, cyd]);
    expect(outcome.waitlist).toEqual([dee]);
    expect(outcome.no).toEqual([ada]);
    expect(outcome.notices).toEqual([
      { user: ada, kind: "withdrew", from: "going" },
      { user: cyd, kind: "promoted" },
    ]);
  });

  it("promotes too when someone going changes to maybe", () => {
    const outcome = answers(
      [
        [ada, "yes"],
        [ben, "yes"],
        [ada, "maybe"],
      ],
      1,
    );
    expect(outcome.going).toEqual([ben]);
    expect(outcome.maybe).toEqual([ada]);
    expect(outcome.notices).toEqual([
      { user: ada, kind: "withdrew", from: "going" },
      { user: ben, kind: "promoted" },
    ]);
  });

  it("promotes no one when a waiting person leaves, and moves those behind them up silently", () => {
    const outcome = answers(
      [
        [ada, "yes"],
        [ben, "yes"],
        [cyd, "yes"],
        [ben, "no"],
      ],
      1,
    );
    expect(outcome.going).toEqual([ada]);
    expect(outcome.waitlist).toEqual([cyd]);
    expect(outcome.notices).toEqual([{ user: ben, kind: "withdrew", from: "waitlist" }]);
  });

  it("treats yes after yes as nothing: no notice, and the place in the queue is kept", () => {
    const before = answers(
      [
        [ada, "yes"],
        [ben, "yes"],
        [cyd, "yes"],
      ],
      1,
    );
    const again = applyRsvp(before.rsvps, ben, "yes", minute(30), 1);
    expect(again.changed).toBe(false);
    expect(again.notices).toEqual([]);
    expect(again.waitlist).toEqual([ben, cyd]);
    expect(again.rsvps.find((r) => r.user === ben)?.at).toBe(minute(2));
  });

  it("sends someone who gave up their place and comes back to the end of the queue", () => {
    const outcome = answers(
      [
        [ada, "yes"],
        [ben, "yes"],
        [cyd, "yes"],
        [ada, "no"],
        [ada, "yes"],
      ],
      1,
    );
    expect(outcome.going).toEqual([ben]);
    expect(outcome.waitlist).toEqual([cyd, ada]);
    expect(outcome.notices).toEqual([{ user: ada, kind: "waitlisted", position: 2 }]);
  });

  it("queues answers in the order they are handled, even when the clock says otherwise", () => {
    // Same millisecond: the second yes is recorded just after the first, not ordered by id.
    const first = applyRsvp([], ben, "yes", minute(5), 1);
    const tie = applyRsvp(first.rsvps, ada, "yes", minute(5), 1);
    expect(tie.going).toEqual([ben]);
    expect(tie.notices).toEqual([{ user: ada, kind: "waitlisted", position: 1 }]);
    // A clock stepping back does not let a later answer overtake either.
    const back = applyRsvp(tie.rsvps, cyd, "yes", minute(1), 1);
    expect(back.waitlist).toEqual([ada, cyd]);
    expect(Date.parse(back.rsvps.find((r) => r.user === cyd)!.at)).toBeGreaterThan(Date.parse(minute(5)));
  });

  it("records the answer at the time given when it is the latest", () => {
    const outcome = applyRsvp(applyRsvp([], ben, "yes", minute(1)).rsvps, ada, "no", minute(2));
    expect(outcome.rsvps.find((r) => r.user === ada)).toEqual({ user: ada, answer: "no", at: minute(2) });
  });

  it("has no waitlist without a capacity", () => {
    const outcome = answers([
      [ada, "yes"],
      [ben, "yes"],
      [cyd, "yes"],
    ]);
    expect(outcome.going).toEqual([ada, ben, cyd]);
    expect(outcome.waitlist).toEqual([]);
  });

  it("sends no notice for a maybe or no that changes no place", () => {
    expect(answers([[ada, "maybe"]], 1).notices).toEqual([]);
    expect(
      answers(
        [
          [ada, "maybe"],
          [ada, "no"],
        ],
        1,
      ).notices,
    ).toEqual([]);
  });

  it("keeps one answer per person", () => {
    const outcome = answers(
      [
        [ada, "yes"],
        [ada, "maybe"],
        [ada, "no"],
        [ben, "yes"],
      ],
      5,
    );
    expect(outcome.rsvps.map((r) => r.user).sort()).toEqual([ada, ben].sort());
  });
});

describe("changeCapacity", () => {
  const rsvps = answers(
    [
      [ada, "yes"],
      [ben, "yes"],
      [cyd, "yes"],
      [dee, "yes"],
    ],
    2,
  ).rsvps;

  it("promotes from the head of the waitlist when places are added", () => {
    const changed = changeCapacity(rsvps, 2, 3);
    expect(changed.going).toEqual([ada, ben, cyd]);
    expect(changed.notices).toEqual([{ user: cyd, kind: "promoted" }]);
  });

  it("moves the latest yeses back to the waitlist when places are removed", () => {
    const changed = changeCapacity(rsvps, 2, 1);
    expect(changed.going).toEqual([ada]);
    expect(changed.waitlist).toEqual([ben, cyd, dee]);
    expect(changed.notices).toEqual([{ user: ben, kind: "demoted", position: 1 }]);
  });

  it("lets everyone in when the limit is lifted", () => {
    expect(changeCapacity(rsvps, 2, undefined).notices).toEqual([
      { user: cyd, kind: "promoted" },
      { user: dee, kind: "promoted" },
    ]);
  });
});

describe("tallyRsvps", () => {
  it("orders answers by time, not by the order they are listed in", () => {
    const listed: Rsvp[] = [
      { user: cyd, answer: "yes", at: "2026-11-01T09:03:00Z" },
      { user: ada, answer: "yes", at: "2026-11-01T09:01:00+00:00" },
      { user: ben, answer: "yes", at: "2026-11-01T11:02:00+02:00" },
    ];
    expect(tallyRsvps(listed, 1)).toEqual({ going: [ada], waitlist: [ben, cyd], maybe: [], no: [] });
  });

  it("breaks a tie in time by user id, so every replica agrees", () => {
    const at = "2026-11-01T09:00:00Z";
    const tally = tallyRsvps(
      [
        { user: ben, answer: "yes", at },
        { user: ada, answer: "yes", at },
      ],
      1,
    );
    expect(tally.going).toEqual([ada]);
  });
});
