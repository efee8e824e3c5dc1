/**
 * A nomination creates the item: only a steering member or a moderator of the thread's room
 * may nominate (the layer establishes which they are, from config and the room's power
 * levels), one live item per thread. Every author of a quoted message is asked for consent at
 * once, in their language, with the deadline the network configured.
 */
import type { EventId, RoomId } from "../../../lib/matrix-ids.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import type { AuthorKey } from "./author-key.ts";
import {
  type DigestContext,
  type Transition,
  HOUR_MS,
  audit,
  emit,
  finish,
  schedule,
  startDraft,
} from "./item-draft.ts";
import type { DigestRefusal } from "./item-events.ts";
import type { DigestItemId } from "./item-id.ts";
import { type DigestItem, type QuotedMessage, MAX_MESSAGES, isLive } from "./item-model.ts";

/** Who nominates, with what the layer found out about their roles. */
export interface Nominator {
  /** Config person id (or user id of a moderator who is not in the config). */
  readonly person: string;
  readonly steering: boolean;
  /** A moderator of the room the thread is in. */
  readonly moderatesSource: boolean;
}

export interface Nomination {
  /** A fresh id (`newItemId`). */
  readonly id: DigestItemId;
  readonly nominator: Nominator;
  readonly source: RoomId;
  readonly root: EventId;
  /** The thread's messages to quote, in thread order. */
  readonly messages: readonly QuotedMessage[];
  /** The language to ask each author in; every author of `messages` needs one. */
  readonly languages: readonly { readonly author: AuthorKey; readonly language: string }[];
}

/**
 * The new item in `awaiting-consent`, or why not. `existing` is the items the bot knows; a
 * thread whose item ended (vetoed, dropped, withdrawn, unpublished) may be nominated again,
 * which asks every author again.
 */
export function nominateItem(
  nomination: Nomination,
  existing: readonly DigestItem[],
  context: DigestContext,
): Result<Transition, DigestRefusal> {
  const { id, nominator, source, root, languages } = nomination;
  if (!nominator.steering && !nominator.moderatesSource) return err({ kind: "not-allowed-to-nominate" });
  const live = existing.find((item) => isLive(item) && item.source === source && item.root === root);
  if (live !== undefined) return err({ kind: "already-nominated", item: live.id });
  const messages = [...new Map(nomination.messages.map((message) => [message.event, message])).values()];
  if (messages.length === 0) return err({ kind: "empty-thread" });
  if (messages.length > MAX_MESSAGES)
    return err({ kind: "too-many-messages", count: messages.length, max: MAX_MESSAGES });
  const authors = [...new Set(messages.map((message) => message.author))];
  const asked: { readonly author: AuthorKey; readonly language: string }[] = [];
  for (const author of authors) {
    const language = languages.find((entry) => entry.author === author)?.language;
    if (language === undefined) return err({ kind: "missing-language", author });
    asked.push({ author, language });
  }

  const { now } = context;
  const consentDeadline = now + context.digest.consentDeadlineHours * HOUR_MS;
  const record: DigestItem = {
    version: 1,
    id,
    state: "awaiting-consent",
    source,
    root,
    nominatedBy: nominator.person,
    messages,
    authors: authors.map((author) => ({ author, consent: "pending" })),
    consentDeadline,
    preview: 1,
    reviews: [],
    timers: [],
    nextGeneration: 1,
    createdAt: now,
    updatedAt: now,
    history: [],
    audit: [],
  };
  const draft = startDraft(record, context);
  const role = nominator.steering ? "steering" : "moderator";
  audit(draft, { action: "nominate", by: { kind: role, person: nominator.person } });
  for (const { author, language } of asked)
    emit(draft, { kind: "ask-consent", author, language, deadline: consentDeadline });
  schedule(draft, "consent-deadline", consentDeadline);
  return ok(finish(draft, "nominate", role));
}
