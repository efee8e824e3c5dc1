/**
 * A socket.io client in the hub's digest room, and a way to wait for a given change: tests
 * wait for the hub's push (which comes after its cache was invalidated) rather than sleeping.
 */
import { io as connectSocket, type Socket } from "socket.io-client";
import type { DigestChange } from "../../lib/digest-index/index.ts";

export type DigestRoomClient = {
  /** Resolves with the first change (from now on) matching `predicate`; rejects after `timeoutMs`. */
  next(predicate: (change: DigestChange) => boolean, timeoutMs?: number): Promise<DigestChange>;
  close(): void;
};

/** Connects to `hubUrl`'s socket.io and joins the digest room (acknowledged by the hub). */
export async function joinDigestRoom(hubUrl: string): Promise<DigestRoomClient> {
  const socket: Socket = connectSocket(hubUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  await socket.timeout(5_000).emitWithAck("digest:join");
  return {
    next: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const onChange = (change: DigestChange): void => {
          if (!predicate(change)) return;
          clearTimeout(timer);
          socket.off("digest:change", onChange);
          resolve(change);
        };
        const timer = setTimeout(() => {
          socket.off("digest:change", onChange);
          reject(new Error(`no matching digest change within ${timeoutMs} ms`));
        }, timeoutMs);
        socket.on("digest:change", onChange);
      }),
    close: () => {
      socket.disconnect();
    },
  };
}
