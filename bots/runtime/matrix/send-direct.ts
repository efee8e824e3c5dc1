/**
 * Direct messages from a bot: reuse the encrypted DM room with the person if there is one
 * (as recorded in the bot's `m.direct`), else create one, record it, and send there.
 *
 * Per person, one direct message is worked out at a time: two reminders for the same person
 * sent at once must not each create a room. Rooms created by this process are remembered in
 * memory too, because the bot's own `m.direct` update takes a sync to come back.
 */
import { EventType, Method, type MatrixClient, type Room } from "matrix-js-sdk";
import type { Logger } from "../../../lib/logger.ts";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { MatrixFailure, MessageContent } from "./bot-matrix.ts";
import { directRoomRequest } from "./create-room-request.ts";
import { DIRECT_EVENT_TYPE, directRoomIds, pickDirectRoom, withDirectRoom } from "./direct-rooms.ts";
import { notSynced } from "./matrix-failure.ts";
import type { MatrixRequest } from "./matrix-request.ts";
import { hasInvitedOrJoined, joinedAndEncrypted, waitForSyncedRoom } from "./wait-for-synced-room.ts";

export type SendMessage = (
  roomId: RoomId,
  content: MessageContent,
  txnId?: string,
) => Promise<Result<EventId, MatrixFailure>>;

export interface SendDirectDeps {
  readonly client: MatrixClient;
  readonly userId: UserId;
  readonly request: MatrixRequest;
  readonly sendMessage: SendMessage;
  readonly logger: Logger;
  /** How long to wait for a new DM room to reach the bot's sync. */
  readonly syncTimeoutMs: number;
}

export type SendDirect = (
  user: UserId,
  content: MessageContent,
  txnId?: string,
) => Promise<Result<EventId, MatrixFailure>>;

export function createSendDirect(deps: SendDirectDeps): SendDirect {
  const { client, request, logger } = deps;
  const createdHere = new Map<UserId, RoomId[]>();
  const perUser = new Map<UserId, Promise<unknown>>();
  // Writes of m.direct are serialised: each one reads the latest copy from the server and adds
  // to it, so two DMs created together (for two people) cannot overwrite each other's entry.
  let directWrites: Promise<unknown> = Promise.resolve();

  const view = (user: UserId) => (roomId: RoomId) => {
    const room = client.getRoom(roomId);
    if (room === null) return undefined;
    return {
      botJoined: room.getMyMembership() === "join",
      userMembership: room.getMember(user)?.membership,
      encrypted: room.hasEncryptionStateEvent(),
    };
  };

  const existingRoom = (user: UserId): RoomId | undefined => {
    const synced = directRoomIds(client.getAccountData(EventType.Direct)?.getContent(), user);
    return pickDirectRoom([...(createdHere.get(user) ?? []), ...synced], view(user));
  };

  const recordDirectRoom = (user: UserId, roomId: RoomId): Promise<Result<unknown, MatrixFailure>> => {
    const path = `/user/${encodeURIComponent(deps.userId)}/account_data/${DIRECT_EVENT_TYPE}`;
    const write = directWrites.then(async () => {
      const current = await request("read m.direct", () =>
        client.http.authedRequest<unknown>(Method.Get, path),
      );
      // None yet is M_NOT_FOUND: start from an empty map. Any other failure: do not overwrite.
      if (!current.ok && current.error.errcode !== "M_NOT_FOUND") return current;
      const content = withDirectRoom(current.ok ? current.value : {}, user, roomId);
      return request("write m.direct", () => client.http.authedRequest(Method.Put, path, undefined, content));
    });
    directWrites = write.catch(() => undefined);
    return write;
  };

  const createDirectRoom = async (user: UserId): Promise<Result<RoomId, MatrixFailure>> => {
    // Safe to repeat inside `request`: it repeats only rate-limit refusals, which created nothing.
    const created = await request("create DM room", () => client.createRoom(directRoomRequest(user)));
    if (!created.ok) return created;
    const roomId = created.value.room_id as RoomId;
    createdHere.set(user, [...(createdHere.get(user) ?? []), roomId]);
    const recorded = await recordDirectRoom(user, roomId);
    // The DM still works; the next restart may just not find it and make another.
    if (!recorded.ok)
      logger.warn({ roomId, errcode: recorded.error.errcode }, "could not record a DM room in m.direct");
    return ok(roomId);
  };

  const sendDirect = async (
    user: UserId,
    content: MessageContent,
    txnId: string | undefined,
  ): Promise<Result<EventId, MatrixFailure>> => {
    let roomId = existingRoom(user);
    if (roomId === undefined) {
      const created = await createDirectRoom(user);
      if (!created.ok) return created;
      roomId = created.value;
      // Until the sync shows the room as encrypted and the person as invited, a message would
      // go out in the clear, or without a room key for them (the invite can come a sync later).
      const ready = await waitForSyncedRoom(
        client,
        roomId,
        (room: Room) => joinedAndEncrypted(room) && hasInvitedOrJoined(room, user),
        deps.syncTimeoutMs,
      );
      if (!ready) return err(notSynced(`the new DM room ${roomId} did not reach the bot's sync in time`));
    }
    return deps.sendMessage(roomId, content, txnId);
  };

  return (user, content, txnId) => {
    const previous = perUser.get(user) ?? Promise.resolve();
    const next = previous.then(
      () => sendDirect(user, content, txnId),
      () => sendDirect(user, content, txnId),
    );
    perUser.set(user, next);
    const forget = (): void => {
      if (perUser.get(user) === next) perUser.delete(user);
    };
    next.then(forget, forget);
    return next;
  };
}
