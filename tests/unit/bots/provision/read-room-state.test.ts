import { describe, expect, it } from "vitest";
import {
  readManagedRoom,
  readPowerLevels,
  resolveConfigIds,
  type StateEvent,
} from "../../../../bots/provision/read-room-state.ts";
import { initialState, joinRuleContent } from "../../../../bots/provision/room-events.ts";
import type { RoomId, ServerName } from "../../../../lib/matrix-ids.ts";
import { desiredRoom, exampleDesired } from "./observed-from.ts";

const PROVISIONER = "@provisioner-bot:127.0.0.12:18448";
const TRUSTED = new Set([PROVISIONER]);
const SPACE = "!space:127.0.0.12:18448" as RoomId;
const ROOM = "!room:127.0.0.12:18448" as RoomId;

const event = (
  type: string,
  content: Record<string, unknown>,
  stateKey = "",
  sender = PROVISIONER,
): StateEvent => ({
  type,
  state_key: stateKey,
  sender,
  content,
});

const marker = (configId: string, kind = "regional") =>
  event("org.meridian.managed", { configId, kind, network: "meridian-demo" });

describe("readManagedRoom", () => {
  it("ignores rooms without a marker, with a malformed one, or created by someone else", () => {
    const create = event("m.room.create", {});
    expect(readManagedRoom(ROOM, [create], TRUSTED)).toBeUndefined();
    expect(
      readManagedRoom(ROOM, [create, event("org.meridian.managed", { configId: 3 })], TRUSTED),
    ).toBeUndefined();
    // Anyone can copy the marker into a room of their own: it must not be adopted.
    const forged = [event("m.room.create", {}, "", "@mallory:127.0.0.99:18448"), marker("mena-practice")];
    expect(readManagedRoom(ROOM, forged, TRUSTED)).toBeUndefined();
  });

  it("reads every field, fills power-level defaults and keeps only live space links", () => {
    const room = readManagedRoom(
      ROOM,
      [
        event("m.room.create", { room_version: "12" }),
        marker("mena-practice"),
        event("m.room.name", { name: "MENA" }),
        event("m.room.topic", { topic: "" }),
        event("m.room.join_rules", {
          join_rule: "restricted",
          allow: [{ type: "m.room_membership", room_id: SPACE }, { type: "other" }],
        }),
        event("m.room.encryption", { algorithm: "m.megolm.v1.aes-sha2" }),
        event("m.room.server_acl", { allow: ["127.0.0.12"], deny: [] }),
        event("m.room.power_levels", { users: { "@a:x": "50", "@b:x": 20 }, events: {} }),
        event("m.room.member", { membership: "join" }, "@a:x"),
        event("m.room.member", { membership: "ban" }, "@b:x"),
        event("m.room.member", { membership: "weird" }, "@c:x"),
        event("m.space.parent", { via: ["127.0.0.12:18448"] }, SPACE),
        event("m.space.parent", {}, "!gone:127.0.0.12:18448"),
      ],
      TRUSTED,
    );
    expect(room).toMatchObject({
      serverName: "127.0.0.12:18448",
      name: "MENA",
      encrypted: true,
      isSpace: false,
      joinRule: { rule: "restricted", allow: [SPACE] },
      serverAcl: { allow: ["127.0.0.12"], deny: [], allow_ip_literals: true },
      members: { "@a:x": "join", "@b:x": "ban" },
      parents: [SPACE],
      children: [],
      archived: false,
    });
    expect(room?.topic).toBeUndefined(); // an empty topic is a removed one
    expect(room?.powerLevels).toEqual({
      users: { "@a:x": 50, "@b:x": 20 },
      users_default: 0,
      events_default: 0,
      state_default: 50,
      ban: 50,
      kick: 50,
      redact: 50,
      invite: 0,
      events: {},
      notifications: { room: 50 },
    });
  });

  it("resolves room ids to config ids within a network, leaving strangers' ids as they are", () => {
    const space = readManagedRoom(
      SPACE,
      [event("m.room.create", { type: "m.space" }), marker("space:region:mena", "region-space")],
      TRUSTED,
    );
    const room = readManagedRoom(
      ROOM,
      [
        event("m.room.create", {}),
        marker("mena-practice"),
        event("m.room.join_rules", {
          join_rule: "restricted",
          allow: [{ type: "m.room_membership", room_id: SPACE }],
        }),
        event("m.space.parent", { via: ["x"] }, SPACE),
        event("m.space.parent", { via: ["x"] }, "!stranger:x"),
      ],
      TRUSTED,
    );
    expect(space?.isSpace).toBe(true);
    const [, resolved] = resolveConfigIds([space!, room!]);
    expect(resolved?.joinRule?.allow).toEqual(["space:region:mena"]);
    expect(resolved?.parents).toEqual(["!stranger:x", "space:region:mena"]);
  });

  it("treats a power-levels event with garbage values as the spec's defaults", () => {
    expect(readPowerLevels({ ban: "lots", kick: 1.5, users: [], notifications: "no" })).toMatchObject({
      ban: 50,
      kick: 50,
      users: {},
      notifications: { room: 50 },
    });
  });
});

describe("room events", () => {
  const desired = exampleDesired();
  const ids = {
    get: (configId: string) =>
      configId === "space:region:mena"
        ? { roomId: SPACE, host: "127.0.0.12:18448" as ServerName }
        : undefined,
  };

  it("turns a restricted rule into room ids, and into invite-only when no space exists", () => {
    const rule = desiredRoom(desired, "mena-practice").joinRule;
    expect(joinRuleContent(rule, ids)).toEqual({
      join_rule: "restricted",
      allow: [{ type: "m.room_membership", room_id: SPACE }],
    });
    expect(joinRuleContent(rule, { get: () => undefined })).toEqual({ join_rule: "invite" });
  });

  it("creates rooms with every safety setting in the initial state", () => {
    const types = (configId: string) =>
      initialState(desiredRoom(desired, configId), ids).map((write) => write.type);
    expect(types("mena-practice")).toEqual(
      expect.arrayContaining([
        "m.room.join_rules",
        "m.room.guest_access",
        "m.room.history_visibility",
        "m.room.server_acl",
        "m.room.encryption",
        "org.meridian.managed",
        "m.space.parent",
      ]),
    );
    expect(types("public-digest")).not.toContain("m.room.encryption");
  });
});
