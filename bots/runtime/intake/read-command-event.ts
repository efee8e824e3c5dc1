/**
 * Turns a decrypted Matrix event into what the runtime acts on (a command or a reaction), or
 * says why it is neither. Pure: it looks only at the event's fields, so it is unit-tested
 * without a homeserver.
 */
import type { MatrixEvent } from "matrix-js-sdk";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import type { IncomingCommand } from "./incoming-command.ts";
import type { IncomingReaction } from "./incoming-reaction.ts";

export type CommandCandidate =
  | { kind: "command"; command: IncomingCommand }
  | { kind: "reaction"; reaction: IncomingReaction }
  | {
      kind: "ignore";
      why:
        | "own-event"
        | "not-a-message"
        | "not-text"
        | "edit"
        | "no-prefix"
        | "undecryptable"
        | "not-an-annotation";
    };

export function readCommandEvent(event: MatrixEvent, ownUserId: string, prefix = "!"): CommandCandidate {
  if (event.getSender() === ownUserId) return { kind: "ignore", why: "own-event" };
  if (event.isDecryptionFailure()) return { kind: "ignore", why: "undecryptable" };
  if (event.getType() === "m.reaction") return readReaction(event);
  if (event.getType() !== "m.room.message") return { kind: "ignore", why: "not-a-message" };
  const content = event.getContent();
  // Notices are what bots send: never treat one as a command (no bot loops).
  if (content["msgtype"] !== "m.text") return { kind: "ignore", why: "not-text" };
  // For encrypted events the relation stays in the cleartext wire content; getRelation() reads it there.
  const relation = event.getRelation();
  if (relation?.rel_type === "m.replace") return { kind: "ignore", why: "edit" };
  const body: unknown = content["body"];
  if (typeof body !== "string" || !body.trimStart().startsWith(prefix))
    return { kind: "ignore", why: "no-prefix" };
  const threadRoot =
    relation?.rel_type === "m.thread" ? (relation.event_id as EventId | undefined) : undefined;
  return {
    kind: "command",
    command: {
      roomId: event.getRoomId() as RoomId,
      eventId: event.getId() as EventId,
      sender: event.getSender() as UserId,
      body: body.trimStart(),
      originServerTs: event.getTs(),
      threadRootId: threadRoot,
    },
  };
}

/**
 * A reaction is an m.reaction whose relation is an m.annotation of an event with a key.
 * Clients send it either in the clear (matrix-js-sdk never encrypts reactions) or encrypted
 * (clients on the Rust SDK do); either way the relation is in the cleartext wire content, which
 * is where getRelation() reads it. A client that kept the key inside the ciphertext is read too.
 * A redacted reaction has lost its relation and is ignored here.
 */
function readReaction(event: MatrixEvent): CommandCandidate {
  const relation = event.getRelation();
  // Wire content is whatever the sender put there: check the shapes, not just the presence.
  const targetEventId: unknown = relation?.event_id;
  if (relation?.rel_type !== "m.annotation" || typeof targetEventId !== "string" || targetEventId === "")
    return { kind: "ignore", why: "not-an-annotation" };
  const key = relation.key ?? keyInDecryptedContent(event, targetEventId);
  if (typeof key !== "string" || key === "") return { kind: "ignore", why: "not-an-annotation" };
  return {
    kind: "reaction",
    reaction: {
      roomId: event.getRoomId() as RoomId,
      eventId: event.getId() as EventId,
      sender: event.getSender() as UserId,
      targetEventId: targetEventId as EventId,
      key,
    },
  };
}

/** The key of the decrypted relation, only when it annotates the same event as the cleartext one. */
function keyInDecryptedContent(event: MatrixEvent, targetEventId: string): unknown {
  const inner: unknown = event.getContent()["m.relates_to"];
  if (typeof inner !== "object" || inner === null) return undefined;
  const relation = inner as Record<string, unknown>;
  return relation["rel_type"] === "m.annotation" && relation["event_id"] === targetEventId
    ? relation["key"]
    : undefined;
}
