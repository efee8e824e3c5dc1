/**
 * The pure lifecycle of a digest item: nomination, consent, redaction, review, publication
 * behind a proof, editions and withdrawal. No Matrix, no I/O.
 */
export { type AuthorKey, parseAuthorKey } from "./author-key.ts";
export { type DigestItemId, newItemId, parseItemId } from "./item-id.ts";
export {
  type ActorKind,
  type AuditAction,
  type AuditActor,
  type AuditCause,
  type AuditEntry,
  type AuthorConsent,
  type ConsentChoice,
  type ConsentedMessage,
  type DigestItem,
  type ItemState,
  type ItemTransition,
  type PendingTimer,
  type Published,
  type QuotedMessage,
  type RedactionRecord,
  type Review,
  type TimerKind,
  DIGEST_ITEM_STATE_EVENT,
  END_STATES,
  LIVE_STATES,
  MAX_AUDIT,
  MAX_HISTORY,
  MAX_MESSAGES,
  MAX_REVIEWS,
  consentOf,
  consentedMessages,
  isLive,
  reviewOf,
  wasVetoed,
} from "./item-model.ts";
export type { Actor, DigestEvent, DigestEventKind, DigestRefusal } from "./item-events.ts";
export type { AuthorNotice, DigestEffect, NominatorNotice, SteeringNotice } from "./item-effects.ts";
export type { DigestContext, RedactionCheck, RedactionRef, Transition } from "./item-draft.ts";
export { type Nomination, type Nominator, nominateItem } from "./nominate-item.ts";
export { applyDigestEvent } from "./item-transitions.ts";
export { timerEvent } from "./timer-transitions.ts";
export {
  type TimerExpectation,
  expectationOf,
  isCurrentTimer,
  itemJobPrefix,
  restoreTimers,
  timerJobId,
} from "./timer-ids.ts";
export {
  type DigestPublisher,
  type PublishBlock,
  type PublishableItem,
  approvalsOf,
  checkPublishable,
  hasQuorum,
  quorumOf,
} from "./publication-proof.ts";
export { type PublicEntry, type PublicOutputs, publicOutputs } from "./public-outputs.ts";
