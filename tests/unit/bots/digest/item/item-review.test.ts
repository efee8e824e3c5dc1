import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyDigestEvent, checkPublishable, reviewOf } from "../../../../../bots/digest/item/index.ts";
import {
  BEA,
  CLEAN,
  DAY,
  HOUR,
  STEERING,
  T0,
  apply,
  applyAll,
  approve,
  consented,
  context,
  effectsOf,
  eventId,
  inReview,
  itemId,
  published,
  refusal,
  steering,
  timerOf,
} from "./item-fixtures.ts";

describe("steering's review", () => {
  it("publishes exactly when the configured number of distinct members approved", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat(2), { minLength: 1, maxLength: 8 }),
        (quorum, approvers) => {
          let record = inReview();
          const distinct = new Set<string>();
          for (const index of approvers) {
            if (record.state === "published") break;
            const event = approve(index);
            const person = STEERING[index]!;
            if (distinct.has(person)) {
              // The same person again counts once: refused, and the record stays as it was.
              expect(refusal(record, event, T0 + 6 * HOUR, { approvalQuorum: quorum })).toEqual({
                kind: "already-approved",
                person,
              });
              continue;
            }
            distinct.add(person);
            record = apply(record, event, T0 + 6 * HOUR, { approvalQuorum: quorum }).record;
            expect(record.state).toBe(distinct.size >= quorum ? "published" : "awaiting-approval");
            expect(reviewOf(record).approvals).toEqual([...distinct]);
          }
        },
      ),
    );
  });

  it("counts only steering members, and only for the preview they saw", () => {
    const reviewed = inReview();
    expect(
      refusal(reviewed, { kind: "approve", actor: { kind: "member", person: "jonas-weber" }, preview: 1 }),
    ).toEqual({
      kind: "wrong-actor",
      event: "approve",
      actor: "member",
    });
    const edited = apply(apply(reviewed, approve(0)).record, { kind: "messageEdited", event: eventId("m3") });
    expect(edited.record).toMatchObject({ state: "awaiting-redaction", preview: 2 });
    expect(effectsOf(edited, "notify-steering")).toEqual([
      { kind: "notify-steering", notice: "preview-voided" },
    ]);
    const again = apply(edited.record, { kind: "redacted", preview: 2, digest: CLEAN }, T0 + HOUR).record;
    // An approval given on preview 1 arrives late: it does not count for preview 2.
    expect(refusal(again, approve(1, 1))).toEqual({
      kind: "stale-preview",
      event: "approve",
      preview: 1,
      current: 2,
    });
    expect(reviewOf(again).approvals).toEqual([]);
    const one = apply(again, approve(1, 2), T0 + 2 * HOUR).record;
    expect(one.state).toBe("awaiting-approval");
    expect(apply(one, approve(0, 2), T0 + 3 * HOUR).record.state).toBe("published");
  });

  it("voids approvals when a quoted message is edited, even on the approval's eve", () => {
    const oneApproval = apply(inReview(), approve(0)).record;
    const edited = apply(oneApproval, { kind: "messageEdited", event: eventId("root") }, T0 + HOUR).record;
    const redone = apply(
      edited,
      { kind: "redacted", preview: 2, digest: "sha256-two" },
      T0 + 2 * HOUR,
    ).record;
    expect(reviewOf(redone)).toEqual({ preview: 2, approvals: [], vetoes: [] });
    expect(reviewOf(redone, 1).approvals).toEqual([STEERING[0]]);
    // One more approval would have been the quorum for preview 1; for preview 2 it is the first.
    expect(apply(redone, approve(1, 2), T0 + 3 * HOUR).record.state).toBe("awaiting-approval");
  });

  it("ends the item for good on one veto, and refuses vetoes where the network allows none", () => {
    const oneApproval = apply(inReview(), approve(0)).record;
    const vetoed = apply(oneApproval, { kind: "veto", actor: steering(2), preview: 1 }, T0 + HOUR);
    expect(vetoed.record.state).toBe("vetoed");
    expect(reviewOf(vetoed.record)).toEqual({ preview: 1, approvals: [STEERING[0]], vetoes: [STEERING[2]] });
    expect(vetoed.effects.map((effect) => effect.kind)).toEqual([
      "audit",
      "notify-steering",
      "notify-nominator",
      "notify-authors",
    ]);
    expect(refusal(vetoed.record, approve(1)).kind).toBe("wrong-state");
    expect(refusal(vetoed.record, { kind: "messageEdited", event: eventId("m2") }).kind).toBe("wrong-state");
    expect(checkPublishable(vetoed.record, context(T0 + DAY)).ok).toBe(false);

    const veto = { kind: "veto", actor: steering(2), preview: 1 } as const;
    expect(refusal(oneApproval, veto, T0, { allowVeto: false })).toEqual({ kind: "veto-disabled" });
  });

  it("holds an approved item until the embargo, which a stale timer cannot cut short", () => {
    const until = T0 + 3 * DAY;
    const embargo = { kind: "setEmbargo", actor: steering(0), until } as const;
    const reviewed = apply(inReview(), embargo, T0 + 5 * HOUR).record;
    const approved = applyAll(reviewed, [approve(0), approve(1)], T0 + 6 * HOUR);
    expect(approved.state).toBe("embargoed");
    const timer = timerOf(approved, "embargo");
    expect(timer).toMatchObject({ state: "embargoed", preview: 1 });
    const blocked = checkPublishable(approved, context(T0 + DAY));
    expect(blocked.ok ? [] : blocked.error).toEqual([{ kind: "embargoed", until }]);

    // Moved later: the old job is stale, the new one publishes.
    const moved = apply(approved, { ...embargo, until: until + DAY }, T0 + DAY);
    expect(moved.record.state).toBe("embargoed");
    expect(effectsOf(moved, "cancel-timer").map((effect) => effect.timer)).toEqual(["embargo"]);
    expect(refusal(moved.record, { kind: "embargoReached", timer }, until)).toEqual({
      kind: "stale-timer",
      timer,
    });
    const done = apply(
      moved.record,
      { kind: "embargoReached", timer: timerOf(moved.record, "embargo") },
      until + DAY,
    );
    expect(done.record.state).toBe("published");
    expect(done.record.audit.at(-1)).toMatchObject({ action: "publish", by: { kind: "bot" } });
  });

  it("publishes at once when the embargo is lifted from an approved item", () => {
    const reviewed = apply(inReview(), {
      kind: "setEmbargo",
      actor: steering(0),
      until: T0 + 3 * DAY,
    }).record;
    const approved = applyAll(reviewed, [approve(0), approve(1)], T0 + 6 * HOUR);
    const lifted = apply(approved, { kind: "setEmbargo", actor: steering(2) }, T0 + DAY);
    expect(lifted.record.state).toBe("published");
    expect(lifted.record.embargo).toBeUndefined();
    expect(effectsOf(lifted, "cancel-timer").map((effect) => effect.timer)).toEqual(["embargo"]);
    expect(effectsOf(lifted, "publish")).toHaveLength(1);
  });

  it("keeps an unclean redaction from steering, and redacts again when the rules changed", () => {
    const unclean = apply(consented(), { kind: "redacted", preview: 1, digest: "dirty-names-left" });
    expect(unclean.record.state).toBe("awaiting-redaction");
    expect(unclean.record.redaction).toBeUndefined();
    expect(unclean.effects).toEqual([{ kind: "notify-steering", notice: "redaction-unclean" }]);
    // A clean result for the same preview (the rules fixed) moves it on.
    expect(apply(unclean.record, { kind: "redacted", preview: 1, digest: CLEAN }).record.state).toBe(
      "awaiting-approval",
    );

    // Clean when it arrived, unclean by the time the quorum is reached: preview 2 is asked for.
    const approvedOnce = apply(inReview(), approve(0)).record;
    const stricter = { ...context(T0 + HOUR), isRedactionClean: () => false };
    const blocked = checkPublishable(approvedOnce, stricter);
    expect(blocked.ok ? [] : blocked.error).toEqual([
      { kind: "no-quorum", approvals: 1, quorum: 2 },
      { kind: "redaction-unclean", preview: 1 },
    ]);
    const result = applyDigestEvent(approvedOnce, approve(1), stricter);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.record).toMatchObject({ state: "awaiting-redaction", preview: 2 });
    expect(effectsOf(result.value, "publish")).toEqual([]);
    expect(result.value.effects.map((effect) => effect.kind)).toEqual([
      "audit",
      "notify-steering",
      "request-redaction",
      "notify-steering",
    ]);
  });

  it("re-checks the proof when an edition closes, and takes the item down if it now fails", () => {
    const item = published();
    const stricter = (now: number) => ({ ...context(now), isRedactionClean: () => false });
    const result = applyDigestEvent(item, { kind: "editionClosed", edition: "2026-w10" }, stricter(T0 + DAY));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.effects[0]).toEqual({ kind: "unpublish-everywhere", item: itemId, editions: [] });
    expect(result.value.record).toMatchObject({ state: "awaiting-redaction", preview: 2 });
    expect(effectsOf(result.value, "add-to-edition")).toEqual([]);
    expect(result.value.record.audit.at(-1)).toMatchObject({ action: "take-down", cause: "redaction" });
    expect(
      refusal(apply(item, { kind: "editionClosed", edition: "w10" }).record, {
        kind: "editionClosed",
        edition: "w11",
      }),
    ).toEqual({ kind: "already-in-edition", edition: "w10" });
  });

  it("voids approvals when an author withdraws before publication", () => {
    const oneApproval = apply(inReview(), approve(0)).record;
    const withdrawn = apply(oneApproval, { kind: "withdraw", author: BEA }, T0 + HOUR).record;
    expect(withdrawn).toMatchObject({ state: "awaiting-redaction", preview: 2 });
    expect(reviewOf(withdrawn).approvals).toEqual([]);
  });
});
