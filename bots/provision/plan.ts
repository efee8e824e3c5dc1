/**
 * The planner: compares the desired network with what the observer found and says, per
 * homeserver and room, what to create, update, leave or archive and whom to invite or
 * remove. Rooms are matched by the config id in their marker, never by name, so a rename is
 * an update. Pure: applying the plan is someone else's job.
 */
import { type Result, err, ok } from "../../lib/result.ts";
import type { RoomId, ServerName, UserId } from "../../lib/matrix-ids.ts";
import { type PlanRefusal, refusalsForRoom } from "./check-refusals.ts";
import { type FieldChange, diffRoom } from "./diff-room.ts";
import type { DesiredNetwork, DesiredRoom } from "./managed-room.ts";
import type { ObservedNetwork, ObservedRoom } from "./observed-state.ts";

export type { FieldChange } from "./diff-room.ts";
export type { PlanRefusal, RefusalReason } from "./check-refusals.ts";

/** Options for {@link planChanges}. */
export interface PlanOptions {
  /** Remove people the config no longer lists, and archive rooms it no longer lists. */
  readonly prune: boolean;
  /** The account that will apply the plan: it must keep power 100 and pass every ACL. */
  readonly provisionerUserId: UserId;
}

/** A room to create, with its full initial state. */
export interface CreateRoomPlan {
  readonly action: "create";
  readonly configId: string;
  readonly name: string;
  readonly state: DesiredRoom;
  readonly invites: readonly UserId[];
  readonly adminJoins: readonly AdminJoin[];
}

/** A provisioner account of another server to bring into a space (see `adminMembers`). */
export interface AdminJoin {
  readonly user: UserId;
  /** Invited already (an earlier apply stopped between the invite and the join). */
  readonly invited: boolean;
}

/** A room whose state or membership differs from the config. */
export interface UpdateRoomPlan {
  readonly action: "update";
  readonly configId: string;
  readonly name: string;
  readonly roomId: RoomId;
  readonly changes: readonly FieldChange[];
  readonly invites: readonly UserId[];
  readonly adminJoins: readonly AdminJoin[];
  /** People the config no longer lists, removed because of `prune`. */
  readonly kicks: readonly UserId[];
  /** People the config does not list, kept because `prune` is off. */
  readonly kept: readonly UserId[];
}

/** A room that already matches the config: nothing is written. */
export interface UnchangedRoomPlan {
  readonly action: "unchanged";
  readonly configId: string;
  readonly name: string;
  readonly roomId: RoomId;
  readonly kept: readonly UserId[];
}

/** A managed room the config no longer lists. */
export interface RetiredRoomPlan {
  /**
   * `archive` (with prune): final notice, join rule invite-only, members removed; never purged.
   * `archived`: an earlier prune did that already and nobody has come back since.
   */
  readonly action: "archive" | "archived" | "leave-alone";
  readonly configId: string;
  readonly name: string;
  readonly roomId: RoomId;
  /** An archive notice can be posted only in an unencrypted room (the provisioner has no crypto). */
  readonly encrypted: boolean;
  /** The archive's state is in place already; only members who came back are removed. */
  readonly alreadyArchived: boolean;
  /** Members removed by the archive (empty when left alone). */
  readonly kicks: readonly UserId[];
}

export type RoomPlan = CreateRoomPlan | UpdateRoomPlan | UnchangedRoomPlan | RetiredRoomPlan;

/** The plan for one homeserver's rooms. */
export interface ServerPlan {
  readonly serverName: ServerName;
  readonly rooms: readonly RoomPlan[];
}

/** Everything the provisioner would do, grouped by homeserver in the desired order. */
export interface Plan {
  readonly network: string;
  readonly servers: readonly ServerPlan[];
  /** Rooms without a Meridian marker (or another network's), which are never touched. */
  readonly ignoredRooms: number;
}

const PRESENT = new Set(["join", "invite"]);

/**
 * Plans the changes that make `observed` match `desired`.
 *
 * @returns the plan, or every refusal when any change is one the provisioner must never make
 *   (see `check-refusals.ts`); a refused plan is never partly applied.
 */
export function planChanges(
  desired: DesiredNetwork,
  observed: ObservedNetwork,
  options: PlanOptions,
): Result<Plan, PlanRefusal[]> {
  const ours = observed.rooms.filter((room) => room.marker.network === desired.network);
  // The first room found with a config id is the managed one; a later duplicate (say, made
  // by restoring a backup) is treated like a dropped room, so it is never silently adopted.
  const byConfigId = new Map<string, ObservedRoom>();
  for (const room of ours)
    if (!byConfigId.has(room.marker.configId)) byConfigId.set(room.marker.configId, room);
  const wanted = new Set(desired.rooms.map((room) => room.configId));
  const admins = new Set<string>([options.provisionerUserId, ...desired.admins]);
  // Without prune, a dropped room is left alone, and so is its place in its spaces.
  const retired = new Set(
    options.prune ? [] : ours.map((room) => room.marker.configId).filter((id) => !wanted.has(id)),
  );

  const refusals: PlanRefusal[] = [];
  const items: { serverName: ServerName; plan: RoomPlan }[] = [];
  for (const room of desired.rooms) {
    const current = byConfigId.get(room.configId);
    refusals.push(...refusalsForRoom(desired, room, current, options.provisionerUserId));
    items.push(
      current === undefined
        ? { serverName: room.host.serverName, plan: createPlan(room) }
        : {
            serverName: current.serverName,
            plan: existingPlan(room, current, admins, options.prune, retired),
          },
    );
  }
  for (const room of ours) {
    if (wanted.has(room.marker.configId) && byConfigId.get(room.marker.configId) === room) continue;
    items.push({ serverName: room.serverName, plan: retiredPlan(room, admins, options.prune) });
  }
  if (refusals.length > 0) return err(refusals);

  const servers = new Map<ServerName, RoomPlan[]>();
  for (const { serverName, plan } of items)
    servers.set(serverName, [...(servers.get(serverName) ?? []), plan]);
  return ok({
    network: desired.network,
    servers: [...servers.entries()].map(([serverName, rooms]) => ({ serverName, rooms })),
    ignoredRooms: observed.unmanaged.length + observed.rooms.length - ours.length,
  });
}

/** How many write requests (state events, creations, invites, kicks, archives) a plan makes. */
export function countWrites(plan: Plan): number {
  return plan.servers
    .flatMap((server) => server.rooms)
    .reduce((total, room) => {
      switch (room.action) {
        case "create":
          return total + 1 + room.invites.length + joinWrites(room.adminJoins);
        case "update":
          return (
            total +
            room.changes.length +
            room.invites.length +
            room.kicks.length +
            joinWrites(room.adminJoins)
          );
        case "archive":
          return total + (room.alreadyArchived ? 0 : 1) + room.kicks.length;
        case "unchanged":
        case "archived":
        case "leave-alone":
          return total;
      }
    }, 0);
}

function joinWrites(joins: readonly AdminJoin[]): number {
  return joins.reduce((n, join) => n + (join.invited ? 1 : 2), 0);
}

function createPlan(room: DesiredRoom): CreateRoomPlan {
  return {
    action: "create",
    configId: room.configId,
    name: room.name,
    state: room,
    invites: room.invites,
    adminJoins: room.adminMembers.map((user) => ({ user, invited: false })),
  };
}

function existingPlan(
  room: DesiredRoom,
  current: ObservedRoom,
  admins: ReadonlySet<string>,
  prune: boolean,
  retired: ReadonlySet<string>,
): UpdateRoomPlan | UnchangedRoomPlan {
  const keptChildren = current.children.filter((child) => retired.has(child));
  const wantedChildren = [...new Set([...room.children, ...keptChildren])].sort();
  const changes = diffRoom(current, { ...room, children: wantedChildren });
  // A banned person is not re-invited: a moderator's ban outranks the config until lifted.
  const invites = room.invites.filter(
    (user) => current.members[user] !== "ban" && !PRESENT.has(current.members[user] ?? ""),
  );
  const wantedMembers = new Set<string>([...room.invites, ...admins]);
  const extra = presentMembers(current).filter((user) => !wantedMembers.has(user));
  const kicks = prune ? extra : [];
  const kept = prune ? [] : extra;
  const adminJoins = room.adminMembers
    .filter((user) => current.members[user] !== "join")
    .map((user) => ({ user, invited: current.members[user] === "invite" }));
  const base = { configId: room.configId, name: room.name, roomId: current.roomId };
  return changes.length === 0 && invites.length === 0 && kicks.length === 0 && adminJoins.length === 0
    ? { action: "unchanged", ...base, kept }
    : { action: "update", ...base, changes, invites, adminJoins, kicks, kept };
}

function retiredPlan(room: ObservedRoom, admins: ReadonlySet<string>, prune: boolean): RetiredRoomPlan {
  const kicks = prune ? presentMembers(room).filter((user) => !admins.has(user)) : [];
  const action = room.archived && kicks.length === 0 ? "archived" : prune ? "archive" : "leave-alone";
  return {
    action,
    configId: room.marker.configId,
    name: room.name ?? room.marker.configId,
    roomId: room.roomId,
    encrypted: room.encrypted,
    alreadyArchived: room.archived,
    kicks,
  };
}

function presentMembers(room: ObservedRoom): UserId[] {
  return (
    Object.entries(room.members)
      .filter(([, membership]) => PRESENT.has(membership))
      // The observer parsed these ids when it read the membership events.
      .map(([user]) => user as UserId)
      .sort()
  );
}
