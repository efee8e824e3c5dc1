/**
 * A digest item as the digest bot keeps it: the content of an `org.meridian.digest.item` state
 * event in the steering room (state key: the item id). Room state is not end-to-end
 * encrypted, so the record holds ids, states and times only: never the text of a message, of
 * the redacted preview, or an author's user id (see `author-key.ts`).
 *
 * States, in order:
 * - `awaiting-consent`: nominated; every quoted author was asked, until all answered or the
 *   deadline passed (no answer means no). There is no separate "nominated" state: a
 *   nomination asks for consent at once, so nothing would ever wait in it.
 * - `awaiting-redaction`: the consented messages are with the redaction module, for preview
 *   `preview`; a result for an older preview is stale.
 * - `awaiting-approval`: the clean preview is posted in the steering room for review.
 * - `embargoed`: approved by a quorum, held until the embargo date. There is no resting
 *   "approved" state: an approved item without an embargo is published in the same step.
 * - `published`: public, until an edit, a removal or a narrower consent takes it down (and
 *   back to `awaiting-redaction` with what is left), or it ends.
 * - End states: `vetoed` (a steering member vetoed a preview), `dropped` (nothing consented,
 *   nothing left, or steering dropped it before publication), `withdrawn` (the last consent
 *   was withdrawn), `unpublished` (steering took it down after publication).
 */
import type { EventId, RoomId } from "../../../lib/matrix-ids.ts";
import type { AuthorKey } from "./author-key.ts";
import type { DigestItemId } from "./item-id.ts";

export const DIGEST_ITEM_STATE_EVENT = "org.meridian.digest.item";

export type ItemState =
  | "awaiting-consent"
  | "awaiting-redaction"
  | "awaiting-approval"
  | "embargoed"
  | "published"
  | "vetoed"
  | "dropped"
  | "withdrawn"
  | "unpublished";

export const END_STATES: readonly ItemState[] = ["vetoed", "dropped", "withdrawn", "unpublished"];
export const LIVE_STATES: readonly ItemState[] = [
  "awaiting-consent",
  "awaiting-redaction",
  "awaiting-approval",
  "embargoed",
  "published",
];

export function isLive(record: DigestItem): boolean {
  return LIVE_STATES.includes(record.state);
}

/** What an author agreed to. A "no" is final for the item (see `consent-transitions.ts`). */
export type ConsentChoice = "named" | "pseudonym" | "refused";
export type Published = Exclude<ConsentChoice, "refused">;

export type AuthorConsent =
  | { readonly author: AuthorKey; readonly consent: "pending" }
  | {
      readonly author: AuthorKey;
      readonly consent: ConsentChoice;
      /** Epoch ms. */
      readonly at: number;
      /** "deadline": no answer in time, which counts as no. */
      readonly by: "author" | "deadline";
    };

/** A message of the nominated thread (the root among them, when quoted). */
export interface QuotedMessage {
  readonly event: EventId;
  readonly author: AuthorKey;
}

/** A quoted message whose author agreed, and how they are to be shown. */
export interface ConsentedMessage extends QuotedMessage {
  readonly as: Published;
}

/** Steering's review of one preview: person ids, each at most once. */
export interface Review {
  readonly preview: number;
  readonly approvals: readonly string[];
  readonly vetoes: readonly string[];
}

/** A redaction the checker found clean when it arrived; checked again before publishing. */
export interface RedactionRecord {
  readonly preview: number;
  /** A digest of the redacted content (e.g. sha256 hex): names it without holding it. */
  readonly digest: string;
}

export type TimerKind = "consent-deadline" | "embargo";

/**
 * A delayed job the item is waiting for. `state` and `preview` are the item's when it was
 * set: a job that fires after the item moved on no longer matches and is refused as stale.
 */
export interface PendingTimer {
  readonly kind: TimerKind;
  /** Unique within the item; part of the job id, so every scheduling is a distinct job. */
  readonly generation: number;
  /** Epoch ms. */
  readonly due: number;
  readonly state: ItemState;
  readonly preview: number;
}

/** Who caused a transition, for the history: kinds only, never people. */
export type ActorKind =
  "steering" | "moderator" | "member" | "author" | "thread" | "redaction" | "timer" | "edition";

export interface ItemTransition {
  /** Epoch ms. */
  readonly at: number;
  /** The event's kind, e.g. "approve" or "consentDeadline". */
  readonly event: string;
  readonly actor: ActorKind;
  readonly from: ItemState;
  readonly to: ItemState;
}

/** Who did something the audit log keeps: a person id, an author key, or the bot on its own. */
export type AuditActor =
  | { readonly kind: "steering" | "moderator"; readonly person: string }
  | { readonly kind: "author"; readonly author: AuthorKey }
  /** The bot: a deadline or embargo passing, a quoted message edited or removed. */
  | { readonly kind: "bot" };

export type AuditAction =
  | "nominate"
  | "approve"
  | "veto"
  | "embargo"
  | "publish"
  /** An author withdrew consent (or narrowed it to a pseudonym after it was settled). */
  | "withdraw"
  /** Taken off every public output because what was published changed. */
  | "take-down"
  | "unpublish"
  | "drop";

export type AuditCause =
  "edited" | "removed" | "consent" | "redaction" | "no-consent" | "nothing-left" | "steering";

/** Who did what and when, with no content: safe to copy to a log outside the room. */
export interface AuditEntry {
  /** Epoch ms. */
  readonly at: number;
  readonly action: AuditAction;
  readonly by: AuditActor;
  readonly preview?: number;
  readonly cause?: AuditCause;
}

export interface DigestItem {
  /** The record's format. */
  readonly version: 1;
  readonly id: DigestItemId;
  readonly state: ItemState;
  readonly source: RoomId;
  readonly root: EventId;
  /** Person id of the steering member or moderator who nominated it. */
  readonly nominatedBy: string;
  /** In thread order. A removed message leaves; an edited one stays (with a new preview). */
  readonly messages: readonly QuotedMessage[];
  /** One entry per author with a message in `messages`, in order of first message. */
  readonly authors: readonly AuthorConsent[];
  /** Epoch ms. */
  readonly consentDeadline: number;
  /** Starts at 1; every change that voids approvals makes a new preview. */
  readonly preview: number;
  readonly redaction?: RedactionRecord;
  /** The latest previews' reviews, oldest first, at most `MAX_REVIEWS`. */
  readonly reviews: readonly Review[];
  /** Epoch ms; publication waits until then. */
  readonly embargo?: number;
  /** Set exactly in `published`. */
  readonly publishedAt?: number;
  /** The edition that collected it; only in `published`. */
  readonly edition?: string;
  readonly timers: readonly PendingTimer[];
  /** The generation the next timer gets. */
  readonly nextGeneration: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Oldest first, at most `MAX_HISTORY` entries (a state event is capped at 64 KiB). */
  readonly history: readonly ItemTransition[];
  /** Oldest first, at most `MAX_AUDIT`; every entry also goes out as an `audit` effect. */
  readonly audit: readonly AuditEntry[];
}

export const MAX_HISTORY = 100;
export const MAX_AUDIT = 100;
export const MAX_REVIEWS = 10;
/** A longer thread is better summarised than quoted, and would crowd the 64 KiB state event. */
export const MAX_MESSAGES = 100;

export function consentOf(record: DigestItem, author: AuthorKey): AuthorConsent | undefined {
  return record.authors.find((entry) => entry.author === author);
}

/**
 * The messages that would be published: those whose author agreed. A pending or refused
 * author's messages are left out, never shown with a blank.
 */
export function consentedMessages(record: DigestItem): readonly ConsentedMessage[] {
  return record.messages.flatMap((message): ConsentedMessage[] => {
    const consent = consentOf(record, message.author)?.consent;
    return consent === "named" || consent === "pseudonym" ? [{ ...message, as: consent }] : [];
  });
}

export function reviewOf(record: DigestItem, preview = record.preview): Review {
  return (
    record.reviews.find((review) => review.preview === preview) ?? { preview, approvals: [], vetoes: [] }
  );
}

/** `record` with `review` in place of its preview's (added when new), the oldest dropped. */
export function withReview(record: DigestItem, review: Review): DigestItem {
  const others = record.reviews.filter((entry) => entry.preview !== review.preview);
  return { ...record, reviews: [...others, review].slice(-MAX_REVIEWS) };
}

/** Whether anyone vetoed any preview of the item. */
export function wasVetoed(record: DigestItem): boolean {
  return record.reviews.some((review) => review.vetoes.length > 0);
}
