/**
 * Reading and writing room state for a bot. Reads come from the state the bot has synced
 * (no request, and consistent with what its sync shows) when it has joined the room, and from
 * the server otherwise. A write waits, briefly, for its own event to come back through the
 * sync, so that a read right after a write sees it (a bot writes an RSVP, then redraws the card).
 */
import {
  EventTimeline,
  Method,
  type MatrixClient,
  type MatrixEvent,
  type Room,
  type RoomState,
} from "matrix-js-sdk";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { err, ok } from "../../../lib/result.ts";
import type { BotMatrix, BotStateEvent, MatrixFailure } from "./bot-matrix.ts";
import type { MatrixRequest } from "./matrix-request.ts";
import { joined, waitForSyncedRoom } from "./wait-for-synced-room.ts";

/** The state half of {@link BotMatrix}; plain functions, so they can be handed on as they are. */
export interface RoomStateAccess {
  readonly sendState: BotMatrix["sendState"];
  readonly readState: BotMatrix["readState"];
  readonly readStateOfType: BotMatrix["readStateOfType"];
  readonly roomsWithState: BotMatrix["roomsWithState"];
}

export interface RoomStateOptions {
  /** How long a write waits for its event to reach the synced state. */
  readonly echoTimeoutMs: number;
}

function statePath(roomId: RoomId, type?: string, stateKey?: string): string {
  const base = `/rooms/${encodeURIComponent(roomId)}/state`;
  return type === undefined
    ? base
    : `${base}/${encodeURIComponent(type)}/${encodeURIComponent(stateKey ?? "")}`;
}

/** The room's current state as synced (the live timeline's end). */
function liveState(room: Room): RoomState | undefined {
  return room.getLiveTimeline().getState(EventTimeline.FORWARDS);
}

function fromSynced(event: MatrixEvent): BotStateEvent {
  return {
    type: event.getType(),
    stateKey: event.getStateKey() ?? "",
    sender: event.getSender() as UserId,
    content: event.getContent(),
  };
}

/** A state event as the server returned it, checked field by field (it is outside input). */
export function stateEventFromJson(raw: unknown): BotStateEvent | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const event = raw as Record<string, unknown>;
  const { type, state_key: stateKey, sender, content } = event;
  if (typeof type !== "string" || typeof stateKey !== "string" || typeof sender !== "string")
    return undefined;
  if (typeof content !== "object" || content === null || Array.isArray(content)) return undefined;
  return { type, stateKey, sender: sender as UserId, content: content as Record<string, unknown> };
}

const MALFORMED: MatrixFailure = {
  errcode: "M_UNKNOWN",
  message: "the homeserver returned a malformed state event",
};

export function createRoomStateAccess(
  client: MatrixClient,
  request: MatrixRequest,
  options: RoomStateOptions,
): RoomStateAccess {
  /** The room, if the bot has joined it and so holds its whole state from the sync. */
  const syncedRoom = (roomId: RoomId): Room | undefined => {
    const room = client.getRoom(roomId);
    return room !== null && joined(room) ? room : undefined;
  };

  return {
    async sendState(roomId, type, stateKey, content) {
      // A plain PUT: the SDK's sendStateEvent types only the state types it knows.
      const sent = await request("send state", () =>
        client.http.authedRequest<{ event_id: string }>(
          Method.Put,
          statePath(roomId, type, stateKey),
          undefined,
          content as Record<string, unknown>,
        ),
      );
      if (!sent.ok) return sent;
      const eventId = sent.value.event_id as EventId;
      if (syncedRoom(roomId) !== undefined) {
        // Seen in the state, or in the timeline when a later write has already replaced it.
        // Not seen in time is no failure: the write is done, only a read may lag behind it.
        await waitForSyncedRoom(
          client,
          roomId,
          (room) =>
            liveState(room)?.getStateEvents(type, stateKey)?.getId() === eventId ||
            room.findEventById(eventId) !== undefined,
          options.echoTimeoutMs,
        );
      }
      return ok(eventId);
    },

    async readState(roomId, type, stateKey) {
      const room = syncedRoom(roomId);
      if (room !== undefined) {
        const event = liveState(room)?.getStateEvents(type, stateKey) ?? null;
        return ok(event === null ? undefined : fromSynced(event));
      }
      const read = await request("read state", () =>
        client.http.authedRequest<unknown>(Method.Get, statePath(roomId, type, stateKey), {
          format: "event",
        }),
      );
      if (!read.ok) return read.error.errcode === "M_NOT_FOUND" ? ok(undefined) : read;
      const event = stateEventFromJson(read.value);
      return event === undefined ? err(MALFORMED) : ok(event);
    },

    async readStateOfType(roomId, type) {
      const room = syncedRoom(roomId);
      if (room !== undefined) return ok((liveState(room)?.getStateEvents(type) ?? []).map(fromSynced));
      const read = await request("read room state", () =>
        client.http.authedRequest<unknown>(Method.Get, statePath(roomId)),
      );
      if (!read.ok) return read;
      if (!Array.isArray(read.value)) return err(MALFORMED);
      const events: BotStateEvent[] = [];
      for (const raw of read.value) {
        const event = stateEventFromJson(raw);
        if (event === undefined) return err(MALFORMED);
        if (event.type === type) events.push(event);
      }
      return ok(events);
    },

    roomsWithState(type) {
      return client
        .getRooms()
        .filter((room) => joined(room) && (liveState(room)?.getStateEvents(type, "") ?? null) !== null)
        .map((room) => room.roomId as RoomId);
    },
  };
}
