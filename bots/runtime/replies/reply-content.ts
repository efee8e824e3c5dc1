/**
 * The event content of a bot reply: a notice (bots answer with m.notice so that other bots
 * never treat the answer as a command), HTML with a plain-text fallback, in the thread of the
 * command (or starting one on it), so busy rooms stay readable.
 */
import type { EventId } from "../../../lib/matrix-ids.ts";

export interface ReplyBody {
  text: string;
  html: string;
}

export interface ReplyContent {
  msgtype: "m.notice";
  body: string;
  format: "org.matrix.custom.html";
  formatted_body: string;
  "m.relates_to": {
    rel_type: "m.thread";
    event_id: EventId;
    is_falling_back: true;
    "m.in_reply_to": { event_id: EventId };
  };
  [key: string]: unknown;
}

export function replyContent(
  reply: ReplyBody,
  command: { eventId: EventId; threadRootId?: EventId | undefined },
): ReplyContent {
  return {
    msgtype: "m.notice",
    body: reply.text,
    format: "org.matrix.custom.html",
    formatted_body: reply.html,
    "m.relates_to": {
      rel_type: "m.thread",
      event_id: command.threadRootId ?? command.eventId,
      // Clients without thread support show it as a reply to the command.
      is_falling_back: true,
      "m.in_reply_to": { event_id: command.eventId },
    },
  };
}
