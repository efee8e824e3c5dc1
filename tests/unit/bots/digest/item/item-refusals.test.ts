import { describe, expect, it } from "vitest";
import { nominateItem } from "../../../../../bots/digest/item/index.ts";
import {
  ALI,
  BEA,
  CLEAN,
  T0,
  apply,
  approve,
  context,
  eventId,
  inReview,
  itemId,
  otherItemId,
  member,
  moderator,
  nominated,
  nomination,
  published,
  refusal,
  steering,
  steeringNominator,
  thread,
} from "./item-fixtures.ts";

function nominate(...args: Parameters<typeof nomination>) {
  return (existing: Parameters<typeof nominateItem>[1] = []) =>
    nominateItem(nomination(...args), existing, context(T0));
}

describe("nominations", () => {
  it("accepts steering members and the source room's moderators, and politely no one else", () => {
    expect(nominate({ nominator: steeringNominator })().ok).toBe(true);
    expect(nominate({ nominator: moderator })().ok).toBe(true);
    const someone = { person: "jonas-weber", steering: false, moderatesSource: false };
    expect(nominate({ nominator: someone })()).toEqual({
      ok: false,
      error: { kind: "not-allowed-to-nominate" },
    });
    // A moderator of some other room is no moderator here: the layer says so.
    expect(nominate({ nominator: { ...moderator, moderatesSource: false } })().ok).toBe(false);
  });

  it("records which role nominated, for the audit log", () => {
    const byMember = nominated({ nominator: steeringNominator }).record;
    expect(byMember.audit[0]).toMatchObject({ action: "nominate", by: { kind: "steering" } });
    expect(byMember.history[0]).toMatchObject({ actor: "steering" });
  });

  it("keeps one live item per thread, and allows a new one after the first ended", () => {
    const live = nominated().record;
    expect(nominate({ id: otherItemId })([live])).toEqual({
      ok: false,
      error: { kind: "already-nominated", item: itemId },
    });
    const dropped = apply(live, { kind: "unpublish", actor: steering() }).record;
    expect(nominate({ id: otherItemId })([dropped]).ok).toBe(true);
  });

  it("refuses an empty or overlong thread and an author with no language", () => {
    expect(nominate({ messages: [] })()).toEqual({ ok: false, error: { kind: "empty-thread" } });
    const long = Array.from({ length: 101 }, (_, n) => ({ event: eventId(`m${n}`), author: ALI }));
    expect(nominate({ messages: long })()).toEqual({
      ok: false,
      error: { kind: "too-many-messages", count: 101, max: 100 },
    });
    expect(nominate({ languages: [{ author: ALI, language: "so" }] })()).toEqual({
      ok: false,
      error: { kind: "missing-language", author: BEA },
    });
  });

  it("quotes a message listed twice once", () => {
    const record = nominated({ messages: [...thread, thread[0]!] }).record;
    expect(record.messages).toEqual(thread);
  });
});

describe("refusals", () => {
  it("names the actor when only steering may do this", () => {
    const reviewed = inReview();
    for (const event of [
      { kind: "approve", actor: member, preview: 1 },
      { kind: "veto", actor: member, preview: 1 },
      { kind: "setEmbargo", actor: member, until: T0 + 1e9 },
      { kind: "unpublish", actor: member },
    ] as const)
      expect(refusal(reviewed, event)).toEqual({ kind: "wrong-actor", event: event.kind, actor: "member" });
  });

  it("names the state when the event does not fit it", () => {
    const asked = nominated().record;
    expect(refusal(asked, approve(0))).toEqual({
      kind: "wrong-state",
      event: "approve",
      state: "awaiting-consent",
      allowed: ["awaiting-approval", "embargoed"],
    });
    expect(refusal(asked, { kind: "redacted", preview: 1, digest: CLEAN })).toMatchObject({
      kind: "wrong-state",
      allowed: ["awaiting-redaction"],
    });
    expect(refusal(asked, { kind: "editionClosed", edition: "w10" }).kind).toBe("wrong-state");
    const item = published();
    expect(refusal(item, approve(2)).kind).toBe("wrong-state");
    expect(refusal(item, { kind: "setEmbargo", actor: steering() }).kind).toBe("wrong-state");
    expect(refusal(item, { kind: "veto", actor: steering(2), preview: 1 }).kind).toBe("wrong-state");
    const gone = apply(item, { kind: "unpublish", actor: steering() }).record;
    expect(refusal(gone, { kind: "unpublish", actor: steering() }).kind).toBe("wrong-state");
    expect(refusal(gone, { kind: "withdraw", author: ALI }).kind).toBe("wrong-state");
  });

  it("refuses a stale redaction result and an embargo in the past", () => {
    const reviewed = inReview();
    const edited = apply(reviewed, { kind: "messageEdited", event: eventId("m2") }).record;
    expect(refusal(edited, { kind: "redacted", preview: 1, digest: CLEAN })).toEqual({
      kind: "stale-preview",
      event: "redacted",
      preview: 1,
      current: 2,
    });
    expect(refusal(reviewed, { kind: "setEmbargo", actor: steering(), until: T0 })).toEqual({
      kind: "embargo-not-in-future",
      until: T0,
    });
  });
});
