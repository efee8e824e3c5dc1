/**
 * The observer: what the homeservers hold now. Each provisioner account lists the rooms it
 * has joined (it creates every managed room on its own server and stays in it, archived ones
 * included), and each room's state is read exactly once. Reads only.
 */
import { mapWithConcurrency } from "../../lib/map-with-concurrency.ts";
import type { RoomId } from "../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../lib/result.ts";
import type { MatrixHttpError } from "./matrix-http.ts";
import type { ObservedNetwork, ObservedRoom } from "./observed-state.ts";
import type { ProvisionerApi } from "./provisioner-api.ts";
import { readManagedRoom, resolveConfigIds } from "./read-room-state.ts";

/** State reads in flight per homeserver. */
const READS_PER_SERVER = 8;

/** Reads every room the provisioner accounts are in. */
export async function observeNetwork(
  apis: readonly ProvisionerApi[],
): Promise<Result<ObservedNetwork, MatrixHttpError>> {
  const trusted = new Set<string>(apis.map((api) => api.userId));
  const seen = new Set<RoomId>();
  const managed: ObservedRoom[] = [];
  const unmanaged: RoomId[] = [];
  const failures: MatrixHttpError[] = [];
  await Promise.all(
    apis.map(async (api) => {
      const joined = await api.joinedRooms();
      if (!joined.ok) {
        failures.push(joined.error);
        return;
      }
      // A room joined by two of our accounts is read once, through the first that lists it.
      const mine = joined.value.filter((roomId) => !seen.has(roomId));
      for (const roomId of mine) seen.add(roomId);
      await mapWithConcurrency(mine, READS_PER_SERVER, async (roomId) => {
        const state = await api.roomState(roomId);
        if (!state.ok) {
          failures.push(state.error);
          return;
        }
        const room = readManagedRoom(roomId, state.value, trusted);
        if (room === undefined) unmanaged.push(roomId);
        else managed.push(room);
      });
    }),
  );
  const [failure] = failures;
  if (failure !== undefined) return err(failure);
  // Config ids only mean something within one network, so each network resolves its own.
  const networks = [...new Set(managed.map((room) => room.marker.network))];
  const rooms = networks.flatMap((network) =>
    resolveConfigIds(managed.filter((room) => room.marker.network === network)),
  );
  // Requests finish in any order; sorting makes "the first room with a config id" (which the
  // planner keeps when a config id appears twice) the same room on every run.
  rooms.sort((a, b) => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0));
  return ok({ rooms, unmanaged: unmanaged.sort() });
}
