/**
 * The rooms the digest bot works with, found by the provisioner's markers: the steering room
 * (previews, records), the public digest room (publications), and the config of any room a
 * thread is nominated in (only the network's encrypted discussion rooms qualify).
 */
import type { NetworkConfig, RoomConfig } from "../../../config/network-config.ts";
import type { RoomId } from "../../../lib/matrix-ids.ts";
import { createManagedRoomIds } from "../../provision/managed-room-ids.ts";
import type { BotMatrix } from "../../runtime/matrix/bot-matrix.ts";

/** Where threads may be nominated from: people's encrypted rooms, not steering or the digest. */
const SOURCE_KINDS = new Set<RoomConfig["kind"]>(["regional", "network", "cross-regional"]);

export interface DigestRooms {
  steering(): Promise<RoomId | undefined>;
  publicDigest(): Promise<RoomId | undefined>;
  /** The config of a managed room the bot is in, or undefined. */
  configOf(room: RoomId): Promise<RoomConfig | undefined>;
  /** Whether threads of this room may be nominated. */
  isSource(room: RoomConfig | undefined): boolean;
  /** The room's name for people (config name), or a neutral word. */
  nameOf(room: RoomConfig | undefined): string;
}

export function createDigestRooms(config: NetworkConfig, matrix: BotMatrix): DigestRooms {
  const ids = createManagedRoomIds(config, matrix);
  const byKind = async (kind: RoomConfig["kind"]): Promise<RoomId | undefined> => {
    const room = config.rooms.find((entry) => entry.kind === kind);
    return room === undefined ? undefined : ids.roomOf(room.id);
  };
  return {
    steering: () => byKind("steering"),
    publicDigest: () => byKind("public-digest"),
    async configOf(room) {
      const id = await ids.configIdOf(room);
      return config.rooms.find((entry) => entry.id === id);
    },
    isSource: (room) => room !== undefined && room.encrypted && SOURCE_KINDS.has(room.kind),
    nameOf: (room) => room?.name ?? "a network room",
  };
}
