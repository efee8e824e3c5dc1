import { describe, expect, it } from "vitest";
import { countWrites, planChanges, type Plan, type RoomPlan } from "../../../../bots/provision/plan.ts";
import { renderPlan, renderRefusals } from "../../../../bots/provision/render-plan.ts";
import type { DesiredNetwork } from "../../../../bots/provision/managed-room.ts";
import { regionSpaceId } from "../../../../bots/provision/space-ids.ts";
import type { ServerName, UserId } from "../../../../lib/matrix-ids.ts";
import { desiredNetwork } from "../../../../bots/provision/desired-state.ts";
import { loadExample } from "../../config/example-config.ts";
import { desiredRoom, exampleDesired, observedFrom, withRoom } from "./observed-from.ts";

const desired = exampleDesired();
const PROVISIONER = "@provisioner-bot:127.0.0.11:18448" as UserId;
const OPTIONS = { prune: false, provisionerUserId: PROVISIONER };

function planOf(result: ReturnType<typeof planChanges>): Plan {
  if (!result.ok) throw new Error(renderRefusals(result.error));
  return result.value;
}
const roomsOf = (plan: Plan): RoomPlan[] => plan.servers.flatMap((server) => server.rooms);
const roomPlan = (plan: Plan, configId: string): RoomPlan =>
  roomsOf(plan).find((room) => room.configId === configId)!;

/** `desired` with the room of `configId` edited. */
function editDesired(
  configId: string,
  edit: (room: DesiredNetwork["rooms"][number]) => DesiredNetwork["rooms"][number],
): DesiredNetwork {
  return { ...desired, rooms: desired.rooms.map((room) => (room.configId === configId ? edit(room) : room)) };
}

describe("planChanges", () => {
  it("creates everything from nothing, grouped by homeserver", () => {
    const plan = planOf(planChanges(desired, { rooms: [], unmanaged: [] }, OPTIONS));
    expect(roomsOf(plan).every((room) => room.action === "create")).toBe(true);
    expect(roomsOf(plan)).toHaveLength(desired.rooms.length);
    expect(plan.servers.map((server) => server.serverName)).toEqual([
      "127.0.0.11:18448",
      "127.0.0.12:18448",
      "127.0.0.13:18448",
    ]);
    expect(renderPlan(plan)).toContain(`+ create room "Steering Group" (steering)`);
  });

  it("writes nothing when the homeservers match", () => {
    const plan = planOf(planChanges(desired, observedFrom(desired), OPTIONS));
    expect(roomsOf(plan).every((room) => room.action === "unchanged")).toBe(true);
    expect(countWrites(plan)).toBe(0);
    expect(renderPlan(plan)).toMatch(/0 to create, 0 to update, 20 unchanged.*0 writes/);
  });

  it("reports exactly the fields changed by hand", () => {
    const amina = desiredRoom(desired, "east-africa-practice").invites.find((user) =>
      user.startsWith("@amina"),
    )!;
    const observed = withRoom(observedFrom(desired), "east-africa-practice", (room) => ({
      ...room,
      joinRule: { rule: "public", allow: [] },
      powerLevels: { ...room.powerLevels!, users: { ...room.powerLevels!.users, [amina]: 100 } },
    }));
    const plan = planOf(planChanges(desired, observed, OPTIONS));
    const room = roomPlan(plan, "east-africa-practice");
    expect(room.action).toBe("update");
    if (room.action !== "update") return;
    expect(room.changes.map((change) => change.field)).toEqual(["joinRule", `powerLevels.users[${amina}]`]);
    expect(room.changes[1]).toMatchObject({ current: 100, desired: 50 });
    expect(roomsOf(plan).filter((other) => other.action !== "unchanged")).toHaveLength(1);
    expect(renderPlan(plan)).toContain(
      `~ joinRule: {"allow":[],"rule":"public"} → {"allow":["${regionSpaceId("east-africa")}"],"rule":"restricted"}`,
    );
  });

  it("renames a room found by its marker instead of creating one", () => {
    const renamed = editDesired("wasl-circle", (room) => ({ ...room, name: "WASL Sisters' Circle" }));
    const plan = planOf(planChanges(renamed, observedFrom(desired), OPTIONS));
    const room = roomPlan(plan, "wasl-circle");
    expect(room.action).toBe("update");
    if (room.action === "update")
      expect(room.changes).toEqual([
        { field: "name", current: "WASL Circle", desired: "WASL Sisters' Circle" },
      ]);
    expect(renderPlan(plan)).toContain(`~ name: "WASL Circle" → "WASL Sisters' Circle"`);
  });

  it("invites missing people and removes unlisted ones only with prune", () => {
    const stranger = "@stranger:127.0.0.12:18448";
    const observed = withRoom(observedFrom(desired), "mena-practice", (room) => {
      const members: Record<string, "join" | "leave"> = { ...room.members, [stranger]: "join" };
      members["@omar-masri:127.0.0.12:18448"] = "leave";
      return { ...room, members };
    });
    const kept = roomPlan(planOf(planChanges(desired, observed, OPTIONS)), "mena-practice");
    expect(kept).toMatchObject({
      action: "update",
      invites: ["@omar-masri:127.0.0.12:18448"],
      kicks: [],
      kept: [stranger],
    });
    const pruned = roomPlan(
      planOf(planChanges(desired, observed, { ...OPTIONS, prune: true })),
      "mena-practice",
    );
    expect(pruned).toMatchObject({ action: "update", kicks: [stranger], kept: [] });
  });

  it("refuses to turn encryption off", () => {
    const unencrypted = editDesired("convenings-lobby", (room) => ({ ...room, encrypted: false }));
    const result = planChanges(unencrypted, observedFrom(desired), OPTIONS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      expect.objectContaining({ configId: "convenings-lobby", reason: "encryption-off" }),
    ]);
    expect(renderRefusals(result.error)).toContain("! refused convenings-lobby: ");
    expect(result.error[0]!.message).toContain("can never turn encryption off");
  });

  it("refuses a config that lowers the bots below what they need, naming each room", () => {
    const config = loadExample();
    const lowered = desiredNetwork({ ...config, powerLevels: { ...config.powerLevels, bots: 0 } });
    const result = planChanges(lowered, observedFrom(desired), OPTIONS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(new Set(result.error.map((refusal) => refusal.reason))).toEqual(new Set(["lowers-bot"]));
    // Every private room has the three chat bots; the digest room has the digest bot only.
    const rooms = desired.rooms.filter((room) => !room.isSpace);
    expect(result.error).toHaveLength(
      rooms.reduce((n, room) => n + (room.kind === "public-digest" ? 1 : 3), 0),
    );
    expect(result.error[0]!.message).toMatch(/would give the bot @\S+ 0, below the 50 it needs/);
  });

  it("keeps the provisioner out of the power levels: it is a creator of every room", () => {
    for (const room of desired.rooms) {
      expect(Object.keys(room.powerLevels.users)).not.toContain(PROVISIONER);
      expect([room.creator, ...room.additionalCreators].sort()).toEqual([...desired.admins].sort());
    }
  });

  it("refuses to move a room to another homeserver", () => {
    const moved = withRoom(observedFrom(desired), "mena-practice", (room) => ({
      ...room,
      serverName: "127.0.0.13:18448" as ServerName,
    }));
    const result = planChanges(desired, moved, OPTIONS);
    expect(result.ok ? [] : result.error.map((refusal) => [refusal.configId, refusal.reason])).toEqual([
      ["mena-practice", "host-moved"],
    ]);
  });

  it("refuses an ACL that denies the provisioner's own server", () => {
    const locked = editDesired("mena-practice", (room) => ({
      ...room,
      serverAcl: { ...room.serverAcl, deny: ["127.0.0.11"] },
    }));
    const result = planChanges(locked, observedFrom(desired), OPTIONS);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(
        result.error.every(
          (refusal) => refusal.reason === "acl-locks-out" && refusal.configId === "mena-practice",
        ),
      ).toBe(true);
  });

  it("leaves a dropped room alone unless pruning, then archives it", () => {
    const dropped: DesiredNetwork = {
      ...desired,
      rooms: desired.rooms.filter((room) => room.configId !== "gsx-dialogue"),
    };
    const observed = observedFrom(desired);
    const alone = roomPlan(planOf(planChanges(dropped, observed, OPTIONS)), "gsx-dialogue");
    expect(alone).toMatchObject({ action: "leave-alone", kicks: [] });
    const archived = roomPlan(
      planOf(planChanges(dropped, observed, { ...OPTIONS, prune: true })),
      "gsx-dialogue",
    );
    expect(archived.action).toBe("archive");
    if (archived.action === "archive") {
      expect(archived.kicks).not.toContain("@provisioner-bot:127.0.0.13:18448");
      expect(archived.kicks.length).toBeGreaterThan(0);
    }
  });

  it("ignores rooms of other networks and unmarked rooms", () => {
    const other = observedFrom(desired).rooms[0]!;
    const observed = {
      rooms: [
        ...observedFrom(desired).rooms,
        { ...other, marker: { ...other.marker, network: "someone-else" } },
      ],
      unmanaged: ["!plain:127.0.0.11:18448" as never],
    };
    const plan = planOf(planChanges(desired, observed, { ...OPTIONS, prune: true }));
    expect(countWrites(plan)).toBe(0);
    expect(plan.ignoredRooms).toBe(2);
  });
});
