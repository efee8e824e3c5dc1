/**
 * Builds a bot's {@link BotMatrix} over its MatrixClient (already holding the bot's E2EE
 * session). Every request is retried while rate-limited and its refusal returned as a value;
 * nothing is sent to a room before the bot's sync knows whether the room is encrypted.
 */
import { EventType, MatrixEvent, Method, type MatrixClient } from "matrix-js-sdk";
import type { RoomMessageEventContent } from "matrix-js-sdk/lib/@types/events.js";
import type { Logger } from "../../../lib/logger.ts";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure, MessageContent } from "./bot-matrix.ts";
import { createRoomRequest } from "./create-room-request.ts";
import { editContent } from "./edit-content.ts";
import { notSynced } from "./matrix-failure.ts";
import { createMatrixRequest } from "./matrix-request.ts";
import { createRoomStateAccess } from "./room-state.ts";
import { readThread } from "./read-thread.ts";
import { createSendDirect } from "./send-direct.ts";
import { hasInvitedOrJoined, joined, waitForSyncedRoom } from "./wait-for-synced-room.ts";

export interface BotMatrixDeps {
  readonly userId: UserId;
  readonly logger: Logger;
  /** Calls per request including the first, while rate-limited. Default 5. */
  readonly maxAttempts?: number;
  /** How long a send waits for a room to reach the bot's sync (e.g. one just joined). Default 30 s. */
  readonly syncTimeoutMs?: number;
  /** How long a state write or an invite waits to see itself in the sync. Default 10 s. */
  readonly echoTimeoutMs?: number;
}

export function createBotMatrix(client: MatrixClient, deps: BotMatrixDeps): BotMatrix {
  const { logger, userId } = deps;
  const syncTimeoutMs = deps.syncTimeoutMs ?? 30_000;
  const echoTimeoutMs = deps.echoTimeoutMs ?? 10_000;
  const request = createMatrixRequest({
    logger,
    ...(deps.maxAttempts === undefined ? {} : { maxAttempts: deps.maxAttempts }),
  });
  const state = createRoomStateAccess(client, request, { echoTimeoutMs });
  const written = new Map<string, Record<string, unknown>>();

  const send = async (
    roomId: RoomId,
    content: Record<string, unknown>,
    txnId: string | undefined,
  ): Promise<Result<EventId, MatrixFailure>> => {
    // The SDK encrypts only for rooms it has synced; unknown, the message would go out in the clear.
    if (!(await waitForSyncedRoom(client, roomId, joined, syncTimeoutMs)))
      return err(notSynced(`the bot has not joined ${roomId} (or its sync has not shown it yet)`));
    // The same txnId on every attempt: a repeat after a rate limit (or a crash) sends nothing twice.
    const fixedTxnId = txnId ?? client.makeTxnId();
    const sent = await request("send message", () =>
      client.sendEvent(
        roomId,
        EventType.RoomMessage,
        // Our content is a valid m.room.message; the SDK's union type does not model every variant.
        { ...content } as unknown as RoomMessageEventContent,
        fixedTxnId,
      ),
    );
    return sent.ok ? ok(sent.value.event_id as EventId) : sent;
  };

  const sendMessage = (roomId: RoomId, content: MessageContent, txnId?: string) =>
    send(roomId, { ...content }, txnId);

  const invite = async (roomId: RoomId, user: UserId): Promise<Result<void, MatrixFailure>> => {
    const invited = await request("invite", () => client.invite(roomId, user));
    if (!invited.ok) return invited;
    // Room keys go to the members the bot's sync shows: a message sent before the invite is
    // seen there would never be readable by the invitee. Not seen in time is still success.
    await waitForSyncedRoom(
      client,
      roomId,
      (room) => joined(room) && hasInvitedOrJoined(room, user),
      echoTimeoutMs,
    );
    // The SDK queries a new member's devices in the background once a room's members were
    // loaded, so the very next message could be encrypted before it knows them (the router's
    // offer right after inviting an expert arrived unreadable). Knowing them first closes that.
    await client
      .getCrypto()
      ?.getUserDeviceInfo([user], true)
      .catch((error: unknown) => {
        logger.warn(
          { roomId, user, err: error instanceof Error ? error.message : String(error) },
          "could not fetch an invitee's devices",
        );
      });
    return ok(undefined);
  };

  return {
    userId,

    async createRoom(options) {
      // Safe to repeat inside `request`: it repeats only rate-limit refusals, which created nothing.
      const created = await request("create room", () =>
        client.createRoom(createRoomRequest(options, userId)),
      );
      if (!created.ok) return created;
      const roomId = created.value.room_id as RoomId;
      // Invited one by one once the room exists: in /createRoom, one failed invite (a server
      // down) fails the whole request after the room was made, leaving a room nobody knows.
      for (const user of options.invite ?? []) {
        const invited = await invite(roomId, user);
        if (!invited.ok)
          logger.warn(
            { roomId, user, errcode: invited.error.errcode },
            "could not invite someone to a new room",
          );
      }
      return ok(roomId);
    },

    invite,

    async kick(roomId, user, reason) {
      const kicked = await request("kick", () => client.kick(roomId, user, reason));
      return kicked.ok ? ok(undefined) : kicked;
    },

    async profile(user) {
      const info = await request("read profile", () => client.getProfileInfo(user));
      if (!info.ok) return info;
      const { displayname, avatar_url } = info.value;
      return ok({
        ...(typeof displayname === "string" ? { displayName: displayname } : {}),
        ...(typeof avatar_url === "string" ? { avatarUrl: avatar_url } : {}),
      });
    },

    async readMessage(roomId, eventId) {
      const raw = await request("read event", () => client.fetchRoomEvent(roomId, eventId));
      if (!raw.ok) return raw;
      const event = new MatrixEvent(raw.value);
      await client.decryptEventIfNeeded(event);
      if (event.isDecryptionFailure() || event.getType() !== "m.room.message") return ok(undefined);
      return ok(event.getContent());
    },

    readThread: (roomId, root) => readThread(client, request, roomId, root),

    async redact(roomId, eventId, reason) {
      const redacted = await request("redact", () =>
        client.redactEvent(roomId, eventId, undefined, reason === undefined ? {} : { reason }),
      );
      return redacted.ok ? ok(undefined) : redacted;
    },

    powerLevel(roomId, user) {
      return client.getRoom(roomId)?.getMember(user)?.powerLevel ?? 0;
    },

    memberName(roomId, user) {
      return client.getRoom(roomId)?.getMember(user)?.rawDisplayName;
    },

    sendState: state.sendState,
    readState: state.readState,
    readStateOfType: state.readStateOfType,
    roomsWithState: state.roomsWithState,
    sendMessage,

    editMessage(roomId, eventId, content, txnId) {
      return send(roomId, editContent(eventId, content), txnId);
    },

    sendDirect: createSendDirect({ client, userId, request, sendMessage, logger, syncTimeoutMs }),

    members(roomId, membership = "join") {
      const room = client.getRoom(roomId);
      return room === null ? [] : room.getMembersWithMembership(membership).map((m) => m.userId as UserId);
    },

    accountData(type) {
      const content: unknown = written.get(type) ?? client.getAccountData(type as never)?.getContent();
      return typeof content === "object" && content !== null
        ? (content as Record<string, unknown>)
        : undefined;
    },

    accountDataTypes(prefix) {
      const types = new Set([...client.store.accountData.keys(), ...written.keys()]);
      return [...types].filter((type) => type.startsWith(prefix)).sort();
    },

    async setAccountData(type, content) {
      const path = `/user/${encodeURIComponent(userId)}/account_data/${encodeURIComponent(type)}`;
      const put = await request("write account data", () =>
        client.http.authedRequest(Method.Put, path, undefined, content),
      );
      if (!put.ok) return put;
      // The sync shows the write a moment later; until then this process answers from here.
      written.set(type, content);
      return ok(undefined);
    },
  };
}
