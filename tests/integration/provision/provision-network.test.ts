/**
 * The provisioner against the devnet's three regional homeservers, on a private copy of the
 * example network. The steps build on each other (one network, provisioned once), in the
 * order the issue lists what must work: apply from nothing and again (zero writes), joins
 * through restricted join rules and the ACL, drift restored, a refused config, a rename, and
 * an archive with --prune.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Document } from "yaml";
import type { ProvisionOutcome } from "../../../bots/provision/run-provision.ts";
import { renderPlan } from "../../../bots/provision/render-plan.ts";
import { type RoomPlan } from "../../../bots/provision/plan.ts";
import { regionSpaceId, networkSpaceId } from "../../../bots/provision/space-ids.ts";
import type { NetworkConfig } from "../../../config/index.ts";
import { homeserverOf, registerTestUser, type TestUser } from "../../support/devnet-access.ts";
import { uniqueLocalpart } from "../../support/matrix-test-client.ts";
import { callAs, joinAs, leaveAs, sendMessageAs, sendStateAs, stateAs } from "../../support/matrix-rest.ts";
import { createTestNetwork, type TestNetwork } from "../../support/test-network.ts";

const devnet = inject("devnet");

let net: TestNetwork;
/** Room ids by config id, from the first apply. */
const roomIds = new Map<string, string>();

function outcomeOf(result: Awaited<ReturnType<TestNetwork["provision"]>>): ProvisionOutcome {
  if (!result.ok) throw new Error(`provisioning failed: ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

function roomsOf(outcome: ProvisionOutcome): RoomPlan[] {
  return outcome.plan.servers.flatMap((server) => server.rooms);
}

function roomId(configId: string): string {
  const id = roomIds.get(configId);
  if (id === undefined) throw new Error(`no room for ${configId}`);
  return id;
}

/** The account and client URL of the person with this config id. */
function person(config: NetworkConfig, id: string): { user: TestUser; url: string; server: string } {
  const found = config.people.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no person ${id}`);
  const user = net.accounts.get(found.userId);
  if (user === undefined) throw new Error(`no account for ${found.userId}`);
  const homeserver = homeserverOf(devnet, found.region);
  return { user, url: homeserver.clientUrl, server: homeserver.serverName };
}

function hostOf(config: NetworkConfig, configId: string): string {
  const room = config.rooms.find((candidate) => candidate.id === configId);
  const region = config.regions.find((candidate) => candidate.id === room?.homeRegion);
  if (region === undefined) throw new Error(`no host for ${configId}`);
  return region.homeserver.serverName;
}

async function expectNoWrites(config?: NetworkConfig, prune = false): Promise<ProvisionOutcome> {
  const plan = outcomeOf(await net.provision("plan", { prune, ...(config && { config }) }));
  expect(plan.plannedWrites, renderPlan(plan.plan)).toBe(0);
  return plan;
}

function rename(doc: Document): void {
  const index = (doc.toJS() as { rooms: { id: string }[] }).rooms.findIndex(
    (room) => room.id === "europe-practice",
  );
  doc.setIn(["rooms", index, "name"], "Europe Practitioners");
}

describe("provisioning the example network on the devnet", () => {
  beforeAll(async () => {
    net = await createTestNetwork(devnet);
  }, 120_000);

  it("builds everything from nothing, then a second apply writes nothing", async () => {
    const first = outcomeOf(await net.provision("apply"));
    const { desired, report, requests } = first;
    expect(report?.failures).toEqual([]);
    expect(report?.created).toBe(desired.rooms.length);
    const invites = desired.rooms.reduce((n, room) => n + room.invites.length, 0);
    expect(report?.invited).toBe(invites);
    // One request per room, per invite and per space link (each child added to its parent
    // once, the parent links riding in the create), and an invite and a join for each other
    // server's provisioner in each space: nothing is sent twice.
    const links = desired.rooms.reduce((n, room) => n + room.parents.length, 0);
    const adminJoins = desired.rooms.reduce((n, room) => n + 2 * room.adminMembers.length, 0);
    expect(adminJoins).toBeGreaterThan(0);
    expect(requests.applyWrites).toBe(desired.rooms.length + invites + links + adminJoins);
    expect([...requests.repeatedWrites]).toEqual([]);

    const second = outcomeOf(await net.provision("apply"));
    expect(second.requests.applyWrites).toBe(0);
    expect(roomsOf(second).every((room) => room.action === "unchanged")).toBe(true);
    for (const room of second.observed.rooms)
      if (room.marker.network === net.config.network.id) roomIds.set(room.marker.configId, room.roomId);
    expect(roomIds.size).toBe(desired.rooms.length);
  });

  it("sets the safety state a member sees, from the first event", async () => {
    const amina = person(net.config, "amina-yusuf");
    expect(
      (await joinAs(amina.url, amina.user, roomId("steering"), [hostOf(net.config, "steering")])).status,
    ).toBe(200);
    const encryption = await stateAs(amina.url, amina.user, roomId("steering"), "m.room.encryption");
    expect(encryption.body.algorithm).toBe("m.megolm.v1.aes-sha2");
    const joinRule = await stateAs(amina.url, amina.user, roomId("steering"), "m.room.join_rules");
    expect(joinRule.body.join_rule).toBe("invite");
    const guest = await stateAs(amina.url, amina.user, roomId("steering"), "m.room.guest_access");
    expect(guest.body.guest_access).toBe("forbidden");

    // The public digest is the one room anyone may read, and it is not encrypted.
    const digest = roomId("public-digest");
    const digestHost = hostOf(net.config, "public-digest");
    expect((await joinAs(amina.url, amina.user, digest, [digestHost])).status).toBe(200);
    const history = await stateAs(amina.url, amina.user, digest, "m.room.history_visibility");
    expect(history.body.history_visibility).toBe("world_readable");
    expect((await stateAs(amina.url, amina.user, digest, "m.room.encryption")).status).toBe(404);
  });

  it("admits space members to restricted rooms, over federation too, and no one else", async () => {
    // Omar (MENA, plain member) turns down his invite, then joins through the region's space.
    const omar = person(net.config, "omar-masri");
    const mena = hostOf(net.config, "mena-practice");
    expect((await joinAs(omar.url, omar.user, roomId(regionSpaceId("mena")), [mena])).status).toBe(200);
    expect((await leaveAs(omar.url, omar.user, roomId("mena-practice"))).status).toBe(200);
    expect((await joinAs(omar.url, omar.user, roomId("mena-practice"), [mena])).status).toBe(200);

    // Amina (East Africa, WASL) joins the WASL room hosted on another homeserver.
    const amina = person(net.config, "amina-yusuf");
    const waslHost = hostOf(net.config, "wasl-circle");
    expect(waslHost).not.toBe(amina.server);
    const waslSpace = roomId(networkSpaceId("wasl"));
    const spaceHost = net.config.regions.find(
      (r) => r.id === net.config.networks.find((n) => n.id === "wasl")?.regions[0],
    )?.homeserver.serverName;
    expect((await joinAs(amina.url, amina.user, waslSpace, [spaceHost ?? waslHost])).status).toBe(200);
    expect((await leaveAs(amina.url, amina.user, roomId("wasl-circle"))).status).toBe(200);
    expect((await joinAs(amina.url, amina.user, roomId("wasl-circle"), [waslHost])).status).toBe(200);

    // Someone on the region's own homeserver who is in no space of the network is refused.
    const menaServer = homeserverOf(devnet, "mena");
    const stranger = await registerTestUser(menaServer, uniqueLocalpart("stranger"));
    const refused = await joinAs(menaServer.clientUrl, stranger, roomId("mena-practice"), [mena]);
    expect(refused.status).toBe(403);

    // A homeserver outside the ACL can neither join nor send to the cross-regional room.
    const outsider = homeserverOf(devnet, "outsider");
    const visitor = await registerTestUser(outsider, uniqueLocalpart("visitor"));
    const lobby = roomId("convenings-lobby");
    const lobbyHost = hostOf(net.config, "convenings-lobby");
    expect((await joinAs(outsider.clientUrl, visitor, lobby, [lobbyHost])).status).toBe(403);
    expect((await sendMessageAs(outsider.clientUrl, visitor, lobby, "hello?")).status).toBe(403);
  });

  it("finds hand-made changes to a join rule and a power level, and restores both", async () => {
    // Amina is in the steering group, which holds 100 in its own room: enough to change both.
    const amina = person(net.config, "amina-yusuf");
    const steering = roomId("steering");
    const bot = net.config.bots.convene.userId;
    expect(
      (await sendStateAs(amina.url, amina.user, steering, "m.room.join_rules", { join_rule: "public" }))
        .status,
    ).toBe(200);
    const levels = (await stateAs(amina.url, amina.user, steering, "m.room.power_levels")).body;
    const users = { ...(levels.users as Record<string, number>), [bot]: 0 };
    expect(
      (await sendStateAs(amina.url, amina.user, steering, "m.room.power_levels", { ...levels, users }))
        .status,
    ).toBe(200);

    const drift = outcomeOf(await net.provision("plan"));
    const plan = roomsOf(drift).find((room) => room.configId === "steering");
    expect(plan?.action).toBe("update");
    const fields = plan?.action === "update" ? plan.changes.map((change) => change.field) : [];
    expect(fields.sort()).toEqual(["joinRule", `powerLevels.users[${bot}]`].sort());
    expect(drift.plannedWrites).toBe(2);

    const restored = outcomeOf(await net.provision("apply"));
    expect(restored.report?.failures).toEqual([]);
    expect(restored.requests.applyWrites).toBe(2);
    expect((await stateAs(amina.url, amina.user, steering, "m.room.join_rules")).body.join_rule).toBe(
      "invite",
    );
    const after = (await stateAs(amina.url, amina.user, steering, "m.room.power_levels")).body;
    expect((after.users as Record<string, number>)[bot]).toBe(50);
    await expectNoWrites();
  });

  it("refuses a config that would lower the bots' power, and writes nothing", async () => {
    const lowered = net.configWith((doc) => {
      doc.setIn(["powerLevels"], doc.createNode({ bots: 10 }));
    });
    const result = await net.provision("apply", { config: lowered });
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== "refused") throw new Error("expected a refusal");
    expect(new Set(result.error.refusals.map((refusal) => refusal.reason))).toEqual(new Set(["lowers-bot"]));
    expect(result.error.refusals[0]?.message).toContain("below the 50 it needs");
    await expectNoWrites();
  });

  it("renames a room in place when its config name changes", async () => {
    const renamed = net.configWith(rename);
    const plan = outcomeOf(await net.provision("plan", { config: renamed }));
    const room = roomsOf(plan).find((candidate) => candidate.configId === "europe-practice");
    expect(room?.action === "update" ? room.changes.map((change) => change.field) : room?.action).toEqual([
      "name",
    ]);
    const applied = outcomeOf(await net.provision("apply", { config: renamed }));
    expect(applied.report?.created).toBe(0);
    const after = await expectNoWrites(renamed);
    const found = after.observed.rooms.find(
      (candidate) =>
        candidate.marker.configId === "europe-practice" && candidate.marker.network === net.config.network.id,
    );
    expect(found?.roomId).toBe(roomId("europe-practice"));
    expect(found?.name).toBe("Europe Practitioners");
  });

  it("leaves a dropped room alone, and with --prune archives it with its history kept", async () => {
    const hodan = person(net.config, "hodan-abdi"); // a youth-activists member
    const room = roomId("youth-exchange");
    const host = hostOf(net.config, "youth-exchange");
    expect((await joinAs(hodan.url, hodan.user, room, [host])).status).toBe(200);
    const sent = await sendMessageAs(hodan.url, hodan.user, room, "last words before the archive");
    expect(sent.status).toBe(200);

    const dropped = net.configWith((doc) => {
      rename(doc); // the config as the previous step left it
      const index = (doc.toJS() as { rooms: { id: string }[] }).rooms.findIndex(
        (r) => r.id === "youth-exchange",
      );
      doc.deleteIn(["rooms", index]);
    });
    const alone = await expectNoWrites(dropped);
    expect(roomsOf(alone).find((r) => r.configId === "youth-exchange")?.action).toBe("leave-alone");

    const pruned = outcomeOf(await net.provision("apply", { config: dropped, prune: true }));
    expect(pruned.report?.failures).toEqual([]);
    expect(pruned.report?.archived).toBe(1);
    const member = await callAs(
      hodan.url,
      hodan.user,
      "GET",
      `/rooms/${encodeURIComponent(room)}/joined_members`,
    );
    expect(member.status).toBe(403); // removed
    // History stays: Hodan can still read what she saw while a member.
    const eventId = String(sent.body.event_id);
    const old = await callAs(
      hodan.url,
      hodan.user,
      "GET",
      `/rooms/${encodeURIComponent(room)}/event/${encodeURIComponent(eventId)}`,
    );
    expect(old.status).toBe(200);
    expect((old.body.content as { body?: string }).body).toBe("last words before the archive");

    const after = await expectNoWrites(dropped, true);
    const archived = after.observed.rooms.find((r) => r.roomId === room);
    expect(archived?.archived).toBe(true);
    expect(archived?.joinRule?.rule).toBe("invite");
    expect(roomsOf(after).find((r) => r.configId === "youth-exchange")?.action).toBe("archived");
    // The archived room is no longer listed in its space.
    expect(after.observed.rooms.some((r) => r.children.includes("youth-exchange"))).toBe(false);
  });
});
