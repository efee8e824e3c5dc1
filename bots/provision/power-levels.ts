/**
 * Power levels derived from roles. Each holder gets only what its job needs (defaults; the
 * config's `powerLevels` may change the role levels):
 *
 * | who                                   | level    | why                                              |
 * | ------------------------------------- | -------- | ------------------------------------------------ |
 * | provisioner accounts (admins)         | creators | they alone change safety state (below)           |
 * | steering group, in the steering room  | 100      | the steering group governs its own room          |
 * | steering group elsewhere, organisers  | 50       | name, topic, invites, moderation                 |
 * | moderators                            | 50       | kick, ban, redact                                |
 * | bots (convene, route, digest)         | 50       | invite people, send their own state and messages |
 * | everyone else                         | 0        | talk                                             |
 *
 * Rooms are created in room version 12, where the creator and the `additional_creators` of
 * the create event hold a power above any level, which no power-levels event can lower (and
 * which must not be listed in `users`). Every provisioner account is a creator of every
 * managed room, so no hand-made change, and no config, can lock the provisioner out.
 *
 * Safety state (join rules, ACL, encryption, history visibility, guest access, power levels,
 * space links, the marker, tombstones) needs 100, so only the provisioner can change it
 * outside the steering room, and a hand-made change there is drift that the next apply restores.
 * In the public digest only level 50 may post: it is a curated mirror, not a chat.
 */
import type { PowerLevelsConfig } from "../../config/network-config.ts";
import type { UserId } from "../../lib/matrix-ids.ts";
import { MANAGED_MARKER_TYPE, type ManagedKind, type PowerLevelsContent } from "./managed-room.ts";

export const ADMIN_LEVEL = 100;
export const STEERING_LEVEL_IN_STEERING_ROOM = 100;
export const STAFF_LEVEL = 50;

/** The room version the provisioner creates: the first where creators cannot be demoted. */
export const ROOM_VERSION = "12";

/** State types only an admin may send: changing any of them could open or lock a room. */
export const SAFETY_STATE_TYPES: readonly string[] = [
  "m.room.power_levels",
  "m.room.join_rules",
  "m.room.server_acl",
  "m.room.encryption",
  "m.room.history_visibility",
  "m.room.guest_access",
  "m.room.tombstone",
  "m.space.child",
  "m.space.parent",
  MANAGED_MARKER_TYPE,
];

/** The roles a member holds, as far as power levels are concerned. */
export interface MemberRoles {
  readonly steering: boolean;
  readonly organiser: boolean;
  readonly moderator: boolean;
}

/** The level a person with these roles gets in a room of this kind (0: not listed). */
export function levelForRoles(roles: MemberRoles, kind: ManagedKind, levels: PowerLevelsConfig): number {
  if (roles.steering && kind === "steering") return STEERING_LEVEL_IN_STEERING_ROOM;
  return Math.max(
    roles.steering ? levels.steering : 0,
    roles.organiser ? levels.organisers : 0,
    roles.moderator ? levels.moderators : 0,
  );
}

/**
 * The level a bot needs to do its job in a room with this content: invite people, post, and
 * send its own (non-safety) state such as convening schedules.
 */
export function levelBotsNeed(content: PowerLevelsContent): number {
  return Math.max(content.invite, content.events_default, content.state_default);
}

/** Full power-level content for a room of `kind` with these non-default user levels. */
export function powerLevelsContent(
  kind: ManagedKind,
  users: ReadonlyMap<UserId, number>,
): PowerLevelsContent {
  const sortedUsers = [...users.entries()]
    .filter(([, level]) => level !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    users: Object.fromEntries(sortedUsers),
    users_default: 0,
    events_default: kind === "public-digest" ? STAFF_LEVEL : 0,
    state_default: STAFF_LEVEL,
    ban: STAFF_LEVEL,
    kick: STAFF_LEVEL,
    redact: STAFF_LEVEL,
    invite: STAFF_LEVEL,
    events: Object.fromEntries(SAFETY_STATE_TYPES.map((type) => [type, ADMIN_LEVEL])),
    notifications: { room: STAFF_LEVEL },
  };
}
