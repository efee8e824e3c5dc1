/**
 * The provisioned rooms the bot is in, found by their `org.meridian.managed` markers: where
 * to announce a convening (the invited regions' and networks' rooms) and which spaces admit
 * to it (read from those rooms' restricted join rules, since the bot is in no space).
 */
import type { NetworkConfig } from "../../../config/network-config.ts";
import type { RoomId } from "../../../lib/matrix-ids.ts";
import { MANAGED_MARKER_TYPE } from "../../provision/managed-room.ts";
import type { BotMatrix } from "../../runtime/matrix/bot-matrix.ts";

export interface InvitedRooms {
  /** Regional rooms of invited regions and network rooms of invited networks. */
  readonly announce: readonly RoomId[];
  /** Spaces whose members may join the convening room. */
  readonly spaces: readonly RoomId[];
}

export async function invitedRooms(
  config: NetworkConfig,
  matrix: BotMatrix,
  target: { readonly regions: readonly string[]; readonly networks: readonly string[] },
): Promise<InvitedRooms> {
  const announce: RoomId[] = [];
  const spaces = new Set<RoomId>();
  for (const roomId of matrix.roomsWithState(MANAGED_MARKER_TYPE)) {
    const marker = await matrix.readState(roomId, MANAGED_MARKER_TYPE, "");
    if (!marker.ok || marker.value === undefined) continue;
    const { configId, network } = marker.value.content;
    if (network !== config.network.id || typeof configId !== "string") continue;
    const room = config.rooms.find((candidate) => candidate.id === configId);
    const wanted =
      (room?.kind === "regional" && target.regions.includes(room.region)) ||
      (room?.kind === "network" && target.networks.includes(room.network));
    if (!wanted) continue;
    announce.push(roomId);
    const rules = await matrix.readState(roomId, "m.room.join_rules", "");
    const allow = rules.ok ? rules.value?.content.allow : undefined;
    if (Array.isArray(allow))
      for (const entry of allow) {
        const id = (entry as { room_id?: unknown } | null)?.room_id;
        if (typeof id === "string") spaces.add(id as RoomId);
      }
  }
  return { announce, spaces: [...spaces] };
}
