/**
 * What can happen to a digest item after its nomination: authors' answers, changes to the
 * quoted thread, the redaction result, steering's review, timers and editions. Events carry
 * who acted as the Matrix-facing layer classified them (a steering member or not; an author by
 * key); whether they may do this is decided by `applyDigestEvent`, so the rules live in one
 * place. A nomination creates the item, so it has its own function (`nominate-item.ts`).
 */
import type { EventId } from "../../../lib/matrix-ids.ts";
import type { AuthorKey } from "./author-key.ts";
import type { DigestItemId } from "./item-id.ts";
import type { AuthorConsent, ConsentChoice, ItemState } from "./item-model.ts";
import type { TimerExpectation } from "./timer-ids.ts";

/** A person acting on an item, by config person id; only steering members review. */
export type Actor =
  | { readonly kind: "steering"; readonly person: string }
  | { readonly kind: "member"; readonly person: string };

export type DigestEvent =
  /** An author's answer to the consent request (in their DM with the bot). */
  | { readonly kind: "consent"; readonly author: AuthorKey; readonly choice: ConsentChoice }
  /** `!digest withdraw`: the author's consent ends, at any time, also after publication. */
  | { readonly kind: "withdraw"; readonly author: AuthorKey }
  | { readonly kind: "consentDeadline"; readonly timer: TimerExpectation }
  /** A quoted message was edited in its room. */
  | { readonly kind: "messageEdited"; readonly event: EventId }
  /** A quoted message was redacted (deleted) in its room. */
  | { readonly kind: "messageRemoved"; readonly event: EventId }
  /** The redaction module's result for `preview`: a digest of the redacted content. */
  | { readonly kind: "redacted"; readonly preview: number; readonly digest: string }
  /** `preview` is the preview the person saw (the one their reaction or command answers). */
  | { readonly kind: "approve"; readonly actor: Actor; readonly preview: number }
  | { readonly kind: "veto"; readonly actor: Actor; readonly preview: number }
  /** Epoch ms; without `until` the embargo is lifted. */
  | { readonly kind: "setEmbargo"; readonly actor: Actor; readonly until?: number }
  | { readonly kind: "embargoReached"; readonly timer: TimerExpectation }
  /** Steering: off every public output (after publication) or dropped (before). */
  | { readonly kind: "unpublish"; readonly actor: Actor }
  /** The weekly edition `edition` closed and collects this published item. */
  | { readonly kind: "editionClosed"; readonly edition: string };

export type DigestEventKind = DigestEvent["kind"] | "nominate";

/** Why an event was refused; the layer words it for the person (or ignores a stale one). */
export type DigestRefusal =
  | {
      readonly kind: "wrong-state";
      readonly event: DigestEventKind;
      readonly state: ItemState;
      readonly allowed: readonly ItemState[];
    }
  | { readonly kind: "wrong-actor"; readonly event: DigestEventKind; readonly actor: Actor["kind"] }
  /** Only steering members and the source room's moderators nominate; told politely. */
  | { readonly kind: "not-allowed-to-nominate" }
  /** The thread has a live item already. */
  | { readonly kind: "already-nominated"; readonly item: DigestItemId }
  | { readonly kind: "empty-thread" }
  | { readonly kind: "too-many-messages"; readonly count: number; readonly max: number }
  /** The nomination named no language to ask this author in: a caller bug. */
  | { readonly kind: "missing-language"; readonly author: AuthorKey }
  | { readonly kind: "not-an-author"; readonly author: AuthorKey }
  /** A "no" is final, and once consent is settled it may only narrow (see the consent rules). */
  | {
      readonly kind: "consent-final";
      readonly author: AuthorKey;
      readonly consent: AuthorConsent["consent"];
      readonly asked: ConsentChoice;
    }
  | { readonly kind: "already-withdrawn"; readonly author: AuthorKey }
  | { readonly kind: "not-quoted"; readonly event: EventId }
  /** An approval, veto or redaction for a preview that is no longer the current one. */
  | {
      readonly kind: "stale-preview";
      readonly event: DigestEventKind;
      readonly preview: number;
      readonly current: number;
    }
  | { readonly kind: "already-approved"; readonly person: string }
  | { readonly kind: "veto-disabled" }
  | { readonly kind: "embargo-not-in-future"; readonly until: number }
  | { readonly kind: "already-in-edition"; readonly edition: string }
  /** A timer that no longer matches the item; expected after any change, to be ignored. */
  | { readonly kind: "stale-timer"; readonly timer: TimerExpectation };
