/**
 * Changes to the quoted thread in its room. An edit of a message that would be published
 * voids the approvals and makes a new preview; after publication it also takes the item
 * down, since the author may have edited out something they did not want public. A removed
 * (redacted) message leaves the item, and with it, an author who has no other message.
 * Messages added to the thread later are not quoted: the nominated set is fixed, and a
 * nomination of the thread's later state is a new item.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { EventId } from "../../../lib/matrix-ids.ts";
import { type DigestContext, type Transition, audit, finish, startDraft } from "./item-draft.ts";
import { endUnpublished } from "./end-item.ts";
import type { DigestEvent, DigestRefusal } from "./item-events.ts";
import { checkState } from "./item-guards.ts";
import { type DigestItem, LIVE_STATES, consentOf } from "./item-model.ts";
import { settleIfAnswered } from "./consent-transitions.ts";
import { renewPreview } from "./renew-preview.ts";

type Outcome = Result<Transition, DigestRefusal>;
type On<K extends DigestEvent["kind"]> = Extract<DigestEvent, { kind: K }>;

function checkQuoted(record: DigestItem, event: EventId): DigestRefusal | undefined {
  return record.messages.some((message) => message.event === event)
    ? undefined
    : { kind: "not-quoted", event };
}

/** Whether the message would be published (its author agreed). */
function isConsented(record: DigestItem, event: EventId): boolean {
  const author = record.messages.find((message) => message.event === event)?.author;
  const consent = author === undefined ? undefined : consentOf(record, author)?.consent;
  return consent === "named" || consent === "pseudonym";
}

export function applyMessageEdited(
  record: DigestItem,
  event: On<"messageEdited">,
  context: DigestContext,
): Outcome {
  const refusal = checkState(record, event.kind, LIVE_STATES) ?? checkQuoted(record, event.event);
  if (refusal !== undefined) return err(refusal);
  // While consent is asked nothing has been redacted yet: redaction will read the new text.
  if (record.state === "awaiting-consent" || !isConsented(record, event.event))
    return ok({ record, effects: [] });
  const draft = startDraft(record, context);
  renewPreview(draft, "edited");
  return ok(finish(draft, event.kind, "thread"));
}

export function applyMessageRemoved(
  record: DigestItem,
  event: On<"messageRemoved">,
  context: DigestContext,
): Outcome {
  const refusal = checkState(record, event.kind, LIVE_STATES) ?? checkQuoted(record, event.event);
  if (refusal !== undefined) return err(refusal);
  const wasConsented = isConsented(record, event.event);
  const draft = startDraft(record, context);
  const messages = record.messages.filter((message) => message.event !== event.event);
  const authors = record.authors.filter((entry) =>
    messages.some((message) => message.author === entry.author),
  );
  draft.record = { ...record, messages, authors };
  if (record.state !== "awaiting-consent") {
    if (wasConsented) renewPreview(draft, "removed");
  } else if (messages.length === 0) {
    audit(draft, { action: "drop", by: { kind: "bot" }, cause: "nothing-left" });
    endUnpublished(draft, { state: "dropped", nominator: "dropped" });
  } else {
    // The author of the removed message may have been the last one not to answer yet.
    settleIfAnswered(draft);
  }
  return ok(finish(draft, event.kind, "thread"));
}
