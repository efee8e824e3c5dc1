/**
 * The socket.io room of open digest pages. A page's script asks to join it; each change the
 * digest bot announces is passed on to it, ids only (the page reloads to see what changed).
 */
import type { Server as SocketIoServer, Socket } from "socket.io";
import type { DigestChange } from "../../lib/digest-index/index.ts";

export const DIGEST_ROOM = "digest";
/** What a page sends to join the room. */
export const DIGEST_JOIN_EVENT = "digest:join";
/** What the room is sent on each change, with the {@link DigestChange}. */
export const DIGEST_CHANGE_EVENT = "digest:change";

export type DigestSocketRoom = {
  announce(change: DigestChange): void;
  close(): void;
};

/** Lets every socket.io client of `io` join the digest room. */
export function openDigestSocketRoom(io: SocketIoServer): DigestSocketRoom {
  const onConnection = (socket: Socket): void => {
    // An acknowledgement, when asked for, tells a client it will get the next change.
    socket.on(DIGEST_JOIN_EVENT, (ack: unknown) => {
      void socket.join(DIGEST_ROOM);
      if (typeof ack === "function") (ack as () => void)();
    });
  };
  io.on("connection", onConnection);
  return {
    announce: (change) => {
      // Local only: every hub process follows the announcements itself, so with the Redis
      // adapter a broadcast to all processes would reach each page once per hub.
      io.local.to(DIGEST_ROOM).emit(DIGEST_CHANGE_EVENT, change);
    },
    close: () => {
      io.off("connection", onConnection);
    },
  };
}
