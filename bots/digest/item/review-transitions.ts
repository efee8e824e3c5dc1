/**
 * Redaction and steering's review. The preview is posted only once the redaction of the
 * current preview is back and found clean; approvals and vetoes name the preview the person
 * saw, so one given on an old preview never counts for new content. A quorum of distinct
 * steering members publishes (or holds until the embargo); a single veto, when the network
 * allows vetoes, ends the item for good: "never if any steering member vetoes".
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import { advance } from "./advance-approved.ts";
import { consentingAuthors } from "./end-item.ts";
import {
  type DigestContext,
  type Transition,
  audit,
  cancelTimers,
  emit,
  finish,
  moveTo,
  startDraft,
} from "./item-draft.ts";
import type { DigestEvent, DigestRefusal } from "./item-events.ts";
import { without } from "./item-fields.ts";
import { REVIEW_STATES, UNPUBLISHED_STATES, checkPreview, checkSteering, checkState } from "./item-guards.ts";
import { type DigestItem, consentedMessages, reviewOf, withReview } from "./item-model.ts";

type Outcome = Result<Transition, DigestRefusal>;
type On<K extends DigestEvent["kind"]> = Extract<DigestEvent, { kind: K }>;

/**
 * A result for an older preview is stale (the content changed since it was asked for). An
 * unclean one is not shown to anyone: steering hears the item is stuck, and a clean result
 * for the same preview (after the rules are fixed) or a new preview moves it on.
 */
export function applyRedacted(record: DigestItem, event: On<"redacted">, context: DigestContext): Outcome {
  const { preview, digest } = event;
  const refusal =
    checkPreview(record, event.kind, preview) ?? checkState(record, event.kind, ["awaiting-redaction"]);
  if (refusal !== undefined) return err(refusal);
  const draft = startDraft(record, context);
  if (!context.isRedactionClean({ item: record.id, preview, digest })) {
    emit(draft, { kind: "notify-steering", notice: "redaction-unclean" });
  } else {
    moveTo(draft, "awaiting-approval", { ...record, redaction: { preview, digest } });
    emit(draft, { kind: "post-preview", preview, digest, messages: consentedMessages(record) });
  }
  return ok(finish(draft, event.kind, "redaction"));
}

export function applyApprove(record: DigestItem, event: On<"approve">, context: DigestContext): Outcome {
  const { actor, preview } = event;
  const refusal =
    checkSteering(event.kind, actor) ??
    checkState(record, event.kind, REVIEW_STATES) ??
    checkPreview(record, event.kind, preview);
  if (refusal !== undefined) return err(refusal);
  const review = reviewOf(record);
  if (review.approvals.includes(actor.person)) return err({ kind: "already-approved", person: actor.person });
  const draft = startDraft(record, context);
  draft.record = withReview(record, { ...review, approvals: [...review.approvals, actor.person] });
  const by = { kind: "steering", person: actor.person } as const;
  audit(draft, { action: "approve", by, preview });
  advance(draft, by);
  return ok(finish(draft, event.kind, "steering"));
}

export function applyVeto(record: DigestItem, event: On<"veto">, context: DigestContext): Outcome {
  const { actor, preview } = event;
  const refusal =
    checkSteering(event.kind, actor) ??
    (context.digest.allowVeto ? undefined : ({ kind: "veto-disabled" } as const)) ??
    checkState(record, event.kind, REVIEW_STATES) ??
    checkPreview(record, event.kind, preview);
  if (refusal !== undefined) return err(refusal);
  const review = reviewOf(record);
  const draft = startDraft(record, context);
  draft.record = withReview(record, { ...review, vetoes: [...review.vetoes, actor.person] });
  audit(draft, { action: "veto", by: { kind: "steering", person: actor.person }, preview });
  const authors = consentingAuthors(record);
  moveTo(draft, "vetoed");
  emit(draft, { kind: "notify-steering", notice: "vetoed" }, { kind: "notify-nominator", notice: "vetoed" });
  if (authors.length > 0) emit(draft, { kind: "notify-authors", authors, notice: "not-published" });
  return ok(finish(draft, event.kind, "steering"));
}

/**
 * Sets, moves or (without `until`) lifts the embargo before publication. It changes when, not
 * what, so approvals stand: an approved item waiting for it is published at once when it is
 * lifted, and waits for the new date when it is moved.
 */
export function applySetEmbargo(
  record: DigestItem,
  event: On<"setEmbargo">,
  context: DigestContext,
): Outcome {
  const { actor, until } = event;
  const refusal = checkSteering(event.kind, actor) ?? checkState(record, event.kind, UNPUBLISHED_STATES);
  if (refusal !== undefined) return err(refusal);
  if (until !== undefined && until <= context.now) return err({ kind: "embargo-not-in-future", until });
  const draft = startDraft(record, context);
  draft.record = until === undefined ? without(record, ["embargo"]) : { ...record, embargo: until };
  const by = { kind: "steering", person: actor.person } as const;
  audit(draft, { action: "embargo", by, preview: record.preview });
  if (REVIEW_STATES.includes(record.state)) {
    cancelTimers(draft, (kind) => kind === "embargo");
    advance(draft, by);
  }
  return ok(finish(draft, event.kind, "steering"));
}
