/**
 * Authors' consent. Every quoted author is asked; the messages of those who said no, or did
 * not answer by the deadline, are left out. The rules keep a "no" a no:
 * - While consent is being asked, an author may change between named and pseudonym freely.
 * - A "no" (an answer, a withdrawal, or the deadline passing) is final for the item; to quote
 *   the author after all, someone nominates the thread again and they are asked again.
 * - Once consent is settled, it may only narrow (named to pseudonym, or to no), at any time,
 *   also after publication. Narrowing changes what would be published, so it voids the
 *   approvals and makes a new preview (taking a published item down first), and the audit
 *   log keeps who did it and when.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import type { AuthorKey } from "./author-key.ts";
import {
  type DigestContext,
  type Draft,
  type Transition,
  audit,
  emit,
  finish,
  moveTo,
  startDraft,
} from "./item-draft.ts";
import { endUnpublished } from "./end-item.ts";
import type { DigestEvent, DigestRefusal } from "./item-events.ts";
import { checkState } from "./item-guards.ts";
import {
  type AuthorConsent,
  type ConsentChoice,
  type DigestItem,
  LIVE_STATES,
  consentOf,
  consentedMessages,
} from "./item-model.ts";
import { renewPreview } from "./renew-preview.ts";

type Outcome = Result<Transition, DigestRefusal>;
type On<K extends DigestEvent["kind"]> = Extract<DigestEvent, { kind: K }>;

/** How much of an author each choice shows, to tell narrowing from widening. */
const EXPOSURE: Readonly<Record<AuthorConsent["consent"], number>> = {
  refused: 0,
  pending: 1,
  pseudonym: 2,
  named: 3,
};

function checkAuthor(record: DigestItem, author: AuthorKey): DigestRefusal | undefined {
  const quoted = record.messages.some((message) => message.author === author);
  return quoted && consentOf(record, author) !== undefined ? undefined : { kind: "not-an-author", author };
}

function setConsent(draft: Draft, author: AuthorKey, choice: ConsentChoice, by: "author" | "deadline"): void {
  const { now } = draft.context;
  const authors = draft.record.authors.map((entry): AuthorConsent =>
    entry.author === author ? { author, consent: choice, at: now, by } : entry,
  );
  draft.record = { ...draft.record, authors };
}

/**
 * Consent is settled: everyone answered, or the deadline passed (`byDeadline`: the authors
 * still pending are taken to have said no). What was agreed goes to redaction; with nothing
 * agreed the item ends, and only the person who nominated it hears (steering never saw it).
 */
export function settleConsent(draft: Draft, byDeadline: boolean): void {
  if (byDeadline) {
    for (const entry of draft.record.authors)
      if (entry.consent === "pending") setConsent(draft, entry.author, "refused", "deadline");
  }
  const messages = consentedMessages(draft.record);
  if (messages.length === 0) {
    audit(draft, { action: "drop", by: { kind: "bot" }, cause: "no-consent" });
    endUnpublished(draft, { state: "dropped", nominator: "no-consent" });
    return;
  }
  moveTo(draft, "awaiting-redaction");
  emit(draft, { kind: "request-redaction", preview: draft.record.preview, messages });
}

/** Settles consent once nobody is pending; while asking, the item waits otherwise. */
export function settleIfAnswered(draft: Draft): void {
  if (
    draft.record.state === "awaiting-consent" &&
    draft.record.authors.every((entry) => entry.consent !== "pending")
  )
    settleConsent(draft, false);
}

/** Applies an allowed change of `author`'s consent; `audited` for a withdrawal. */
function changeConsent(draft: Draft, author: AuthorKey, choice: ConsentChoice, audited: boolean): void {
  const { record } = draft;
  setConsent(draft, author, choice, "author");
  const entry = audited
    ? ({ action: "withdraw", by: { kind: "author", author }, preview: record.preview } as const)
    : undefined;
  if (record.state === "awaiting-consent") {
    if (entry !== undefined) audit(draft, entry);
    settleIfAnswered(draft);
  } else {
    renewPreview(draft, "consent", entry);
  }
}

export function applyConsent(record: DigestItem, event: On<"consent">, context: DigestContext): Outcome {
  const { author, choice } = event;
  const refusal = checkState(record, event.kind, LIVE_STATES) ?? checkAuthor(record, author);
  if (refusal !== undefined) return err(refusal);
  const current = consentOf(record, author)?.consent ?? "refused";
  if (current === choice) return ok({ record, effects: [] });
  const asking = record.state === "awaiting-consent";
  const narrows = EXPOSURE[choice] < EXPOSURE[current];
  if (current === "refused" || (!asking && !narrows))
    return err({ kind: "consent-final", author, consent: current, asked: choice });
  const draft = startDraft(record, context);
  // A first "no" is an answer; taking back a "yes" is a withdrawal, and audited as one.
  const withdrawal = current !== "pending" && (choice === "refused" || !asking);
  changeConsent(draft, author, choice, withdrawal);
  return ok(finish(draft, event.kind, "author"));
}

/** `!digest withdraw`: always audited, from any live state, also before answering. */
export function applyWithdraw(record: DigestItem, event: On<"withdraw">, context: DigestContext): Outcome {
  const { author } = event;
  const refusal = checkState(record, event.kind, LIVE_STATES) ?? checkAuthor(record, author);
  if (refusal !== undefined) return err(refusal);
  if (consentOf(record, author)?.consent === "refused") return err({ kind: "already-withdrawn", author });
  const draft = startDraft(record, context);
  changeConsent(draft, author, "refused", true);
  return ok(finish(draft, event.kind, "author"));
}
