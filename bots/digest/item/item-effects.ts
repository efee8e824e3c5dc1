/**
 * What the Matrix-facing layer must do after a transition, as data, in order: taking an item
 * off public outputs comes first (the issue allows a minute), then the audit entry, then the
 * notices. Effects are acted on at once and never stored; like the record they hold ids only.
 */
import type { AuthorKey } from "./author-key.ts";
import type { DigestItemId } from "./item-id.ts";
import type { AuditEntry, ConsentedMessage, TimerKind } from "./item-model.ts";
import type { PublishableItem } from "./publication-proof.ts";
import type { TimerExpectation } from "./timer-ids.ts";

/** What the steering room is told (previews are posted by their own effect). */
export type SteeringNotice =
  /** Approvals of the old preview no longer count; a new one follows. */
  | "preview-voided"
  /** The checker did not find the redaction clean: nothing to approve until it is. */
  | "redaction-unclean"
  | "embargoed"
  | "published"
  | "taken-down"
  | "vetoed"
  | "dropped"
  | "withdrawn"
  | "unpublished";

/** What consenting authors are told, in their DM with the bot. */
export type AuthorNotice = "published" | "taken-down" | "not-published";

/** What the person who nominated the thread is told. */
export type NominatorNotice = "no-consent" | "published" | "vetoed" | "dropped";

export type DigestEffect =
  /** By encrypted DM, in `language`: named, pseudonym, or no; no answer by `deadline` is no. */
  | {
      readonly kind: "ask-consent";
      readonly author: AuthorKey;
      readonly language: string;
      /** Epoch ms. */
      readonly deadline: number;
    }
  /** Feed the result back as a `redacted` event for the same preview. */
  | {
      readonly kind: "request-redaction";
      readonly preview: number;
      readonly messages: readonly ConsentedMessage[];
    }
  /** In the encrypted steering room, where reactions or commands on it approve `preview`. */
  | {
      readonly kind: "post-preview";
      readonly preview: number;
      readonly digest: string;
      readonly messages: readonly ConsentedMessage[];
    }
  /** The only way onto a public output: the publisher accepts nothing but the proof. */
  | { readonly kind: "publish"; readonly item: PublishableItem }
  | { readonly kind: "add-to-edition"; readonly edition: string; readonly item: PublishableItem }
  /** Off the public digest room and every edition listed. */
  | {
      readonly kind: "unpublish-everywhere";
      readonly item: DigestItemId;
      readonly editions: readonly string[];
    }
  | {
      readonly kind: "schedule-timer";
      readonly jobId: string;
      /** Epoch ms. */
      readonly due: number;
      /** The job's payload: ids and small numbers only. */
      readonly payload: TimerExpectation;
    }
  | { readonly kind: "cancel-timer"; readonly jobId: string; readonly timer: TimerKind }
  /** For the audit log outside the room, which keeps what the record's capped list drops. */
  | { readonly kind: "audit"; readonly entry: AuditEntry }
  | { readonly kind: "notify-steering"; readonly notice: SteeringNotice }
  | {
      readonly kind: "notify-authors";
      readonly authors: readonly AuthorKey[];
      readonly notice: AuthorNotice;
    }
  | { readonly kind: "notify-nominator"; readonly notice: NominatorNotice };
