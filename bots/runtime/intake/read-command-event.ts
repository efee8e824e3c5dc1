/**
 * Turns a decrypted Matrix event into a command candidate, or says why it is not one. Pure:
 * it looks only at the event's fields, so it is unit-tested without a homeserver.
 */
import type { MatrixEvent } from "matrix-js-sdk";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import type { IncomingCommand } from "./incoming-command.ts";

export type CommandCandidate =
  | { kind: "command"; command: IncomingCommand }
  | {
      kind: "ignore";
      why: "own-event" | "not-a-message" | "not-text" | "edit" | "no-prefix" | "undecryptable";
    };

export function readCommandEvent(event: MatrixEvent, ownUserId: string, prefix = "!"): CommandCandidate {
  if (event.getSender() === ownUserId) return { kind: "ignore", why: "own-event" };
  if (event.isDecryptionFailure()) return { kind: "ignore", why: "undecryptable" };
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
