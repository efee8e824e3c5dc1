/**
 * After a change to what would be published (a quoted message edited or removed, an author's
 * consent narrowed, a redaction no longer found clean): approvals given so far were for other
 * content, so they no longer count. A published item comes down first; then what is left
 * goes back to redaction as a new preview, or, with nothing left, the item ends.
 */
import { type Draft, audit, emit, moveTo } from "./item-draft.ts";
import { PREVIEW_POSTED, endUnpublished, takeDown } from "./end-item.ts";
import { without } from "./item-fields.ts";
import { type AuditEntry, consentedMessages } from "./item-model.ts";

export type RenewCause = "edited" | "removed" | "consent" | "redaction";

/**
 * `entry` is the audit entry of the change (an author's withdrawal); without one, taking a
 * published item down is audited as the bot's doing, with the cause.
 */
export function renewPreview(draft: Draft, cause: RenewCause, entry?: Omit<AuditEntry, "at">): void {
  const before = draft.record;
  const wasPublished = before.state === "published";
  const wasPosted = PREVIEW_POSTED.includes(before.state);
  if (wasPublished) takeDown(draft);
  const logged =
    entry ??
    (wasPublished ? { action: "take-down", by: { kind: "bot" }, preview: before.preview, cause } : undefined);
  if (logged !== undefined) audit(draft, logged);
  if (wasPublished) emit(draft, { kind: "notify-steering", notice: "taken-down" });

  const messages = consentedMessages(draft.record);
  if (messages.length === 0) {
    if (cause !== "consent") audit(draft, { action: "drop", by: { kind: "bot" }, cause: "nothing-left" });
    const state = cause === "consent" ? "withdrawn" : "dropped";
    const steering = wasPosted ? (cause === "consent" ? "withdrawn" : "dropped") : undefined;
    endUnpublished(draft, { state, nominator: "dropped", ...(steering === undefined ? {} : { steering }) });
    return;
  }
  const preview = before.preview + 1;
  moveTo(draft, "awaiting-redaction", { ...without(draft.record, ["redaction"]), preview });
  emit(draft, { kind: "request-redaction", preview, messages });
  if (wasPosted) emit(draft, { kind: "notify-steering", notice: "preview-voided" });
}
