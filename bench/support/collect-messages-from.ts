/**
 * Every decrypted m.room.message one sender's events become in a client, in every room, each
 * event once, with the moment the client first held it readable (decrypted). Encrypted events
 * from the sender that are not readable (yet) are counted, so a benchmark can wait until none
 * is left and tell "never arrived" from "arrived but unreadable". Room timeline resets (a sync
 * that skipped events) are counted too: they are the one way a delivered message can go unseen.
 */
import { MatrixEventEvent, RoomEvent, type MatrixClient, type MatrixEvent } from "matrix-js-sdk";

export interface ReceivedFrom {
  readonly eventId: string;
  readonly roomId: string;
  readonly body: string;
  /** Date.now() when the client first held the message decrypted. */
  readonly seenAt: number;
  /** The homeserver's origin_server_ts. */
  readonly sentAt: number;
}

export interface MessagesFrom {
  /** Calls `listener` for each message as it becomes readable; returns the unsubscribe. */
  subscribe(listener: (message: ReceivedFrom) => void): () => void;
  received(): readonly ReceivedFrom[];
  /** Encrypted events from the sender seen but not decrypted (still decrypting, or failed so far). */
  unreadable(): number;
  /** Timeline resets in rooms where the sender had sent something. */
  timelineResets(): number;
  stop(): void;
}

export function collectMessagesFrom(client: MatrixClient, sender: string): MessagesFrom {
  const received = new Map<string, ReceivedFrom>();
  const unreadable = new Set<string>();
  const senderRooms = new Set<string>();
  const listeners = new Set<(message: ReceivedFrom) => void>();
  let resets = 0;

  const consider = (event: MatrixEvent): void => {
    const id = event.getId();
    const roomId = event.getRoomId();
    if (id === undefined || roomId === undefined || event.getSender() !== sender || received.has(id)) return;
    senderRooms.add(roomId);
    if (event.isBeingDecrypted() || event.isDecryptionFailure()) {
      unreadable.add(id);
      return;
    }
    unreadable.delete(id);
    if (event.getType() !== "m.room.message") return;
    const body: unknown = event.getContent()["body"];
    if (typeof body !== "string") return;
    const message: ReceivedFrom = { eventId: id, roomId, body, seenAt: Date.now(), sentAt: event.getTs() };
    received.set(id, message);
    for (const listener of listeners) listener(message);
  };
  const onReset = (room: { roomId: string } | undefined): void => {
    if (room !== undefined && senderRooms.has(room.roomId)) resets += 1;
  };
  client.on(RoomEvent.Timeline, consider);
  client.on(MatrixEventEvent.Decrypted, consider);
  client.on(RoomEvent.TimelineReset, onReset);
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    received: () => [...received.values()],
    unreadable: () => unreadable.size,
    timelineResets: () => resets,
    stop() {
      client.off(RoomEvent.Timeline, consider);
      client.off(MatrixEventEvent.Decrypted, consider);
      client.off(RoomEvent.TimelineReset, onReset);
      listeners.clear();
    },
  };
}
