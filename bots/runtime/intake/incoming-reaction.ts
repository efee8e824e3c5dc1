/**
 * What the runtime knows about one incoming reaction (an m.annotation), after decryption.
 * Like a command, it travels as ids plus the reaction key; nothing else of the event.
 */
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";

/** A reaction (m.reaction annotation) someone put on an event, after decryption. */
export interface IncomingReaction {
  readonly roomId: RoomId;
  /** The reaction event itself. */
  readonly eventId: EventId;
  readonly sender: UserId;
  /** The event reacted to. */
  readonly targetEventId: EventId;
  /** The reaction key, e.g. "👍". */
  readonly key: string;
}
