/**
 * Server ACLs for spaces. `serverAclForRoom` knows only configured rooms, so a space is
 * described to it as a stand-in cross-regional room over the space's regions: the rules
 * (regions' homeservers plus the bots' homeservers, hosts without ports, IP literals only
 * when needed) then stay defined in one place.
 */
import type { NetworkConfig, RoomConfig } from "../../config/network-config.ts";
import { type ServerAclContent, serverAclForRoom } from "../../config/queries.ts";

/** The ACL for a space with this config id whose members come from `regions`. */
export function serverAclForSpace(
  config: NetworkConfig,
  spaceId: string,
  hostRegion: string,
  regions: readonly string[],
): ServerAclContent {
  const standIn: RoomConfig = {
    id: spaceId,
    name: spaceId,
    kind: "cross-regional",
    homeRegion: hostRegion,
    regions,
    encrypted: true,
    historyVisibility: "joined",
  };
  return serverAclForRoom({ ...config, rooms: [...config.rooms, standIn] }, spaceId);
}
