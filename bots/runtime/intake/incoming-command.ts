/**
 * What the runtime knows about one incoming command, after decryption. Only ids and the
 * command text travel further; the text is never logged.
 */
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";

export interface IncomingCommand {
  roomId: RoomId;
  eventId: EventId;
  sender: UserId;
  body: string;
  originServerTs: number;
  threadRootId?: EventId | undefined;
}
