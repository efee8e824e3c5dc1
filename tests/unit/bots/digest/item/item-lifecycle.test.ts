import { describe, expect, it } from "vitest";
import { timerJobId } from "../../../../../bots/digest/item/index.ts";
import {
  ALI,
  BEA,
  CAS,
  CLEAN,
  DAY,
  HOUR,
  STEERING,
  T0,
  apply,
  approve,
  consent,
  consented,
  effectsOf,
  eventId,
  inReview,
  itemId,
  nominated,
  published,
  root,
  source,
  steering,
} from "./item-fixtures.ts";

describe("a digest item's lifecycle", () => {
  it("asks every quoted author once, in their language, with the configured deadline", () => {
    const { record, effects } = nominated();
    expect(record).toMatchObject({
      id: itemId,
      state: "awaiting-consent",
      source,
      root,
      nominatedBy: "rania-khoury",
      preview: 1,
      consentDeadline: T0 + 72 * HOUR,
      authors: [
        { author: ALI, consent: "pending" },
        { author: BEA, consent: "pending" },
        { author: CAS, consent: "pending" },
      ],
    });
    expect(effects).toEqual([
      {
        kind: "audit",
        entry: { at: T0, action: "nominate", by: { kind: "moderator", person: "rania-khoury" } },
      },
      { kind: "ask-consent", author: ALI, language: "so", deadline: T0 + 72 * HOUR },
      { kind: "ask-consent", author: BEA, language: "fr", deadline: T0 + 72 * HOUR },
      { kind: "ask-consent", author: CAS, language: "en", deadline: T0 + 72 * HOUR },
      {
        kind: "schedule-timer",
        jobId: timerJobId(itemId, "consent-deadline", 1),
        due: T0 + 72 * HOUR,
        payload: {
          item: itemId,
          kind: "consent-deadline",
          generation: 1,
          state: "awaiting-consent",
          preview: 1,
        },
      },
    ]);
    expect(record.audit).toEqual([effects[0]?.kind === "audit" ? effects[0].entry : undefined]);
  });

  it("goes to redaction when the last author answers, then to steering with a clean preview", () => {
    const first = apply(nominated().record, consent(ALI, "named"), T0 + HOUR);
    expect(first.record.state).toBe("awaiting-consent");
    expect(first.effects).toEqual([]);
    expect(first.record.authors[0]).toEqual({ author: ALI, consent: "named", at: T0 + HOUR, by: "author" });

    const second = apply(first.record, consent(BEA, "pseudonym"), T0 + 2 * HOUR).record;
    const last = apply(second, consent(CAS, "refused"), T0 + 3 * HOUR);
    expect(last.record.state).toBe("awaiting-redaction");
    const quoted = [
      { event: root, author: ALI, as: "named" },
      { event: eventId("m2"), author: BEA, as: "pseudonym" },
      { event: eventId("m4"), author: ALI, as: "named" },
    ];
    expect(last.effects).toEqual([
      { kind: "cancel-timer", jobId: timerJobId(itemId, "consent-deadline", 1), timer: "consent-deadline" },
      { kind: "request-redaction", preview: 1, messages: quoted },
    ]);

    const redacted = apply(last.record, { kind: "redacted", preview: 1, digest: CLEAN }, T0 + 4 * HOUR);
    expect(redacted.record).toMatchObject({
      state: "awaiting-approval",
      redaction: { preview: 1, digest: CLEAN },
    });
    expect(redacted.effects).toEqual([{ kind: "post-preview", preview: 1, digest: CLEAN, messages: quoted }]);
  });

  it("publishes on the quorum's second approval, with the proof, and tells everyone", () => {
    const reviewed = inReview();
    const one = apply(reviewed, approve(0), T0 + 6 * HOUR);
    expect(one.record.state).toBe("awaiting-approval");
    expect(one.record.reviews).toEqual([{ preview: 1, approvals: [STEERING[0]], vetoes: [] }]);
    expect(effectsOf(one, "publish")).toEqual([]);

    const two = apply(one.record, approve(1), T0 + 7 * HOUR);
    expect(two.record).toMatchObject({ state: "published", publishedAt: T0 + 7 * HOUR });
    expect(two.effects.map((effect) => effect.kind)).toEqual([
      "audit",
      "publish",
      "audit",
      "notify-steering",
      "notify-authors",
      "notify-nominator",
    ]);
    expect(effectsOf(two, "publish")[0]?.item).toEqual({
      item: itemId,
      source,
      root,
      preview: 1,
      digest: CLEAN,
      messages: [
        { event: root, author: ALI, as: "named" },
        { event: eventId("m2"), author: BEA, as: "pseudonym" },
        { event: eventId("m3"), author: CAS, as: "pseudonym" },
        { event: eventId("m4"), author: ALI, as: "named" },
      ],
      checkedAt: T0 + 7 * HOUR,
    });
    expect(effectsOf(two, "notify-authors")).toEqual([
      { kind: "notify-authors", authors: [ALI, BEA, CAS], notice: "published" },
    ]);
    expect(two.record.audit.map((entry) => [entry.action, entry.by])).toEqual([
      ["nominate", { kind: "moderator", person: "rania-khoury" }],
      ["approve", { kind: "steering", person: STEERING[0] }],
      ["approve", { kind: "steering", person: STEERING[1] }],
      ["publish", { kind: "steering", person: STEERING[1] }],
    ]);
    expect(two.record.history.map((entry) => [entry.event, entry.actor, entry.from, entry.to])).toEqual([
      ["nominate", "moderator", "awaiting-consent", "awaiting-consent"],
      ["consent", "author", "awaiting-consent", "awaiting-consent"],
      ["consent", "author", "awaiting-consent", "awaiting-consent"],
      ["consent", "author", "awaiting-consent", "awaiting-redaction"],
      ["redacted", "redaction", "awaiting-redaction", "awaiting-approval"],
      ["approve", "steering", "awaiting-approval", "awaiting-approval"],
      ["approve", "steering", "awaiting-approval", "published"],
    ]);
    expect(JSON.parse(JSON.stringify(two.record))).toEqual(two.record);
  });

  it("joins an edition once, through the proof, and leaves every output when withdrawn", () => {
    const item = published();
    const edition = apply(item, { kind: "editionClosed", edition: "2026-w10" }, T0 + 4 * DAY);
    expect(edition.record.edition).toBe("2026-w10");
    expect(edition.effects.map((effect) => effect.kind)).toEqual(["add-to-edition"]);
    expect(effectsOf(edition, "add-to-edition")[0]).toMatchObject({
      edition: "2026-w10",
      item: { item: itemId, preview: 1, digest: CLEAN },
    });

    const withdrawn = apply(edition.record, { kind: "withdraw", author: BEA }, T0 + 5 * DAY);
    expect(withdrawn.effects[0]).toEqual({
      kind: "unpublish-everywhere",
      item: itemId,
      editions: ["2026-w10"],
    });
    expect(withdrawn.effects[1]).toEqual({
      kind: "audit",
      entry: { at: T0 + 5 * DAY, action: "withdraw", by: { kind: "author", author: BEA }, preview: 1 },
    });
    // Ali and Cas still agree: their messages go back to redaction as preview 2.
    expect(withdrawn.record).toMatchObject({ state: "awaiting-redaction", preview: 2 });
    expect(withdrawn.record.publishedAt).toBeUndefined();
    expect(withdrawn.record.edition).toBeUndefined();
    expect(effectsOf(withdrawn, "request-redaction")[0]?.messages.map((message) => message.author)).toEqual([
      ALI,
      CAS,
      ALI,
    ]);
    expect(effectsOf(withdrawn, "notify-steering").map((effect) => effect.notice)).toEqual([
      "taken-down",
      "preview-voided",
    ]);
  });

  it("ends as withdrawn when the last consenting author withdraws after publication", () => {
    const single = consented();
    const onlyAli = apply(apply(single, { kind: "withdraw", author: BEA }, T0 + 4 * HOUR).record, {
      kind: "withdraw",
      author: CAS,
    });
    expect(onlyAli.record.preview).toBe(3);
    const reviewed = inReview(onlyAli.record);
    const live = apply(apply(reviewed, approve(0, 3)).record, approve(2, 3), T0 + 8 * HOUR).record;
    expect(live.state).toBe("published");
    const gone = apply(live, { kind: "withdraw", author: ALI }, T0 + DAY);
    expect(gone.record.state).toBe("withdrawn");
    expect(gone.record.timers).toEqual([]);
    expect(gone.effects.map((effect) => effect.kind)).toEqual([
      "unpublish-everywhere",
      "audit",
      "notify-steering",
      "notify-steering",
      "notify-nominator",
    ]);
    expect(effectsOf(gone, "notify-steering").map((effect) => effect.notice)).toEqual([
      "taken-down",
      "withdrawn",
    ]);
  });

  it("lets steering unpublish a published item, with an audit entry and no content", () => {
    const item = published();
    const gone = apply(item, { kind: "unpublish", actor: steering(2) }, T0 + DAY);
    expect(gone.record.state).toBe("unpublished");
    expect(gone.effects).toEqual([
      { kind: "unpublish-everywhere", item: itemId, editions: [] },
      {
        kind: "audit",
        entry: {
          at: T0 + DAY,
          action: "unpublish",
          by: { kind: "steering", person: STEERING[2] },
          preview: 1,
        },
      },
      { kind: "notify-steering", notice: "unpublished" },
      { kind: "notify-authors", authors: [ALI, BEA, CAS], notice: "taken-down" },
    ]);
  });

  it("drops an item before publication on steering's word", () => {
    const dropped = apply(inReview(), { kind: "unpublish", actor: steering(1) }, T0 + DAY);
    expect(dropped.record.state).toBe("dropped");
    expect(effectsOf(dropped, "unpublish-everywhere")).toEqual([]);
    expect(dropped.record.audit.at(-1)).toMatchObject({ action: "drop", cause: "steering" });
    expect(effectsOf(dropped, "notify-authors")).toEqual([
      { kind: "notify-authors", authors: [ALI, BEA, CAS], notice: "not-published" },
    ]);
  });
});
