/**
 * Reads a room's current state events (as `GET /rooms/{id}/state` returns them) into the
 * planner's terms. Pure, so every odd shape a client may have written is unit-tested.
 *
 * Trust: a room counts as managed only when its `m.room.create` was sent by one of our
 * provisioner accounts. Anyone can put an `org.meridian.managed` event in a room they
 * created; the provisioner must never adopt (and then invite people into) such a room.
 */
import type { ServerAclContent } from "../../config/queries.ts";
import { type RoomId, parseUserId, serverOf } from "../../lib/matrix-ids.ts";
import {
  ARCHIVED_MARKER_TYPE,
  MANAGED_MARKER_TYPE,
  type ManagedKind,
  type ManagedMarker,
  type PowerLevelsContent,
} from "./managed-room.ts";
import type { Membership, ObservedJoinRule, ObservedRoom } from "./observed-state.ts";

/** A state event as the client-server API returns it. */
export interface StateEvent {
  readonly type: string;
  readonly state_key: string;
  readonly sender: string;
  readonly content: Readonly<Record<string, unknown>>;
}

const MANAGED_KINDS: readonly ManagedKind[] = [
  "root-space",
  "region-space",
  "network-space",
  "regional",
  "network",
  "cross-regional",
  "steering",
  "public-digest",
];
const MEMBERSHIPS: readonly Membership[] = ["join", "invite", "leave", "ban", "knock"];

/** The power levels the spec assumes for fields an event leaves out. */
const SPEC_DEFAULT_LEVELS: PowerLevelsContent = {
  users: {},
  users_default: 0,
  events_default: 0,
  state_default: 50,
  ban: 50,
  kick: 50,
  redact: 50,
  invite: 0,
  events: {},
  notifications: { room: 50 },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function levelOf(value: unknown, fallback: number): number {
  // Room versions before 10 allow levels as strings ("50"); Synapse still accepts them there.
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return fallback;
}

function levelsRecord(value: unknown): Record<string, number> {
  if (!isRecord(value)) return {};
  const entries = Object.entries(value).flatMap(([key, level]) => {
    const parsed = levelOf(level, Number.NaN);
    return Number.isNaN(parsed) ? [] : [[key, parsed] as const];
  });
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Power levels with the spec's defaults filled in, so a default is never mistaken for drift. */
export function readPowerLevels(content: Readonly<Record<string, unknown>>): PowerLevelsContent {
  const d = SPEC_DEFAULT_LEVELS;
  const notifications = isRecord(content.notifications) ? content.notifications : {};
  return {
    users: levelsRecord(content.users),
    users_default: levelOf(content.users_default, d.users_default),
    events_default: levelOf(content.events_default, d.events_default),
    state_default: levelOf(content.state_default, d.state_default),
    ban: levelOf(content.ban, d.ban),
    kick: levelOf(content.kick, d.kick),
    redact: levelOf(content.redact, d.redact),
    invite: levelOf(content.invite, d.invite),
    events: levelsRecord(content.events),
    notifications: { room: levelOf(notifications.room, d.notifications.room) },
  };
}

/** The marker's content when well-formed, else undefined (treated as no marker). */
export function readMarker(content: Readonly<Record<string, unknown>>): ManagedMarker | undefined {
  const configId = stringOf(content.configId);
  const network = stringOf(content.network);
  const kind = MANAGED_KINDS.find((candidate) => candidate === content.kind);
  if (configId === undefined || network === undefined || kind === undefined) return undefined;
  return { configId, kind, network };
}

function readJoinRule(content: Readonly<Record<string, unknown>>): ObservedJoinRule {
  const allow = Array.isArray(content.allow) ? content.allow : [];
  return {
    rule: stringOf(content.join_rule) ?? "invite",
    allow: allow.flatMap((entry) =>
      isRecord(entry) && entry.type === "m.room_membership" && typeof entry.room_id === "string"
        ? [entry.room_id]
        : [],
    ),
  };
}

function readAcl(content: Readonly<Record<string, unknown>>): ServerAclContent {
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  return {
    allow: strings(content.allow),
    deny: strings(content.deny),
    // The spec's default is true: an ACL without the field admits IP literals.
    allow_ip_literals: typeof content.allow_ip_literals === "boolean" ? content.allow_ip_literals : true,
  };
}

/** A space link counts only while its content names at least one server to go through. */
function isLiveLink(content: Readonly<Record<string, unknown>>): boolean {
  return Array.isArray(content.via) && content.via.length > 0;
}

/**
 * The room as the planner sees it, with room ids (not yet config ids) in join-rule allow
 * lists and space links; or undefined when it is not a room our provisioners created with a
 * well-formed marker.
 */
export function readManagedRoom(
  roomId: RoomId,
  events: readonly StateEvent[],
  trustedCreators: ReadonlySet<string>,
): ObservedRoom | undefined {
  const byType = (type: string, stateKey = ""): StateEvent | undefined =>
    events.find((event) => event.type === type && event.state_key === stateKey);
  const create = byType("m.room.create");
  const markerEvent = byType(MANAGED_MARKER_TYPE);
  if (create === undefined || markerEvent === undefined || !trustedCreators.has(create.sender))
    return undefined;
  const marker = readMarker(markerEvent.content);
  const creator = parseUserId(create.sender);
  if (marker === undefined || !creator.ok) return undefined;

  const members: Record<string, Membership> = {};
  for (const event of events) {
    if (event.type !== "m.room.member") continue;
    const membership = MEMBERSHIPS.find((candidate) => candidate === event.content.membership);
    if (membership !== undefined && parseUserId(event.state_key).ok) members[event.state_key] = membership;
  }
  const links = (type: string): string[] =>
    events
      .filter((event) => event.type === type && isLiveLink(event.content))
      .map((event) => event.state_key)
      .sort();
  const name = stringOf(byType("m.room.name")?.content.name);
  const topic = stringOf(byType("m.room.topic")?.content.topic);
  const joinRules = byType("m.room.join_rules");
  const guestAccess = stringOf(byType("m.room.guest_access")?.content.guest_access);
  const history = stringOf(byType("m.room.history_visibility")?.content.history_visibility);
  const acl = byType("m.room.server_acl");
  const levels = byType("m.room.power_levels");
  const archived = byType(ARCHIVED_MARKER_TYPE);
  return {
    roomId,
    serverName: serverOf(creator.value),
    marker,
    isSpace: create.content.type === "m.space",
    // An empty name or topic is how clients remove one.
    ...(name !== undefined && name !== "" && { name }),
    ...(topic !== undefined && topic !== "" && { topic }),
    ...(joinRules !== undefined && { joinRule: readJoinRule(joinRules.content) }),
    ...(guestAccess !== undefined && { guestAccess }),
    ...(history !== undefined && { historyVisibility: history }),
    encrypted: byType("m.room.encryption") !== undefined,
    ...(acl !== undefined && { serverAcl: readAcl(acl.content) }),
    ...(levels !== undefined && { powerLevels: readPowerLevels(levels.content) }),
    members,
    parents: links("m.space.parent"),
    children: links("m.space.child"),
    archived: archived !== undefined && Object.keys(archived.content).length > 0,
  };
}

/**
 * Replaces room ids by config ids in allow lists and space links, for the rooms of one
 * network; ids of rooms outside it stay as they are (and so show up as drift).
 */
export function resolveConfigIds(rooms: readonly ObservedRoom[]): ObservedRoom[] {
  const configIdOf = new Map<string, string>(rooms.map((room) => [room.roomId, room.marker.configId]));
  const resolve = (ids: readonly string[]): string[] => ids.map((id) => configIdOf.get(id) ?? id).sort();
  return rooms.map((room) => ({
    ...room,
    ...(room.joinRule !== undefined && {
      joinRule: { rule: room.joinRule.rule, allow: resolve(room.joinRule.allow) },
    }),
    parents: resolve(room.parents),
    children: resolve(room.children),
  }));
}
