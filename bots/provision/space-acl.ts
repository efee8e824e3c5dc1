/**
 * Server ACLs for managed rooms and spaces. A room admits exactly the homeservers its members
 * live on: its regions', every invited person's (organisers and moderators serve rooms of
 * other regions), the bots', and for spaces every region's, because each provisioner account
 * joins every space so that its server can check restricted joins against it.
 *
 * `serverAclForRoom` knows only configured rooms, so the servers are described to it as a
 * stand-in cross-regional room over their regions: the rules (hosts with and without ports,
 * IP literals only when needed) then stay defined in one place.
 */
import type { NetworkConfig, RoomConfig } from "../../config/network-config.ts";
import { type ServerAclContent, serverAclForRoom } from "../../config/queries.ts";

/** Config ids never contain a colon, so this id cannot be a configured room's. */
const STAND_IN_ID = "acl:stand-in";

/** The ACL admitting the homeservers of `regions` (and the bots'), for a room hosted in `hostRegion`. */
export function serverAclForRegions(
  config: NetworkConfig,
  hostRegion: string,
  regions: readonly string[],
): ServerAclContent {
  const standIn: RoomConfig = {
    id: STAND_IN_ID,
    name: STAND_IN_ID,
    kind: "cross-regional",
    homeRegion: hostRegion,
    regions: [...new Set([hostRegion, ...regions])],
    encrypted: true,
    historyVisibility: "joined",
  };
  return serverAclForRoom({ ...config, rooms: [...config.rooms, standIn] }, STAND_IN_ID);
}
