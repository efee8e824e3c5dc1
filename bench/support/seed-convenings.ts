/**
 * Many convenings written straight into Matrix and the convene bot's Redis index, laid out as
 * the bot's `schedule` command leaves them (an encrypted room the bot created, its id claimed
 * in the index, the `org.meridian.convening` state, one RSVP state per person) but without
 * chat commands, cards or announcements, which would take far longer. In two steps, so that
 * the start time can be chosen once the slow part (rooms) is done: `createConveningRooms`,
 * then `writeConvenings`. Everything goes through the bot's own session (its `BotMatrix`) and
 * the store the bot reads with (`createConveningStore`), so the layout is the bot's.
 */
import type { NetworkConfig } from "../../config/index.ts";
import type { RoomId, UserId } from "../../lib/matrix-ids.ts";
import { mapWithConcurrency } from "../../lib/map-with-concurrency.ts";
import type { Convening } from "../../bots/convene/model/convening.ts";
import { conveningRoomState } from "../../bots/convene/service/convening-room-state.ts";
import type { ConveningStore } from "../../bots/convene/store/convening-store.ts";
import type { BotMatrix } from "../../bots/runtime/matrix/bot-matrix.ts";

export interface SeededRoom {
  readonly index: number;
  /** Convening id, e.g. "b0007" (the bot's own are "c" and four characters). */
  readonly id: string;
  /** Unique per convening, e.g. "Bench 0007": the reminder text names it. */
  readonly title: string;
  readonly roomId: RoomId;
}

export interface SeedDeps {
  readonly config: NetworkConfig;
  readonly matrix: BotMatrix;
  readonly store: ConveningStore;
  /** The organiser, invited to each room as the bot invites an organiser, and its one "yes". */
  readonly person: UserId;
  /** Makes the person join a room they were invited to. */
  readonly join: (roomId: RoomId) => Promise<void>;
  /** The region the rooms are hosted in (for the server ACL), the person's. */
  readonly region: string;
  readonly concurrency: number;
  readonly log: (line: string) => void;
}

const MINUTE_MS = 60_000;

export function benchTitle(index: number): string {
  return `Bench ${String(index + 1).padStart(4, "0")}`;
}

function benchId(index: number): string {
  return `b${String(index + 1).padStart(4, "0")}`;
}

function progress(log: (line: string) => void, what: string, total: number, started: number) {
  let done = 0;
  const every = Math.max(1, Math.round(total / 10));
  return (): void => {
    done += 1;
    if (done % every !== 0 && done !== total) return;
    const seconds = (performance.now() - started) / 1000;
    log(
      `${what}: ${done}/${total} in ${seconds.toFixed(1)} s (${((seconds * 1000) / done).toFixed(0)} ms each)`,
    );
  };
}

/**
 * Creates `count` convening rooms as the bot does (its `conveningRoomState`, the organiser
 * invited at level 50), has the person join each, claims each id in the index and records
 * the person's "yes". The convening state itself comes later.
 */
export async function createConveningRooms(deps: SeedDeps, count: number): Promise<SeededRoom[]> {
  const started = performance.now();
  const tick = progress(deps.log, "rooms", count, started);
  // As the bot's own: no space to point at here, so invitation only.
  const initialState = conveningRoomState(deps.config, [], deps.region, [deps.region]);
  return mapWithConcurrency(
    Array.from({ length: count }, (_unused, index) => index),
    deps.concurrency,
    async (index) => {
      const id = benchId(index);
      const title = benchTitle(index);
      const created = await deps.matrix.createRoom({
        name: title,
        topic: `Convening ${id}`,
        initialState,
        powerLevelUsers: { [deps.person]: 50 },
        invite: [deps.person],
      });
      if (!created.ok) throw new Error(`room for ${id}: ${created.error.errcode} ${created.error.message}`);
      const roomId = created.value;
      await deps.join(roomId);
      if (!(await deps.store.claimId(id, roomId))) throw new Error(`convening id ${id} is already taken`);
      const rsvp = await deps.store.saveRsvp(roomId, {
        user: deps.person,
        answer: "yes",
        at: new Date().toISOString(),
      });
      if (!rsvp.ok) throw new Error(`RSVP in ${id}: ${rsvp.error.errcode} ${rsvp.error.message}`);
      tick();
      return { index, id, title, roomId };
    },
  );
}

/** Writes each room's convening, all starting at `start` (epoch ms, a whole minute). */
export async function writeConvenings(
  deps: SeedDeps,
  rooms: readonly SeededRoom[],
  start: number,
): Promise<void> {
  if (start % MINUTE_MS !== 0) throw new Error("the start must be a whole minute");
  const tick = progress(deps.log, "convening state", rooms.length, performance.now());
  const zone = deps.config.regions.find((region) => region.id === deps.region)?.timeZones[0] ?? "UTC";
  const now = new Date().toISOString();
  await mapWithConcurrency(rooms, deps.concurrency, async (room) => {
    const convening: Convening = {
      id: room.id,
      title: room.title,
      organiser: deps.person,
      roomId: room.roomId,
      time: { start: new Date(start).toISOString(), zone, durationMinutes: 60 },
      regions: [deps.region],
      networks: [],
      languages: ["en"],
      status: "scheduled",
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    };
    const saved = await deps.store.saveConvening(room.roomId, convening);
    if (!saved.ok) throw new Error(`convening ${room.id}: ${saved.error.errcode} ${saved.error.message}`);
    tick();
  });
}
