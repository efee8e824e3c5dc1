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
  const configIds = new Map<RoomId, string | undefined>();
  const configIdOf = async (roomId: RoomId): Promise<string | undefined> => {
    if (configIds.has(roomId)) return configIds.get(roomId);
    const marker = await matrix.readState(roomId, MANAGED_MARKER_TYPE, "");
    if (!marker.ok) return undefined;
    const content = marker.value?.content;
    const id =
      content?.["network"] === config.network.id && typeof content["configId"] === "string"
        ? content["configId"]
        : undefined;
    configIds.set(roomId, id);
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
