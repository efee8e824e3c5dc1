/**
 * The initial state of a convening's own room: encrypted (added by the runtime), joinable by
 * members of the invited regions' and networks' spaces, no guests, and a server ACL admitting
 * only the homeservers of the regions it reaches.
 */
import type { NetworkConfig } from "../../../config/network-config.ts";
import type { RoomId } from "../../../lib/matrix-ids.ts";
import { serverAclForRegions } from "../../provision/space-acl.ts";

export interface InitialState {
  readonly type: string;
  readonly stateKey: string;
  readonly content: unknown;
}

export function conveningRoomState(
  config: NetworkConfig,
  spaces: readonly RoomId[],
  hostRegion: string,
  reached: readonly string[],
): InitialState[] {
  return [
    spaces.length > 0
      ? {
          type: "m.room.join_rules",
          stateKey: "",
          content: {
            join_rule: "restricted",
            allow: spaces.map((space) => ({ type: "m.room_membership", room_id: space })),
          },
        }
      : // Without a provisioned space to point at, only invitations let people in.
        { type: "m.room.join_rules", stateKey: "", content: { join_rule: "invite" } },
    { type: "m.room.guest_access", stateKey: "", content: { guest_access: "forbidden" } },
    // Shared: whoever joins later still sees the room's state and what their keys let them read.
    { type: "m.room.history_visibility", stateKey: "", content: { history_visibility: "shared" } },
    { type: "m.room.server_acl", stateKey: "", content: serverAclForRegions(config, hostRegion, reached) },
  ];
}
