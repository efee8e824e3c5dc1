/**
 * Completes the intake's gap handling at start. A sync that skips events in a room the client
 * already knew resets that room's timeline, and the runtime pages back from there. A room the
 * first live sync delivers as *new* gets no reset: the client sees only its last events. That
 * happens when the saved sync position predates the bot's join, or when no position was saved
 * before a crash; commands sent meanwhile would vanish unless something pages back. This
 * watches which rooms the first live sync adds (rooms restored from the saved sync are known)
 * and then pages back in each joined one; `catchUp` stops at the first event already handled.
 */
import { ClientEvent, Direction, SyncState, type MatrixClient, type Room } from "matrix-js-sdk";
import type { Logger } from "../../../lib/logger.ts";
import type { RoomId } from "../../../lib/matrix-ids.ts";
import type { EventIntake } from "./create-event-intake.ts";

/** Rooms paged at once: 1,000 new rooms finish in seconds without crowding the homeserver. */
const CONCURRENCY = 4;

export interface NewRoomCatchUp {
  /** Stops watching and catching up; a room being paged finishes its current page. */
  stop(): void;
}

/** Call before `startClient`, so the rooms restored from the saved sync are seen as known. */
export function catchUpNewRooms(
  client: MatrixClient,
  intake: Pick<EventIntake, "catchUp">,
  logger: Logger,
): NewRoomCatchUp {
  const added = new Map<string, Room>();
  let stopped = false;

  const onRoom = (room: Room): void => {
    added.set(room.roomId, room);
  };
  const onSync = (state: SyncState, _previous: SyncState | null, data?: { fromCache?: boolean }): void => {
    if (state !== SyncState.Prepared && state !== SyncState.Syncing) return;
    // Rooms restored from the saved sync were complete up to its position.
    if (data?.fromCache === true) {
      added.clear();
      return;
    }
    detach();
    void sweep([...added.values()]);
  };
  const detach = (): void => {
    client.off(ClientEvent.Room, onRoom);
    client.off(ClientEvent.Sync, onSync);
  };

  const sweep = async (rooms: readonly Room[]): Promise<void> => {
    const queue: { roomId: RoomId; token: string }[] = [];
    for (const room of rooms) {
      if (room.getMyMembership() !== "join") continue;
      const token = room.getLiveTimeline().getPaginationToken(Direction.Backward);
      if (token !== null) queue.push({ roomId: room.roomId as RoomId, token });
    }
    if (queue.length === 0) return;
    let failed = 0;
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined && !stopped; next = queue.shift()) {
        try {
          await intake.catchUp(next.roomId, next.token);
        } catch (error) {
          failed += 1;
          logger.warn(
            { roomId: next.roomId, err: error instanceof Error ? error.message : String(error) },
            "catching up a room new to this sync failed",
          );
        }
      }
    };
    const count = queue.length;
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    logger.info({ rooms: count, failed }, "caught up the rooms the first sync added");
  };

  client.on(ClientEvent.Room, onRoom);
  client.on(ClientEvent.Sync, onSync);
  return {
    stop() {
      stopped = true;
      detach();
    },
  };
}
