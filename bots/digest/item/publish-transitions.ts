/**
 * Steering taking an item back, and editions. Unpublishing comes off every public output
 * (the public digest room and any edition that collected the item) before anything else;
 * before publication the same command drops the item. An edition is a publication too, so
 * it takes the proof, checked again when the edition closes.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import { consentingAuthors, endUnpublished, PREVIEW_POSTED, takeDown } from "./end-item.ts";
import {
  type DigestContext,
  type Transition,
  audit,
  emit,
  finish,
  moveTo,
  startDraft,
} from "./item-draft.ts";
import type { DigestEvent, DigestRefusal } from "./item-events.ts";
import { checkState, checkSteering } from "./item-guards.ts";
import { type DigestItem, LIVE_STATES } from "./item-model.ts";
import { checkPublishable } from "./publication-proof.ts";
import { renewPreview } from "./renew-preview.ts";

type Outcome = Result<Transition, DigestRefusal>;
type On<K extends DigestEvent["kind"]> = Extract<DigestEvent, { kind: K }>;

export function applyUnpublish(record: DigestItem, event: On<"unpublish">, context: DigestContext): Outcome {
  const { actor } = event;
  const refusal = checkSteering(event.kind, actor) ?? checkState(record, event.kind, LIVE_STATES);
  if (refusal !== undefined) return err(refusal);
  const draft = startDraft(record, context);
  const by = { kind: "steering", person: actor.person } as const;
  if (record.state === "published") {
    const authors = consentingAuthors(record);
    takeDown(draft);
    audit(draft, { action: "unpublish", by, preview: record.preview });
    moveTo(draft, "unpublished");
    emit(draft, { kind: "notify-steering", notice: "unpublished" });
    if (authors.length > 0) emit(draft, { kind: "notify-authors", authors, notice: "taken-down" });
  } else {
    audit(draft, { action: "drop", by, preview: record.preview, cause: "steering" });
    const posted = PREVIEW_POSTED.includes(record.state);
    endUnpublished(draft, {
      state: "dropped",
      nominator: "dropped",
      ...(posted ? { steering: "dropped" } : {}),
    });
  }
  return ok(finish(draft, event.kind, "steering"));
}

/**
 * Edition `edition` collects the item. Should the check fail now (the redaction rules
 * changed since publication), the item comes down and is redacted again instead.
 */
export function applyEditionClosed(
  record: DigestItem,
  event: On<"editionClosed">,
  context: DigestContext,
): Outcome {
  const refusal = checkState(record, event.kind, ["published"]);
  if (refusal !== undefined) return err(refusal);
  if (record.edition !== undefined) return err({ kind: "already-in-edition", edition: record.edition });
  const draft = startDraft(record, context);
  const proof = checkPublishable(record, context);
  if (proof.ok) {
    draft.record = { ...record, edition: event.edition };
    emit(draft, { kind: "add-to-edition", edition: event.edition, item: proof.value });
  } else if (proof.error.every((block) => block.kind === "redaction-unclean")) {
    renewPreview(draft, "redaction");
    emit(draft, { kind: "notify-steering", notice: "redaction-unclean" });
  } else {
    throw new Error(
      `published item ${record.id} fails the publication check: ${JSON.stringify(proof.error)}`,
    );
  }
  return ok(finish(draft, event.kind, "edition"));
}
