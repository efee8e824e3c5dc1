import { describe, expect, it } from "vitest";
import { personById } from "../../../../config/index.ts";
import { desiredNetwork } from "../../../../bots/provision/desired-state.ts";
import { MEGOLM_ALGORITHM } from "../../../../bots/provision/managed-room.ts";
import { ROOT_SPACE_ID, networkSpaceId, regionSpaceId } from "../../../../bots/provision/space-ids.ts";
import { loadExample } from "../../config/example-config.ts";
import { desiredRoom } from "./observed-from.ts";

const config = loadExample();
const desired = desiredNetwork(config);
const EA = "127.0.0.11:18448";
const MENA = "127.0.0.12:18448";
const EU = "127.0.0.13:18448";
const user = (id: string): string => personById(config, id)!.userId;
const BOTS = ["@convene-bot", "@route-bot", "@digest-bot"].map((local) => `${local}:${EA}`);
const ADMINS = [EA, MENA, EU].map((server) => `@provisioner-bot:${server}`);

describe("desiredNetwork for the example", () => {
  it("puts spaces and rooms on the right homeservers", () => {
    const on = (server: string, isSpace: boolean) =>
      desired.rooms.filter((room) => room.host.serverName === server && room.isSpace === isSpace).length;
    // Root space and four network spaces live with the provisioner / first region.
    expect([on(EA, true), on(MENA, true), on(EU, true)]).toEqual([6, 2, 1]);
    expect([on(EA, false), on(MENA, false), on(EU, false)]).toEqual([3, 2, 6]);
    expect(desiredRoom(desired, regionSpaceId("mena")).host).toEqual({ serverName: MENA, region: "mena" });
    expect(desiredRoom(desired, "wasl-circle").host.serverName).toBe(MENA);
    expect(desiredRoom(desired, "steering").host.serverName).toBe(EA);
    expect(desiredRoom(desired, "europe-practice").creator).toBe(`@provisioner-bot:${EU}`);
  });

  it("restricts each private room to the right space and links spaces", () => {
    expect(desiredRoom(desired, "mena-practice").joinRule).toEqual({
      rule: "restricted",
      allow: [regionSpaceId("mena")],
    });
    expect(desiredRoom(desired, "gsx-dialogue").joinRule).toEqual({
      rule: "restricted",
      allow: [networkSpaceId("gsx")],
    });
    expect(desiredRoom(desired, "convenings-lobby").joinRule).toEqual({
      rule: "restricted",
      allow: [ROOT_SPACE_ID],
    });
    expect(desiredRoom(desired, "steering").joinRule).toEqual({ rule: "invite" });
    expect(desiredRoom(desired, "public-digest").joinRule).toEqual({ rule: "public" });
    for (const space of desired.rooms.filter((room) => room.isSpace))
      expect(space.joinRule).toEqual({ rule: "invite" });
    expect(desiredRoom(desired, regionSpaceId("mena")).children).toEqual(["mena-practice"]);
    expect(desiredRoom(desired, "mena-practice").parents).toEqual([regionSpaceId("mena")]);
    expect(desiredRoom(desired, ROOT_SPACE_ID).children).toContain("steering");
    expect(desiredRoom(desired, networkSpaceId("wasl")).parents).toEqual([ROOT_SPACE_ID]);
  });

  it("encrypts everything but the public digest, forbids guests and marks every room", () => {
    expect(MEGOLM_ALGORITHM).toBe("m.megolm.v1.aes-sha2");
    for (const room of desired.rooms) {
      expect(room.encrypted, room.configId).toBe(room.configId !== "public-digest");
      expect(room.guestAccess).toBe("forbidden");
      expect(room.marker).toEqual({ configId: room.configId, kind: room.kind, network: "meridian-demo" });
    }
    expect(desiredRoom(desired, "public-digest").historyVisibility).toBe("world_readable");
    expect(desiredRoom(desired, "steering").historyVisibility).toBe("joined");
  });

  it("admits to each room exactly the homeservers its members, bots and host live on", () => {
    const hostOf = (server: string): string => server.split(":")[0]!;
    for (const room of desired.rooms) {
      const allowed = new Set(room.serverAcl.allow);
      const members = [room.creator, ...room.invites].map((member) => member.slice(member.indexOf(":") + 1));
      for (const server of members) expect(allowed, room.configId).toContain(hostOf(server));
      expect(room.serverAcl.allow).not.toContain("127.0.0.99");
    }
    // Spaces hold every region's provisioner, so their servers can check restricted joins.
    expect(desiredRoom(desired, regionSpaceId("europe")).serverAcl.allow).toEqual([
      "127.0.0.11",
      EA,
      "127.0.0.12",
      MENA,
      "127.0.0.13",
      EU,
    ]);
  });

  it("leaves out of a room's ACL a region none of its members live in", () => {
    // Without cross-regional staff, Europe's room has only European members and the bots.
    const local = desiredNetwork({
      ...config,
      roles: { ...config.roles, steering: ["claire-dubois"], organisers: [], moderators: [] },
    });
    expect(desiredRoom(local, "europe-practice").serverAcl.allow).toEqual([
      "127.0.0.11",
      EA,
      "127.0.0.13",
      EU,
    ]);
  });

  it("derives power levels from roles", () => {
    const steering = desiredRoom(desired, "steering").powerLevels;
    expect(steering.users[user("amina-yusuf")]).toBe(100);
    // Creators (room version 12) are never listed: their power is above any level.
    for (const admin of ADMINS) expect(steering.users[admin]).toBeUndefined();
    for (const bot of BOTS) expect(steering.users[bot]).toBe(50);
    const mena = desiredRoom(desired, "mena-practice").powerLevels;
    expect(mena.users[user("layla-haddad")]).toBe(50); // steering outside the steering room
    expect(mena.users[user("rania-khoury")]).toBe(50); // moderator
    expect(mena.users[user("claire-dubois")]).toBe(50); // organiser from another region
    expect(mena.users[user("omar-masri")]).toBeUndefined(); // plain member: default 0
    expect(mena.events["m.room.server_acl"]).toBe(100);
    expect(mena.events["m.room.join_rules"]).toBe(100);
    expect(mena.events_default).toBe(0);
    expect(desiredRoom(desired, "public-digest").powerLevels.events_default).toBe(50);
  });

  it("invites people by region, network and role, and bots to rooms only", () => {
    expect(desiredRoom(desired, "steering").invites).toEqual(
      [...["amina-yusuf", "layla-haddad", "claire-dubois"].map(user), ...BOTS].sort(),
    );
    const eastAfrica = desiredRoom(desired, "east-africa-practice").invites;
    for (const id of ["amina-yusuf", "dawit-bekele", "youssef-benali", "samira-el-idrissi"])
      expect(eastAfrica).toContain(user(id));
    expect(eastAfrica).not.toContain(user("omar-masri"));
    expect(desiredRoom(desired, regionSpaceId("mena")).invites).toEqual(
      ["layla-haddad", "youssef-benali", "rania-khoury", "omar-masri"].map(user).sort(),
    );
    expect(desiredRoom(desired, networkSpaceId("gsx")).invites).toEqual(
      [user("layla-haddad"), user("claire-dubois")].sort(),
    );
    expect(desiredRoom(desired, "public-digest").invites).toContain(`@digest-bot:${EA}`);
    expect(desiredRoom(desired, "public-digest").invites).not.toContain(`@route-bot:${EA}`);
    expect(desiredRoom(desired, ROOT_SPACE_ID).invites).toHaveLength(config.people.length);
  });
});
