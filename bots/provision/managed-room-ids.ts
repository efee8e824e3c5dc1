/** The Matrix room of a provisioned room's config id, found by its `org.meridian.managed` marker. */
import type { NetworkConfig } from "../../config/network-config.ts";
import type { RoomId } from "../../lib/matrix-ids.ts";
import { MANAGED_MARKER_TYPE } from "./managed-room.ts";
import type { BotMatrix } from "../runtime/matrix/bot-matrix.ts";

export interface ManagedRoomIds {
  /** The room the bot is in for `configId`, or undefined when it is in none. */
  roomOf(configId: string): Promise<RoomId | undefined>;
  /** The config id of a room the bot is in, or undefined for an unmanaged room. */
  configIdOf(roomId: RoomId): Promise<string | undefined>;
}

export function createManagedRoomIds(config: NetworkConfig, matrix: BotMatrix): ManagedRoomIds {
  const configIds = new Map<RoomId, string>();
  const configIdOf = async (roomId: RoomId): Promise<string | undefined> => {
    const known = configIds.get(roomId);
    if (known !== undefined) return known;
    const marker = await matrix.readState(roomId, MANAGED_MARKER_TYPE, "");
    if (!marker.ok) return undefined;
    const content = marker.value?.content;
    const id =
      content?.["network"] === config.network.id && typeof content["configId"] === "string"
        ? content["configId"]
        : undefined;
    // Only a room found to be managed is remembered: a miss (state not synced yet, a partial
    // join) must be looked at again next time, not stay a miss for the life of the process.
    if (id !== undefined) configIds.set(roomId, id);
    return id;
  };
  return {
    configIdOf,
    async roomOf(configId) {
      for (const roomId of matrix.roomsWithState(MANAGED_MARKER_TYPE))
        if ((await configIdOf(roomId)) === configId) return roomId;
      return undefined;
    },
  };
}
