/**
 * What follows an approval, an embargo change or the embargo passing: with a quorum and no
 * embargo still running the item is published at once, through the publication check; with
 * an embargo it waits as `embargoed`. One function for all of them, so an item cannot be
 * published by a path that skips the check.
 */
import { type Draft, audit, emit, moveTo, schedule } from "./item-draft.ts";
import { consentingAuthors } from "./end-item.ts";
import type { AuditActor } from "./item-model.ts";
import { checkPublishable, hasQuorum } from "./publication-proof.ts";
import { renewPreview } from "./renew-preview.ts";

/** For an item in `awaiting-approval` or `embargoed`; `by` is who caused the step. */
export function advance(draft: Draft, by: AuditActor): void {
  const { record, context } = draft;
  if (!hasQuorum(record, context)) {
    // Only after the quorum was raised in config: the embargo wait becomes a review again.
    if (record.state === "embargoed") moveTo(draft, "awaiting-approval");
    return;
  }
  if (record.embargo !== undefined && record.embargo > context.now) {
    if (record.state !== "embargoed") {
      moveTo(draft, "embargoed");
      emit(draft, { kind: "notify-steering", notice: "embargoed" });
    }
    if (!draft.record.timers.some((timer) => timer.kind === "embargo"))
      schedule(draft, "embargo", record.embargo);
    return;
  }
  publishNow(draft, by);
}

function publishNow(draft: Draft, by: AuditActor): void {
  const { record, context } = draft;
  const proof = checkPublishable(record, context);
  if (!proof.ok) {
    // The redaction rules can change under an item (a config reload): redact it again.
    if (proof.error.every((block) => block.kind === "redaction-unclean")) {
      emit(draft, { kind: "notify-steering", notice: "redaction-unclean" });
      renewPreview(draft, "redaction");
      return;
    }
    // Quorum, veto, consent and embargo were all settled on the way here.
    throw new Error(`item ${record.id} reached publication blocked by ${JSON.stringify(proof.error)}`);
  }
  moveTo(draft, "published", { ...record, publishedAt: context.now });
  emit(draft, { kind: "publish", item: proof.value });
  audit(draft, { action: "publish", by, preview: record.preview });
  emit(
    draft,
    { kind: "notify-steering", notice: "published" },
    { kind: "notify-authors", authors: consentingAuthors(record), notice: "published" },
    { kind: "notify-nominator", notice: "published" },
  );
}
