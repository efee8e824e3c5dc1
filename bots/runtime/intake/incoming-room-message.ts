/**
 * A message someone else sent in a room of the bot that is not a command: what a bot that
 * relays conversations or holds a guided exchange reads. The content is the decrypted
 * content, held in memory only; handlers must not store or log it.
 */
import type { MatrixEvent } from "matrix-js-sdk";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";

export interface IncomingRoomMessage {
  readonly roomId: RoomId;
  readonly eventId: EventId;
  readonly sender: UserId;
  /** The decrypted `m.room.message` content, edits (`m.replace`) included. */
  readonly content: Readonly<Record<string, unknown>>;
  readonly originServerTs: number;
}

/**
 * The message an event carries, when it is one a bot may act on: an `m.room.message` from
 * someone else that decrypted, and not an `m.notice` (what bots send: acting on one could
 * start two bots answering each other forever).
 */
export function readRoomMessage(event: MatrixEvent, ownUserId: string): IncomingRoomMessage | undefined {
  if (event.getSender() === ownUserId || event.isDecryptionFailure()) return undefined;
  if (event.getType() !== "m.room.message") return undefined;
  const content = event.getContent();
  if (content["msgtype"] === "m.notice") return undefined;
  return {
    roomId: event.getRoomId() as RoomId,
    eventId: event.getId() as EventId,
    sender: event.getSender() as UserId,
    content,
    originServerTs: event.getTs(),
  };
}
