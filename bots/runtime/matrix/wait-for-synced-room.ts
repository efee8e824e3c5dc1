/**
 * Waits until the bot's sync has brought a room into the state a step needs, e.g. a room it
 * has just created. The SDK encrypts a message only for a room it has synced: sent to a room
 * it does not know yet, a message would leave in the clear, even in an encrypted room.
 */
import { ClientEvent, type MatrixClient, type Room } from "matrix-js-sdk";

/** Resolves true once `ready(room)` holds, false after `timeoutMs`. */
export function waitForSyncedRoom(
  client: MatrixClient,
  roomId: string,
  ready: (room: Room) => boolean,
  timeoutMs: number,
): Promise<boolean> {
  const holds = (): boolean => {
    const room = client.getRoom(roomId);
    return room !== null && ready(room);
  };
  if (holds()) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const finish = (value: boolean): void => {
      clearTimeout(timer);
      client.off(ClientEvent.Room, check);
      client.off(ClientEvent.Sync, check);
      resolve(value);
    };
    // A room first appears with ClientEvent.Room; its later state arrives with each sync.
    const check = (): void => {
      if (holds()) finish(true);
    };
    const timer = setTimeout(() => {
      finish(false);
    }, timeoutMs);
    // A shutdown must not wait for this.
    timer.unref();
    client.on(ClientEvent.Room, check);
    client.on(ClientEvent.Sync, check);
  });
}

/** The bot has joined the room (and so holds its full state). */
export function joined(room: Room): boolean {
  return room.getMyMembership() === "join";
}

/** The bot has joined and knows the room is encrypted: sends to it will be encrypted. */
export function joinedAndEncrypted(room: Room): boolean {
  return joined(room) && room.hasEncryptionStateEvent();
}

/** The room's synced state shows `user` invited or joined. */
export function hasInvitedOrJoined(room: Room, user: string): boolean {
  const membership = room.getMember(user)?.membership;
  return membership === "invite" || membership === "join";
}
