/**
 * The lifecycle of a digest item as one pure function: given the record and what happened,
 * the next record and what the Matrix-facing layer must do, or why not. Keeping it pure means
 * the rules (who may approve, what voids approvals, when an item may be published) are tested
 * without Matrix, and every path to publication goes through `checkPublishable`.
 *
 * awaiting-consent → awaiting-redaction → awaiting-approval → (embargoed →) published, with
 * content and consent changes going back to awaiting-redaction as a new preview, and the end
 * states vetoed, dropped, withdrawn and unpublished (see `item-model.ts`). A nomination
 * creates the item (`nominateItem`).
 */
import type { Result } from "../../../lib/result.ts";
import { applyConsent, applyWithdraw } from "./consent-transitions.ts";
import { applyMessageEdited, applyMessageRemoved } from "./content-transitions.ts";
import type { DigestContext, Transition } from "./item-draft.ts";
import type { DigestEvent, DigestRefusal } from "./item-events.ts";
import type { DigestItem } from "./item-model.ts";
import { applyEditionClosed, applyUnpublish } from "./publish-transitions.ts";
import { applyApprove, applyRedacted, applySetEmbargo, applyVeto } from "./review-transitions.ts";
import { applyTimer } from "./timer-transitions.ts";

/**
 * Applies `event` to `record` at `context.now`. A refusal is an expected outcome (a wrong
 * command, a stale reaction or timer) to tell the person or to ignore; the record is then
 * unchanged. The effects are to be carried out in order, before the new record is stored.
 */
export function applyDigestEvent(
  record: DigestItem,
  event: DigestEvent,
  context: DigestContext,
): Result<Transition, DigestRefusal> {
  switch (event.kind) {
    case "consent":
      return applyConsent(record, event, context);
    case "withdraw":
      return applyWithdraw(record, event, context);
    case "messageEdited":
      return applyMessageEdited(record, event, context);
    case "messageRemoved":
      return applyMessageRemoved(record, event, context);
    case "redacted":
      return applyRedacted(record, event, context);
    case "approve":
      return applyApprove(record, event, context);
    case "veto":
      return applyVeto(record, event, context);
    case "setEmbargo":
      return applySetEmbargo(record, event, context);
    case "unpublish":
      return applyUnpublish(record, event, context);
    case "editionClosed":
      return applyEditionClosed(record, event, context);
    case "consentDeadline":
    case "embargoReached":
      return applyTimer(record, event, context);
  }
}
