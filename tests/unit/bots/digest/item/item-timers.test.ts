import { describe, expect, it } from "vitest";
import {
  itemJobPrefix,
  restoreTimers,
  timerEvent,
  timerJobId,
} from "../../../../../bots/digest/item/index.ts";
import {
  ALI,
  BEA,
  CAS,
  DAY,
  HOUR,
  T0,
  apply,
  applyAll,
  approve,
  consent,
  effectsOf,
  inReview,
  itemId,
  otherItemId,
  nominated,
  refusal,
  steering,
  timerOf,
} from "./item-fixtures.ts";

describe("item timers", () => {
  it("refuses a deadline that fires after everyone answered", () => {
    const asked = nominated().record;
    const timer = timerOf(asked, "consent-deadline");
    const answered = applyAll(asked, [consent(ALI, "named"), consent(BEA, "named"), consent(CAS, "named")]);
    expect(answered.state).toBe("awaiting-redaction");
    expect(refusal(answered, timerEvent(timer), T0 + 72 * HOUR)).toEqual({ kind: "stale-timer", timer });
  });

  it("refuses a twin job, a payload under the wrong event, and one for another item", () => {
    const asked = nominated().record;
    const timer = timerOf(asked, "consent-deadline");
    const fired = apply(asked, timerEvent(timer), T0 + 72 * HOUR).record;
    expect(refusal(fired, timerEvent(timer), T0 + 72 * HOUR).kind).toBe("stale-timer");
    expect(refusal(asked, { kind: "embargoReached", timer }).kind).toBe("stale-timer");
    expect(refusal(asked, timerEvent({ ...timer, item: otherItemId })).kind).toBe("stale-timer");
    expect(refusal(asked, timerEvent({ ...timer, preview: 2 })).kind).toBe("stale-timer");
  });

  it("sets a deadline job again when it runs early, and waits for the answers", () => {
    const asked = nominated().record;
    const early = apply(asked, timerEvent(timerOf(asked, "consent-deadline")), T0 + 71 * HOUR);
    expect(early.record.state).toBe("awaiting-consent");
    expect(early.record.authors.every((entry) => entry.consent === "pending")).toBe(true);
    expect(effectsOf(early, "schedule-timer").map((effect) => [effect.jobId, effect.due])).toEqual([
      [timerJobId(itemId, "consent-deadline", 2), T0 + 72 * HOUR],
    ]);
    const due = apply(early.record, timerEvent(timerOf(early.record, "consent-deadline")), T0 + 72 * HOUR);
    expect(due.record.state).toBe("dropped");
  });

  it("refuses an embargo job from before an edit made a new preview", () => {
    const reviewed = apply(inReview(), { kind: "setEmbargo", actor: steering(), until: T0 + 3 * DAY }).record;
    const held = applyAll(reviewed, [approve(0), approve(1)], T0 + 6 * HOUR);
    const timer = timerOf(held, "embargo");
    const edited = apply(held, { kind: "messageEdited", event: held.messages[0]!.event }, T0 + DAY);
    expect(effectsOf(edited, "cancel-timer")).toEqual([
      { kind: "cancel-timer", jobId: timerJobId(itemId, "embargo", timer.generation), timer: "embargo" },
    ]);
    expect(refusal(edited.record, timerEvent(timer), T0 + 3 * DAY)).toEqual({ kind: "stale-timer", timer });
  });

  it("sets an embargo job again when it runs early", () => {
    const until = T0 + 3 * DAY;
    const reviewed = apply(inReview(), { kind: "setEmbargo", actor: steering(), until }).record;
    const held = applyAll(reviewed, [approve(0), approve(1)], T0 + 6 * HOUR);
    const early = apply(held, timerEvent(timerOf(held, "embargo")), until - HOUR);
    expect(early.record.state).toBe("embargoed");
    expect(effectsOf(early, "schedule-timer").map((effect) => effect.due)).toEqual([until]);
    expect(effectsOf(early, "publish")).toEqual([]);
  });

  it("names jobs by item, kind and generation, and restores them unchanged after a restart", () => {
    expect(timerJobId(itemId, "embargo", 12)).toBe("digest-dk7m2pq-embargo-g12");
    expect(timerJobId(itemId, "consent-deadline", 1).startsWith(itemJobPrefix(itemId))).toBe(true);
    const fresh = nominated();
    expect(restoreTimers(fresh.record)).toEqual(effectsOf(fresh, "schedule-timer"));
    expect(restoreTimers(inReview())).toEqual([]);
  });
});
