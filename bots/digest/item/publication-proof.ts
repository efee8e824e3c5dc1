/**
 * The proof that an item may be published. Publishing is the one irreversible step of a
 * digest (a public post can be copied before it is taken down), so it must not rest on each
 * caller remembering every rule. A `PublishableItem` is made only by `checkPublishable`, after
 * every rule passed; the publisher (the `publish` and `add-to-edition` effects, and whatever
 * carries them out, see `DigestPublisher`) accepts nothing else.
 *
 * The brand is a `unique symbol` this file does not export, so no other module can write a
 * value of the type: a plain object is not assignable (a type error), and the only way
 * around is a cast (`as PublishableItem`), which review and a test that searches the sources
 * for it can catch.
 */
import type { EventId, RoomId } from "../../../lib/matrix-ids.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import type { DigestContext } from "./item-draft.ts";
import type { DigestItemId } from "./item-id.ts";
import {
  type ConsentedMessage,
  type DigestItem,
  type ItemState,
  consentedMessages,
  reviewOf,
  wasVetoed,
} from "./item-model.ts";

declare const proven: unique symbol;

/** An item that passed every publication rule at `checkedAt`, as it is to be published. */
export interface PublishableItem {
  readonly [proven]: true;
  readonly item: DigestItemId;
  readonly source: RoomId;
  readonly root: EventId;
  readonly preview: number;
  /** The redacted content to publish is the one with this digest. */
  readonly digest: string;
  /** Only messages whose authors agreed, each shown as they chose. */
  readonly messages: readonly ConsentedMessage[];
  /** Epoch ms. */
  readonly checkedAt: number;
}

/**
 * What carries publication out (the Matrix-facing layer implements it). It takes the proof,
 * not an item, so nothing reaches a public output without passing `checkPublishable`.
 */
export interface DigestPublisher<Failure> {
  publish(item: PublishableItem): Promise<Result<void, Failure>>;
  addToEdition(edition: string, item: PublishableItem): Promise<Result<void, Failure>>;
  unpublishEverywhere(item: DigestItemId, editions: readonly string[]): Promise<Result<void, Failure>>;
}

/** Why an item may not be published (yet). */
export type PublishBlock =
  | { readonly kind: "not-approved"; readonly state: ItemState }
  | { readonly kind: "embargoed"; readonly until: number }
  | { readonly kind: "no-quorum"; readonly approvals: number; readonly quorum: number }
  | { readonly kind: "vetoed" }
  | { readonly kind: "nothing-consented" }
  /** No clean redaction was recorded for the current preview. */
  | { readonly kind: "no-redaction"; readonly preview: number }
  | { readonly kind: "redaction-unclean"; readonly preview: number };

/** States in which a quorum's approval of the current preview stands. */
const APPROVED_STATES: readonly ItemState[] = ["awaiting-approval", "embargoed", "published"];

/** Distinct steering members who approved the current preview. */
export function approvalsOf(record: DigestItem): number {
  return new Set(reviewOf(record).approvals).size;
}

/** The quorum in force; a quorum below one would let nobody's approval publish. */
export function quorumOf(context: DigestContext): number {
  return Math.max(1, context.digest.approvalQuorum);
}

export function hasQuorum(record: DigestItem, context: DigestContext): boolean {
  return approvalsOf(record) >= quorumOf(context);
}

/**
 * The proof that `record` may be published now, or every reason it may not: approved (a
 * quorum of distinct steering members for the current preview, no veto when vetoes count,
 * no embargo still running), at least one message whose author agreed (the others are left
 * out of the proof), and a redaction of the current preview that the checker finds clean.
 */
export function checkPublishable(
  record: DigestItem,
  context: DigestContext,
): Result<PublishableItem, readonly PublishBlock[]> {
  const { now, digest: config } = context;
  const blocks: PublishBlock[] = [];
  if (!APPROVED_STATES.includes(record.state)) blocks.push({ kind: "not-approved", state: record.state });
  if (record.embargo !== undefined && record.embargo > now)
    blocks.push({ kind: "embargoed", until: record.embargo });
  if (!hasQuorum(record, context))
    blocks.push({ kind: "no-quorum", approvals: approvalsOf(record), quorum: quorumOf(context) });
  if (config.allowVeto && wasVetoed(record)) blocks.push({ kind: "vetoed" });
  const messages = consentedMessages(record);
  if (messages.length === 0) blocks.push({ kind: "nothing-consented" });
  const { redaction, preview } = record;
  if (redaction?.preview !== preview) blocks.push({ kind: "no-redaction", preview });
  else if (!context.isRedactionClean({ item: record.id, preview, digest: redaction.digest }))
    blocks.push({ kind: "redaction-unclean", preview });
  if (blocks.length > 0 || redaction === undefined) return err(blocks);

  const proof = {
    item: record.id,
    source: record.source,
    root: record.root,
    preview,
    digest: redaction.digest,
    messages: Object.freeze(messages.map((message) => Object.freeze({ ...message }))),
    checkedAt: now,
  };
  // The one place the brand is given: every rule above has passed.
  return ok(Object.freeze(proof) as PublishableItem);
}
