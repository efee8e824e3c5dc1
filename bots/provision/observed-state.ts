/**
 * What an observer finds on the homeservers, in the terms the planner compares with the
 * desired state. The observer (which does the I/O) resolves room ids in join-rule `allow`
 * lists and space links to config ids through the rooms' markers, and fills absent power
 * level fields with the spec's defaults, so a comparison never mistakes a default for drift.
 */
import type { ServerAclContent } from "../../config/queries.ts";
import type { RoomId, ServerName } from "../../lib/matrix-ids.ts";
import type { ManagedMarker, PowerLevelsContent } from "./managed-room.ts";

/** A user's membership of a room. */
export type Membership = "join" | "invite" | "leave" | "ban" | "knock";

/**
 * A join rule as found. `rule` is any string a client may have set; `allow` holds config ids,
 * or room ids for rooms without a marker.
 */
export interface ObservedJoinRule {
  readonly rule: string;
  readonly allow: readonly string[];
}

/** A room carrying a Meridian marker, with its current state. */
export interface ObservedRoom {
  readonly roomId: RoomId;
  /** The homeserver that created the room. */
  readonly serverName: ServerName;
  readonly marker: ManagedMarker;
  readonly isSpace: boolean;
  readonly name?: string;
  readonly topic?: string;
  readonly joinRule?: ObservedJoinRule;
  readonly guestAccess?: string;
  readonly historyVisibility?: string;
  /** True once any `m.room.encryption` event was sent: it can never be removed. */
  readonly encrypted: boolean;
  readonly serverAcl?: ServerAclContent;
  readonly powerLevels?: PowerLevelsContent;
  /** User id → membership, for everyone with a membership event. */
  readonly members: Readonly<Record<string, Membership>>;
  /** Config ids (or room ids) of the spaces named in `m.space.parent` events. */
  readonly parents: readonly string[];
  /** Config ids (or room ids) of the rooms named in `m.space.child` events. */
  readonly children: readonly string[];
  /** True when a `--prune` archived the room (an `org.meridian.archived` state event). */
  readonly archived: boolean;
}

/** Everything the observer found. */
export interface ObservedNetwork {
  /** Rooms with a marker (of this network or another: the planner tells them apart). */
  readonly rooms: readonly ObservedRoom[];
  /** Rooms without a marker: never touched, only counted. */
  readonly unmanaged: readonly RoomId[];
}
