/**
 * The applier: carries out a plan, room by room in the desired order (spaces before the rooms
 * they admit to), through the provisioner account on each room's host server. A failed
 * request is reported and the rest goes on: one unreachable invitee must not leave the
 * rest of the network unbuilt. Every write is one request; nothing is sent twice.
 */
import { type RoomId, type ServerName, type UserId, serverOf } from "../../lib/matrix-ids.ts";
import type { Result } from "../../lib/result.ts";
import { mapWithConcurrency } from "../../lib/map-with-concurrency.ts";
import type { FieldChange } from "./diff-room.ts";
import type { DesiredNetwork, DesiredRoom } from "./managed-room.ts";
import { ARCHIVED_MARKER_TYPE } from "./managed-room.ts";
import type { MatrixHttpError } from "./matrix-http.ts";
import type { AdminJoin, Plan, RetiredRoomPlan, RoomPlan } from "./plan.ts";
import { ROOM_VERSION } from "./power-levels.ts";
import type { ProvisionerApi } from "./provisioner-api.ts";
import {
  type RoomIds,
  type StateWrite,
  childLink,
  fieldEvent,
  initialState,
  parentLink,
  removedLink,
} from "./room-events.ts";

/** A request that failed, and what it was for. */
export interface ApplyFailure {
  readonly configId: string;
  readonly operation: string;
  readonly error: MatrixHttpError;
}

/** What an apply did. */
export interface ApplyReport {
  readonly created: number;
  readonly updated: number;
  readonly archived: number;
  readonly invited: number;
  readonly removed: number;
  readonly failures: readonly ApplyFailure[];
}

export interface ApplyDeps {
  /** The provisioner account on each homeserver. */
  readonly apis: ReadonlyMap<ServerName, ProvisionerApi>;
  /** One line per room done, e.g. `[3/16] create "Steering group" (steering): ok`. */
  readonly progress: (line: string) => void;
  /** The first line of an archived room's topic, and the notice in unencrypted ones. */
  readonly archiveNotice?: (room: RetiredRoomPlan) => string;
  readonly now?: () => Date;
}

class RoomIdMap implements RoomIds {
  readonly #ids = new Map<string, { roomId: RoomId; host: ServerName }>();
  set(configId: string, roomId: RoomId, host: ServerName): void {
    this.#ids.set(configId, { roomId, host });
  }
  get(configId: string): { readonly roomId: RoomId; readonly host: ServerName } | undefined {
    return this.#ids.get(configId);
  }
}

/** Carries out `plan`, which must have been made from `desired`. */
export async function applyPlan(plan: Plan, desired: DesiredNetwork, deps: ApplyDeps): Promise<ApplyReport> {
  const ids = new RoomIdMap();
  const planOf = new Map<string, { plan: RoomPlan; server: ServerName }>();
  for (const server of plan.servers)
    for (const room of server.rooms) {
      planOf.set(room.configId, { plan: room, server: server.serverName });
      if (room.action !== "create") ids.set(room.configId, room.roomId, server.serverName);
    }
  const tally = { created: 0, updated: 0, archived: 0, invited: 0, removed: 0 };
  const failures: ApplyFailure[] = [];
  const retired = [...planOf.values()].filter(
    (entry): entry is { plan: RetiredRoomPlan; server: ServerName } =>
      entry.plan.action === "archive" ||
      entry.plan.action === "archived" ||
      entry.plan.action === "leave-alone",
  );
  const total = desired.rooms.length + retired.length;
  let done = 0;

  const attempt = async (
    configId: string,
    operation: string,
    call: () => Promise<Result<unknown, MatrixHttpError>>,
  ): Promise<boolean> => {
    const result = await call();
    if (!result.ok) failures.push({ configId, operation, error: result.error });
    return result.ok;
  };

  const applyRoom = async (room: DesiredRoom): Promise<void> => {
    const entry = planOf.get(room.configId);
    if (entry === undefined) return;
    const api = deps.apis.get(entry.server);
    let failed = 0;
    const attemptHere: Attempt = async (configId, operation, call) => {
      const succeeded = await attempt(configId, operation, call);
      if (!succeeded) failed += 1;
      return succeeded;
    };
    if (api === undefined) {
      failures.push(noAccount(room.configId, entry.server));
      failed += 1;
    } else if (entry.plan.action === "create") {
      const roomId = await createRoom(api, room, ids, attemptHere);
      if (roomId !== undefined) {
        tally.created += 1;
        ids.set(room.configId, roomId, entry.server);
        // Parents are in an earlier tier, so they exist and can list the new room.
        for (const parent of room.parents) {
          const found = ids.get(parent);
          const parentApi = found === undefined ? undefined : deps.apis.get(found.host);
          if (found === undefined || parentApi === undefined) continue;
          const link = childLink({ roomId, host: entry.server });
          await attemptHere(parent, `link ${room.configId}`, () =>
            parentApi.sendState(found.roomId, link.type, link.stateKey, link.content),
          );
        }
        const invited = await inviteAll(api, room.configId, roomId, entry.plan.invites, attemptHere);
        tally.invited += invited;
        await joinAdmins(
          deps.apis,
          api,
          room.configId,
          roomId,
          entry.server,
          entry.plan.adminJoins,
          attemptHere,
        );
      }
    } else if (entry.plan.action === "update") {
      const { roomId, changes, invites, kicks } = entry.plan;
      for (const write of writesFor(changes, room, ids))
        await attemptHere(room.configId, `set ${write.type}`, () =>
          api.sendState(roomId, write.type, write.stateKey, write.content),
        );
      const invited = await inviteAll(api, room.configId, roomId, invites, attemptHere);
      tally.invited += invited;
      await joinAdmins(
        deps.apis,
        api,
        room.configId,
        roomId,
        entry.server,
        entry.plan.adminJoins,
        attemptHere,
      );
      // Awaited before adding: `tally.x += await …` would read tally.x before other rooms'
      // concurrent updates land and then overwrite them.
      const removed = await removeAll(
        api,
        room.configId,
        roomId,
        kicks,
        "no longer in the network config",
        attemptHere,
      );
      tally.removed += removed;
      tally.updated += 1;
    }
    done += 1;
    if (entry.plan.action !== "unchanged")
      deps.progress(
        `[${done}/${total}] ${entry.plan.action} "${room.name}" (${room.configId}): ${failed === 0 ? "ok" : `${failed} failed`}`,
      );
  };

  // Tier by tier (the root space, then the spaces in it, then rooms), so a room's spaces
  // exist before it; within a tier, a few rooms at a time.
  for (const tier of tiers(desired.rooms)) await mapWithConcurrency(tier, ROOMS_IN_FLIGHT, applyRoom);

  for (const { plan: room, server } of retired) {
    done += 1;
    if (room.action !== "archive") continue;
    const api = deps.apis.get(server);
    const label = `[${done}/${total}] archive "${room.name}" (${room.configId})`;
    if (api === undefined) {
      failures.push(noAccount(room.configId, server));
      continue;
    }
    const before = failures.length;
    if (!room.alreadyArchived) await archive(api, room, deps, attempt);
    tally.removed += await removeAll(api, room.configId, room.roomId, room.kicks, "room archived", attempt);
    tally.archived += 1;
    deps.progress(`${label}: ${failures.length === before ? "ok" : `${failures.length - before} failed`}`);
  }
  return { ...tally, failures };
}

/** Rooms applied at once, and requests in flight within one room (invites). */
const ROOMS_IN_FLIGHT = 4;
const INVITES_IN_FLIGHT = 4;

/** The rooms grouped by depth in the space tree, root first; desired order within a tier. */
function tiers(rooms: readonly DesiredRoom[]): DesiredRoom[][] {
  const depth = new Map<string, number>();
  const depthOf = (room: DesiredRoom, seen: ReadonlySet<string>): number => {
    const known = depth.get(room.configId);
    if (known !== undefined) return known;
    const parents = room.parents
      .filter((id) => !seen.has(id))
      .flatMap((id) => rooms.filter((candidate) => candidate.configId === id));
    const value =
      Math.max(-1, ...parents.map((parent) => depthOf(parent, new Set([...seen, room.configId])))) + 1;
    depth.set(room.configId, value);
    return value;
  };
  const grouped: DesiredRoom[][] = [];
  for (const room of rooms) {
    const level = depthOf(room, new Set([room.configId]));
    (grouped[level] ??= []).push(room);
  }
  return grouped.filter((tier) => tier.length > 0);
}

type Attempt = (
  configId: string,
  operation: string,
  call: () => Promise<Result<unknown, MatrixHttpError>>,
) => Promise<boolean>;

function noAccount(configId: string, server: ServerName): ApplyFailure {
  return {
    configId,
    operation: "log in",
    error: {
      method: "POST",
      path: "/login",
      status: 0,
      errcode: "M_UNKNOWN",
      message: `no provisioner account is logged in on ${server}`,
    },
  };
}

async function createRoom(
  api: ProvisionerApi,
  room: DesiredRoom,
  ids: RoomIds,
  attempt: Attempt,
): Promise<RoomId | undefined> {
  let created: RoomId | undefined;
  const isPublic = room.joinRule.rule === "public";
  await attempt(room.configId, "create", async () => {
    const result = await api.createRoom({
      name: room.name,
      ...(room.topic !== undefined && { topic: room.topic }),
      preset: isPublic ? "public_chat" : "private_chat",
      // Only the public digest is listed in the room directory: it exists to be found.
      visibility: isPublic ? "public" : "private",
      room_version: ROOM_VERSION,
      creation_content: {
        ...(room.isSpace && { type: "m.space" }),
        additional_creators: room.additionalCreators,
      },
      power_level_content_override: room.powerLevels,
      initial_state: initialState(room, ids).map((write) => ({
        type: write.type,
        state_key: write.stateKey,
        content: write.content,
      })),
      // Invited one by one afterwards: Synapse fails the whole createRoom when one invite
      // fails, leaving a room we would not know the id of.
      invite: [],
    });
    if (result.ok) created = result.value;
    return result;
  });
  return created;
}

/** The state events that carry out the planned field changes, power levels as one event. */
function writesFor(changes: readonly FieldChange[], room: DesiredRoom, ids: RoomIds): StateWrite[] {
  const writes: StateWrite[] = [];
  let powerLevels = false;
  for (const change of changes) {
    if (change.field.startsWith("powerLevels")) {
      powerLevels = true;
      continue;
    }
    if (change.field === "spaceParents" || change.field === "spaceChildren") {
      writes.push(...linkWrites(change, ids));
      continue;
    }
    const write = fieldEvent(change.field, room, ids);
    if (write !== undefined) writes.push(write);
  }
  if (powerLevels) writes.push({ type: "m.room.power_levels", stateKey: "", content: room.powerLevels });
  return writes;
}

function linkWrites(change: FieldChange, ids: RoomIds): StateWrite[] {
  const type = change.field === "spaceParents" ? "m.space.parent" : "m.space.child";
  const current = new Set(change.current as readonly string[]);
  const desired = new Set(change.desired as readonly string[]);
  const added = [...desired].filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !desired.has(id));
  const writes: StateWrite[] = [];
  for (const configId of added) {
    // A room created later in this run links itself into its spaces then.
    const found = ids.get(configId);
    if (found !== undefined) writes.push(type === "m.space.parent" ? parentLink(found) : childLink(found));
  }
  for (const id of removed) {
    // Unresolved ids are room ids already (links to rooms outside the network).
    const roomId = ids.get(id)?.roomId ?? (id as RoomId);
    writes.push(removedLink(type, roomId));
  }
  return writes;
}

async function inviteAll(
  api: ProvisionerApi,
  configId: string,
  roomId: RoomId,
  users: readonly UserId[],
  attempt: Attempt,
): Promise<number> {
  const results = await mapWithConcurrency(users, INVITES_IN_FLIGHT, (user) =>
    attempt(configId, `invite ${user}`, () => api.invite(roomId, user)),
  );
  return results.filter(Boolean).length;
}

/** Brings the other servers' provisioner accounts into a space: invited by the host, then joined. */
async function joinAdmins(
  apis: ReadonlyMap<ServerName, ProvisionerApi>,
  host: ProvisionerApi,
  configId: string,
  roomId: RoomId,
  hostServer: ServerName,
  joins: readonly AdminJoin[],
  attempt: Attempt,
): Promise<void> {
  for (const { user, invited } of joins) {
    const account = apis.get(serverOf(user));
    if (account === undefined) continue;
    if (!invited && !(await attempt(configId, `invite ${user}`, () => host.invite(roomId, user)))) continue;
    await attempt(configId, `join ${user}`, () => account.join(roomId, hostServer));
  }
}

async function removeAll(
  api: ProvisionerApi,
  configId: string,
  roomId: RoomId,
  users: readonly UserId[],
  reason: string,
  attempt: Attempt,
): Promise<number> {
  let count = 0;
  for (const user of users)
    if (await attempt(configId, `remove ${user}`, () => api.kick(roomId, user, reason))) count += 1;
  return count;
}

/**
 * Archiving: the room says why it closed (in its topic, which every member sees and which, as
 * state, is never end-to-end encrypted anyway, so the provisioner needs no crypto; plus a
 * notice in unencrypted rooms), closes to new members, and is marked so the next plan knows.
 * Its history stays: Matrix rooms cannot be deleted and the provisioner never purges.
 */
async function archive(
  api: ProvisionerApi,
  room: RetiredRoomPlan,
  deps: ApplyDeps,
  attempt: Attempt,
): Promise<void> {
  const at = (deps.now ?? (() => new Date()))().toISOString();
  const notice =
    deps.archiveNotice?.(room) ??
    `Archived on ${at.slice(0, 10)}: this room is no longer part of the network. Its history is kept.`;
  const writes: StateWrite[] = [
    { type: ARCHIVED_MARKER_TYPE, stateKey: "", content: { archivedAt: at } },
    { type: "m.room.topic", stateKey: "", content: { topic: notice } },
    {
      type: "m.room.join_rules",
      stateKey: "",
      content: { join_rule: "invite" },
    },
  ];
  for (const write of writes)
    await attempt(room.configId, `archive: set ${write.type}`, () =>
      api.sendState(room.roomId, write.type, write.stateKey, write.content),
    );
  if (!room.encrypted)
    await attempt(room.configId, "archive: notice", () => api.sendNotice(room.roomId, notice));
}
