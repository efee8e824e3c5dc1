/**
 * The Matrix state events that express a desired room, and the event each planned field
 * change writes. Config ids of spaces are turned into room ids here, through `RoomIds`,
 * because the desired state is computed before those rooms exist.
 */
import type { RoomId, ServerName } from "../../lib/matrix-ids.ts";
import {
  ARCHIVED_MARKER_TYPE,
  type DesiredRoom,
  type JoinRuleState,
  MANAGED_MARKER_TYPE,
  MEGOLM_ALGORITHM,
} from "./managed-room.ts";

/** A state event to send. */
export interface StateWrite {
  readonly type: string;
  readonly stateKey: string;
  readonly content: unknown;
}

/** Room ids of the network's rooms by config id, with each one's host server. */
export interface RoomIds {
  get(configId: string): { readonly roomId: RoomId; readonly host: ServerName } | undefined;
}

/** `m.room.join_rules` content; a restricted rule whose spaces are all missing becomes invite. */
export function joinRuleContent(rule: JoinRuleState, ids: RoomIds): Record<string, unknown> {
  if (rule.rule !== "restricted") return { join_rule: rule.rule };
  const allow = rule.allow.flatMap((configId) => {
    const space = ids.get(configId);
    return space === undefined ? [] : [{ type: "m.room_membership", room_id: space.roomId }];
  });
  // Restricted with nothing allowed would admit nobody but looks open: say invite instead.
  return allow.length === 0 ? { join_rule: "invite" } : { join_rule: "restricted", allow };
}

export function childLink(child: { roomId: RoomId; host: ServerName }): StateWrite {
  return { type: "m.space.child", stateKey: child.roomId, content: { via: [child.host] } };
}

export function parentLink(parent: { roomId: RoomId; host: ServerName }): StateWrite {
  return {
    type: "m.space.parent",
    stateKey: parent.roomId,
    content: { via: [parent.host], canonical: true },
  };
}

/** Removing a space link is sending it with empty content. */
export function removedLink(type: "m.space.child" | "m.space.parent", roomId: RoomId): StateWrite {
  return { type, stateKey: roomId, content: {} };
}

/** The single-event fields of a room, by the field name the planner uses. */
export function fieldEvent(field: string, room: DesiredRoom, ids: RoomIds): StateWrite | undefined {
  switch (field) {
    case "name":
      return { type: "m.room.name", stateKey: "", content: { name: room.name } };
    case "topic":
      return { type: "m.room.topic", stateKey: "", content: { topic: room.topic ?? "" } };
    case "joinRule":
      return { type: "m.room.join_rules", stateKey: "", content: joinRuleContent(room.joinRule, ids) };
    case "guestAccess":
      return { type: "m.room.guest_access", stateKey: "", content: { guest_access: room.guestAccess } };
    case "historyVisibility":
      return {
        type: "m.room.history_visibility",
        stateKey: "",
        content: { history_visibility: room.historyVisibility },
      };
    case "serverAcl":
      return { type: "m.room.server_acl", stateKey: "", content: room.serverAcl };
    case "encryption":
      return { type: "m.room.encryption", stateKey: "", content: { algorithm: MEGOLM_ALGORITHM } };
    case "marker":
      return { type: MANAGED_MARKER_TYPE, stateKey: "", content: room.marker };
    case "archived":
      return { type: ARCHIVED_MARKER_TYPE, stateKey: "", content: {} };
    default:
      return undefined;
  }
}

/**
 * Initial state for `createRoom`: every safety setting is in place from the first event, so
 * there is never a moment when a new room is open, unencrypted or visible to outsiders.
 */
export function initialState(room: DesiredRoom, ids: RoomIds): StateWrite[] {
  const fields = ["joinRule", "guestAccess", "historyVisibility", "serverAcl", "marker"];
  if (room.encrypted) fields.push("encryption");
  const writes = fields.flatMap((field) => fieldEvent(field, room, ids) ?? []);
  for (const parent of room.parents) {
    const found = ids.get(parent);
    if (found !== undefined) writes.push(parentLink(found));
  }
  for (const child of room.children) {
    const found = ids.get(child);
    if (found !== undefined) writes.push(childLink(found));
  }
  return writes;
}
