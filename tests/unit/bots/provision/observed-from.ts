/**
 * Test helpers: what an observer would find if the homeservers already matched a desired
 * network exactly, and small edits of such an observation.
 */
import type { DesiredNetwork, DesiredRoom } from "../../../../bots/provision/managed-room.ts";
import type { ObservedNetwork, ObservedRoom } from "../../../../bots/provision/observed-state.ts";
import type { RoomId } from "../../../../lib/matrix-ids.ts";
import { loadExample } from "../../config/example-config.ts";
import { desiredNetwork } from "../../../../bots/provision/desired-state.ts";

/** The room as found when it matches `room` exactly and everyone invited has joined. */
export function observedRoomFrom(room: DesiredRoom): ObservedRoom {
  return {
    roomId: `!${room.configId.replaceAll(":", "-")}:${room.host.serverName}` as RoomId,
    serverName: room.host.serverName,
    marker: room.marker,
    isSpace: room.isSpace,
    name: room.name,
    ...(room.topic !== undefined && { topic: room.topic }),
    joinRule: {
      rule: room.joinRule.rule,
      allow: room.joinRule.rule === "restricted" ? room.joinRule.allow : [],
    },
    guestAccess: room.guestAccess,
    historyVisibility: room.historyVisibility,
    encrypted: room.encrypted,
    serverAcl: structuredClone(room.serverAcl),
    powerLevels: structuredClone(room.powerLevels),
    members: Object.fromEntries(
      [room.creator, ...room.invites, ...room.adminMembers].map((user) => [user, "join"]),
    ),
    parents: room.parents,
    children: room.children,
    archived: false,
  };
}

/** What the observer finds when the homeservers match `desired`. */
export function observedFrom(desired: DesiredNetwork): ObservedNetwork {
  return { rooms: desired.rooms.map(observedRoomFrom), unmanaged: [] };
}

/** `observed` with the room of `configId` replaced by `edit(room)`. */
export function withRoom(
  observed: ObservedNetwork,
  configId: string,
  edit: (room: ObservedRoom) => ObservedRoom,
): ObservedNetwork {
  return {
    ...observed,
    rooms: observed.rooms.map((room) => (room.marker.configId === configId ? edit(room) : room)),
  };
}

/** The desired network of the example config. */
export function exampleDesired(): DesiredNetwork {
  return desiredNetwork(loadExample());
}

/** The desired room with this config id; throws when absent. */
export function desiredRoom(desired: DesiredNetwork, configId: string): DesiredRoom {
  const room = desired.rooms.find((candidate) => candidate.configId === configId);
  if (room === undefined) throw new Error(`no desired room ${configId}`);
  return room;
}
