/**
 * What the provisioner manages, described independently of Matrix I/O: a space or room as the
 * config wants it (`DesiredRoom`). Rooms of other spaces and rooms are referred to by config id,
 * never by Matrix room id, because the desired state is computed before any room exists; the
 * observer maps room ids back to config ids through the `org.meridian.managed` marker.
 */
import type { HistoryVisibility, RoomKind } from "../../config/network-config.ts";
import type { ServerAclContent } from "../../config/queries.ts";
import type { ServerName, UserId } from "../../lib/matrix-ids.ts";

/** State event type of the marker that ties a Matrix room to its config id. */
export const MANAGED_MARKER_TYPE = "org.meridian.managed";

/**
 * State event type set (non-empty content) when `--prune` archives a room, so a later plan
 * knows the archive is done, and cleared (empty content) if the config takes the room back.
 */
export const ARCHIVED_MARKER_TYPE = "org.meridian.archived";

/** The only encryption algorithm the provisioner enables. */
export const MEGOLM_ALGORITHM = "m.megolm.v1.aes-sha2";

/** Kinds of managed room: the three space levels plus the config's room kinds. */
export type ManagedKind = "root-space" | "region-space" | "network-space" | RoomKind;

/** Content of the `org.meridian.managed` marker (state key ""). */
export interface ManagedMarker {
  readonly configId: string;
  readonly kind: ManagedKind;
  /** The config's `network.id`, so two networks sharing a homeserver never adopt each other's rooms. */
  readonly network: string;
}

/**
 * A join rule. `restricted` admits members of the listed spaces, given by config id (the
 * applier turns them into `allow: [{ type: "m.room_membership", room_id }]`).
 */
export type JoinRuleState =
  | { readonly rule: "public" }
  | { readonly rule: "invite" }
  | { readonly rule: "restricted"; readonly allow: readonly string[] };

/** Content of `m.room.power_levels`, with every field spelled out so diffs are exact. */
export interface PowerLevelsContent {
  readonly users: Readonly<Record<string, number>>;
  readonly users_default: number;
  readonly events_default: number;
  readonly state_default: number;
  readonly ban: number;
  readonly kick: number;
  readonly redact: number;
  readonly invite: number;
  readonly events: Readonly<Record<string, number>>;
  readonly notifications: { readonly room: number };
}

/** The homeserver that creates and hosts a room, and the region it serves. */
export interface HostServer {
  readonly serverName: ServerName;
  readonly region: string;
}

/** A space or room as the config wants it. */
export interface DesiredRoom {
  /** Config id; spaces get ids from `space-ids.ts`, which cannot clash with room ids. */
  readonly configId: string;
  readonly kind: ManagedKind;
  readonly isSpace: boolean;
  readonly host: HostServer;
  /** The provisioner account on the host server: rooms can only be created by a local user. */
  readonly creator: UserId;
  /** The provisioner accounts on the other servers, creators too (see power-levels.ts). */
  readonly additionalCreators: readonly UserId[];
  readonly name: string;
  readonly topic?: string;
  readonly encrypted: boolean;
  readonly joinRule: JoinRuleState;
  readonly guestAccess: "forbidden";
  readonly historyVisibility: HistoryVisibility;
  readonly serverAcl: ServerAclContent;
  readonly powerLevels: PowerLevelsContent;
  /** Everyone who should be a member, sorted; the provisioner accounts are members already. */
  readonly invites: readonly UserId[];
  /**
   * Provisioner accounts of other servers that must be joined. A server can admit someone to
   * a restricted room only if it is in the space the join rule names ("Unable to check if
   * … is in allowed rooms" otherwise), so every space has every provisioner account in it.
   */
  readonly adminMembers: readonly UserId[];
  /** Config ids of the spaces this room is listed in (`m.space.parent`), sorted. */
  readonly parents: readonly string[];
  /** Config ids of the rooms this space lists (`m.space.child`), sorted; empty for rooms. */
  readonly children: readonly string[];
  readonly marker: ManagedMarker;
}

/** The whole Matrix side of a network as the config wants it. */
export interface DesiredNetwork {
  /** The config's `network.id`; the marker of every managed room carries it. */
  readonly network: string;
  /** The provisioner account on each homeserver, creators of every managed room. */
  readonly admins: readonly UserId[];
  /** The bots (not the provisioner) with the power level they need. */
  readonly bots: readonly UserId[];
  /** Spaces first (root, regions, networks), then rooms in config order. */
  readonly rooms: readonly DesiredRoom[];
}
