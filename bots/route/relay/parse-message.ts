/**
 * Reads an incoming m.room.message content (untrusted JSON, from either side of the relay)
 * into the little the relay passes on: the kind, the text without any reply fallback, and
 * the event ids it relates to. Everything else (formatted_body, m.mentions, unknown keys) is
 * left behind here, so nothing can be forwarded by accident further on.
 */
import { type Result, err, ok } from "../../../lib/result.ts";

export type RelayRefusal =
  | { readonly reason: "malformed"; readonly detail: string }
  | { readonly reason: "empty"; readonly detail: string }
  | { readonly reason: "media"; readonly msgtype: string; readonly detail: string }
  | { readonly reason: "unsupported"; readonly msgtype: string; readonly detail: string };

export interface IncomingMessage {
  readonly kind: "text" | "notice" | "emote";
  readonly text: string;
  readonly replyTo?: string;
  readonly thread?: { readonly root: string; readonly fallingBack: boolean };
  /** The event an edit replaces; `text` is then the new text from `m.new_content`. */
  readonly replaces?: string;
  /** A relation the relay cannot carry (unknown type, or malformed): it is dropped. */
  readonly otherRelation: boolean;
}

const KINDS = { "m.text": "text", "m.notice": "notice", "m.emote": "emote" } as const;
// Media would need downloading, re-uploading and stripping metadata (EXIF can hold a name or
// a place); until that exists the relay says so rather than forwarding a link to the original.
const MEDIA = new Set(["m.image", "m.file", "m.audio", "m.video"]);

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, key)
    ? (Reflect.get(value, key) as unknown)
    : undefined;
}

function text(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  return typeof found === "string" ? found : undefined;
}

/**
 * Removes a reply fallback: the leading "> " lines quoting the replied-to event (with its
 * sender's Matrix id) and the blank line after them. Only called for replies, as the spec
 * says, so a message that merely starts with a quote keeps it.
 */
export function stripReplyFallback(body: string): string {
  const lines = body.split("\n");
  let quoted = 0;
  while (quoted < lines.length && lines[quoted]?.startsWith(">") === true) quoted++;
  if (quoted === 0) return body;
  return lines.slice(lines[quoted] === "" ? quoted + 1 : quoted).join("\n");
}

function readBody(
  content: unknown,
  isReply: boolean,
): Result<Pick<IncomingMessage, "kind" | "text">, RelayRefusal> {
  const msgtype = text(content, "msgtype");
  const body = text(content, "body");
  if (msgtype === undefined || body === undefined)
    return err({ reason: "malformed", detail: "a message needs a msgtype and a body" });
  if (MEDIA.has(msgtype))
    return err({
      reason: "media",
      msgtype,
      detail: "images, files, audio and video are not relayed yet: send text",
    });
  const kind = Object.hasOwn(KINDS, msgtype) ? KINDS[msgtype as keyof typeof KINDS] : undefined;
  if (kind === undefined)
    return err({
      reason: "unsupported",
      msgtype,
      // The type is untrusted: cap what of it reaches the requester and the log.
      detail: `messages of type ${msgtype.slice(0, 64)} are not relayed: send text`,
    });
  const stripped = (isReply ? stripReplyFallback(body) : body).trim();
  if (stripped === "") return err({ reason: "empty", detail: "the message has no text to relay" });
  return ok({ kind, text: stripped });
}

/** The relay's reading of a message content, or why it will not be relayed. */
export function parseMessage(content: unknown): Result<IncomingMessage, RelayRefusal> {
  if (typeof content !== "object" || content === null || Array.isArray(content))
    return err({ reason: "malformed", detail: "the content is not an object" });
  const relation = field(content, "m.relates_to");
  const relType = text(relation, "rel_type");
  const target = text(relation, "event_id");
  const inReplyTo = field(relation, "m.in_reply_to");
  const replyTo = text(inReplyTo, "event_id");

  if (relType === "m.replace") {
    if (target === undefined) return err({ reason: "malformed", detail: "an edit names no event" });
    const replacement = field(content, "m.new_content");
    if (replacement === undefined)
      return err({ reason: "malformed", detail: "an edit has no m.new_content" });
    const body = readBody(replacement, false);
    return body.ok ? ok({ ...body.value, replaces: target, otherRelation: false }) : body;
  }
  // Strip on any reply, even one whose target is unusable: the fallback is there regardless.
  const body = readBody(content, inReplyTo !== undefined);
  if (!body.ok) return body;
  const inThread = relType === "m.thread" && target !== undefined;
  const thread = inThread
    ? { thread: { root: target, fallingBack: field(relation, "is_falling_back") === true } }
    : {};
  return ok({
    ...body.value,
    ...thread,
    ...(replyTo === undefined ? {} : { replyTo }),
    otherRelation: (relType !== undefined && !inThread) || (inReplyTo !== undefined && replyTo === undefined),
  });
}
