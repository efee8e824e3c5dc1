/**
 * Relations across the relay: an event id from one room means nothing in the other, and
 * copying it would tell the other side an id from a room it must not see. The caller keeps
 * the map between each original event and its relayed copy; a relation whose target has no
 * copy is dropped, and the message goes across as a plain one.
 */
import { type EventId, parseEventId } from "../../../lib/matrix-ids.ts";
import type { IncomingMessage } from "./parse-message.ts";

/** The relayed copy, in the other room, of an event; undefined when there is none. */
export type EventMapper = (original: EventId) => EventId | undefined;

export interface InReplyTo {
  readonly event_id: EventId;
}

export type RelayRelation =
  | { readonly "m.in_reply_to": InReplyTo }
  | {
      readonly rel_type: "m.thread";
      readonly event_id: EventId;
      readonly is_falling_back: boolean;
      readonly "m.in_reply_to": InReplyTo;
    }
  | { readonly rel_type: "m.replace"; readonly event_id: EventId };

export interface MappedRelation {
  readonly relation?: RelayRelation;
  /** Whether the original had a relation that could not be carried across. */
  readonly dropped: boolean;
}

function mapped(original: string | undefined, mapEvent: EventMapper): EventId | undefined {
  if (original === undefined) return undefined;
  const parsed = parseEventId(original);
  return parsed.ok ? mapEvent(parsed.value) : undefined;
}

/** The message's relation re-pointed at the other room's events, or dropped. */
export function mapRelation(message: IncomingMessage, mapEvent: EventMapper): MappedRelation {
  if (message.replaces !== undefined) {
    const target = mapped(message.replaces, mapEvent);
    return target === undefined
      ? { dropped: true }
      : { relation: { rel_type: "m.replace", event_id: target }, dropped: false };
  }
  const replyTo = mapped(message.replyTo, mapEvent);
  const lostReply = message.replyTo !== undefined && replyTo === undefined;
  if (message.thread !== undefined) {
    const root = mapped(message.thread.root, mapEvent);
    if (root !== undefined) {
      // A thread message always carries an in-reply-to for clients without threads; when the
      // real reply target has no copy, point it at the root and mark it as only a fallback.
      const fallingBack = message.thread.fallingBack || replyTo === undefined;
      const relation: RelayRelation = {
        rel_type: "m.thread",
        event_id: root,
        is_falling_back: fallingBack,
        "m.in_reply_to": { event_id: replyTo ?? root },
      };
      return { relation, dropped: message.otherRelation || (lostReply && !message.thread.fallingBack) };
    }
    // Without its thread, a falling-back reply was never a real reply: drop it too.
    const realReply = message.thread.fallingBack ? undefined : replyTo;
    return realReply === undefined
      ? { dropped: true }
      : { relation: { "m.in_reply_to": { event_id: realReply } }, dropped: true };
  }
  if (replyTo !== undefined)
    return { relation: { "m.in_reply_to": { event_id: replyTo } }, dropped: message.otherRelation };
  return { dropped: lostReply || message.otherRelation };
}
