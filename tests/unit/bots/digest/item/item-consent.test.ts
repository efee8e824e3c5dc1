import { describe, expect, it } from "vitest";
import { consentedMessages, timerEvent } from "../../../../../bots/digest/item/index.ts";
import {
  ALI,
  BEA,
  CAS,
  DAY,
  HOUR,
  T0,
  apply,
  applyAll,
  author,
  consent,
  consented,
  effectsOf,
  eventId,
  inReview,
  nominated,
  published,
  refusal,
  root,
  timerOf,
} from "./item-fixtures.ts";

describe("authors' consent", () => {
  it("takes no answer by the deadline as no, and quotes only those who agreed", () => {
    const asked = apply(nominated().record, consent(BEA, "named"), T0 + HOUR).record;
    const timer = timerOf(asked, "consent-deadline");
    const settled = apply(asked, timerEvent(timer), T0 + 72 * HOUR);
    expect(settled.record.state).toBe("awaiting-redaction");
    expect(settled.record.authors).toEqual([
      { author: ALI, consent: "refused", at: T0 + 72 * HOUR, by: "deadline" },
      { author: BEA, consent: "named", at: T0 + HOUR, by: "author" },
      { author: CAS, consent: "refused", at: T0 + 72 * HOUR, by: "deadline" },
    ]);
    expect(settled.effects).toEqual([
      {
        kind: "request-redaction",
        preview: 1,
        messages: [{ event: eventId("m2"), author: BEA, as: "named" }],
      },
    ]);
    // The fired job is dropped, not cancelled: it already ran.
    expect(effectsOf(settled, "cancel-timer")).toEqual([]);
    expect(settled.record.timers).toEqual([]);
  });

  it("drops the item when nobody agreed, telling only the nominator", () => {
    const asked = apply(nominated().record, consent(BEA, "refused"), T0 + HOUR).record;
    const settled = apply(asked, timerEvent(timerOf(asked, "consent-deadline")), T0 + 72 * HOUR);
    expect(settled.record.state).toBe("dropped");
    expect(settled.effects).toEqual([
      {
        kind: "audit",
        entry: { at: T0 + 72 * HOUR, action: "drop", by: { kind: "bot" }, cause: "no-consent" },
      },
      { kind: "notify-nominator", notice: "no-consent" },
    ]);
  });

  it("lets an author change between named and pseudonym while asking, but a no is final", () => {
    const asked = nominated().record;
    const named = apply(asked, consent(ALI, "named")).record;
    const pseudonym = apply(named, consent(ALI, "pseudonym"), T0 + HOUR);
    expect(pseudonym.record.authors[0]).toMatchObject({ consent: "pseudonym" });
    expect(effectsOf(pseudonym, "audit")).toEqual([]);
    const back = apply(pseudonym.record, consent(ALI, "named"), T0 + 2 * HOUR).record;
    const no = apply(back, consent(ALI, "refused"), T0 + 3 * HOUR);
    // Taking back a yes is a withdrawal, audited even while asking.
    expect(effectsOf(no, "audit").map((effect) => effect.entry.action)).toEqual(["withdraw"]);
    expect(refusal(no.record, consent(ALI, "named"))).toEqual({
      kind: "consent-final",
      author: ALI,
      consent: "refused",
      asked: "named",
    });
    expect(refusal(no.record, { kind: "withdraw", author: ALI })).toEqual({
      kind: "already-withdrawn",
      author: ALI,
    });
    // The same answer twice changes nothing and needs no write.
    const same = apply(back, consent(ALI, "named"));
    expect(same.record).toBe(back);
    expect(same.effects).toEqual([]);
  });

  it("once settled, lets consent narrow but not widen", () => {
    const reviewed = inReview();
    expect(refusal(reviewed, consent(BEA, "named"))).toEqual({
      kind: "consent-final",
      author: BEA,
      consent: "pseudonym",
      asked: "named",
    });
    const narrowed = apply(reviewed, consent(ALI, "pseudonym"), T0 + DAY);
    expect(narrowed.record).toMatchObject({ state: "awaiting-redaction", preview: 2 });
    expect(consentedMessages(narrowed.record).filter((message) => message.author === ALI)).toEqual([
      { event: root, author: ALI, as: "pseudonym" },
      { event: eventId("m4"), author: ALI, as: "pseudonym" },
    ]);
    expect(effectsOf(narrowed, "audit")[0]?.entry).toMatchObject({
      action: "withdraw",
      by: { kind: "author", author: ALI },
    });
    expect(effectsOf(narrowed, "notify-steering")).toEqual([
      { kind: "notify-steering", notice: "preview-voided" },
    ]);
  });

  it("takes a published item down when an author narrows to a pseudonym", () => {
    const narrowed = apply(published(), consent(ALI, "pseudonym"), T0 + DAY);
    expect(narrowed.effects[0]).toMatchObject({ kind: "unpublish-everywhere" });
    expect(narrowed.record).toMatchObject({ state: "awaiting-redaction", preview: 2 });
  });

  it("refuses answers from people who are not quoted, and after the item ended", () => {
    const asked = nominated().record;
    expect(refusal(asked, consent(author("zed"), "named"))).toEqual({
      kind: "not-an-author",
      author: author("zed"),
    });
    const dropped = applyAll(asked, [
      consent(ALI, "refused"),
      consent(BEA, "refused"),
      consent(CAS, "refused"),
    ]);
    expect(dropped.state).toBe("dropped");
    expect(refusal(dropped, { kind: "withdraw", author: ALI })).toMatchObject({ kind: "wrong-state" });
  });

  it("settles when a removed message was the last pending author's", () => {
    const asked = applyAll(nominated().record, [consent(ALI, "named"), consent(BEA, "pseudonym")]);
    const removed = apply(asked, { kind: "messageRemoved", event: eventId("m3") }, T0 + 5 * HOUR);
    expect(removed.record.state).toBe("awaiting-redaction");
    expect(removed.record.authors.map((entry) => entry.author)).toEqual([ALI, BEA]);
    expect(removed.record.messages.map((message) => message.event)).not.toContain(eventId("m3"));
  });

  it("drops an item whose consented messages were all removed, taking it down if public", () => {
    const item = published();
    const first = apply(item, { kind: "messageRemoved", event: eventId("m2") }, T0 + DAY).record;
    expect(first).toMatchObject({ state: "awaiting-redaction", preview: 2 });
    const rest = applyAll(first, [
      { kind: "messageRemoved", event: root },
      { kind: "messageRemoved", event: eventId("m3") },
      { kind: "messageRemoved", event: eventId("m4") },
    ]);
    expect(rest.state).toBe("dropped");
    expect(rest.audit.at(-1)).toMatchObject({ action: "drop", cause: "nothing-left" });
    expect(rest.messages).toEqual([]);
  });

  it("ignores edits while consent is asked, and edits of messages left out", () => {
    const asked = nominated().record;
    expect(apply(asked, { kind: "messageEdited", event: root }).record).toBe(asked);
    const withoutCas = apply(consented(), { kind: "withdraw", author: CAS }).record;
    const reviewed = inReview(withoutCas);
    const edit = apply(reviewed, { kind: "messageEdited", event: eventId("m3") });
    expect(edit.record).toBe(reviewed);
    expect(refusal(reviewed, { kind: "messageEdited", event: eventId("elsewhere") })).toEqual({
      kind: "not-quoted",
      event: eventId("elsewhere"),
    });
  });
});
