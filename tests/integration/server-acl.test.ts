/**
 * A homeserver that is not part of the network config is refused by a cross-regional room's
 * server ACL, while a region's homeserver is admitted. The outsider runs on its own loopback
 * address because ACLs match hosts and ignore ports. The same outsider joining a room with no
 * ACL shows that the refusal comes from the ACL and not from broken federation.
 */
import { describe, expect, inject, it } from "vitest";
import { createClient, type MatrixClient } from "matrix-js-sdk";
import { serverAclForRoom } from "../../config/index.ts";
import {
  homeserverOf,
  loadTestNetworkConfig,
  registerTestUser,
  type TestUser,
} from "../support/devnet-access.ts";
import { uniqueLocalpart } from "../support/matrix-test-client.ts";

const devnet = inject("devnet");

function plainClient(baseUrl: string, user: TestUser): MatrixClient {
  return createClient({ baseUrl, userId: user.userId, accessToken: user.accessToken });
}

async function createPublicRoom(client: MatrixClient, acl?: object): Promise<string> {
  const { room_id } = await client.createRoom({
    preset: "public_chat" as never,
    initial_state: acl === undefined ? [] : [{ type: "m.room.server_acl", state_key: "", content: acl }],
  });
  return room_id;
}

describe("server ACL on a cross-regional room", () => {
  it("refuses a homeserver outside the network and admits a region's", async () => {
    const config = await loadTestNetworkConfig();
    const lobby = config.rooms.find((room) => room.kind === "cross-regional");
    expect(lobby, "the example network has a cross-regional room").toBeDefined();
    const home = homeserverOf(devnet, lobby!.homeRegion);
    const other = homeserverOf(devnet, config.regions.find((r) => r.id !== lobby!.homeRegion)!.id);
    const outsider = homeserverOf(devnet, "outsider");

    const host = plainClient(home.clientUrl, await registerTestUser(home, uniqueLocalpart("host")));
    const member = plainClient(other.clientUrl, await registerTestUser(other, uniqueLocalpart("member")));
    const stranger = plainClient(
      outsider.clientUrl,
      await registerTestUser(outsider, uniqueLocalpart("stranger")),
    );

    const acl = serverAclForRoom(config, lobby!.id);
    expect(acl.allow.some((entry) => entry.startsWith(outsider.serverName.split(":")[0]!))).toBe(false);

    // Control: without an ACL the outsider's server federates fine.
    const openRoom = await createPublicRoom(host);
    await expect(stranger.joinRoom(openRoom, { viaServers: [home.serverName] })).resolves.toBeDefined();

    const guarded = await createPublicRoom(host, acl);
    await expect(member.joinRoom(guarded, { viaServers: [home.serverName] })).resolves.toBeDefined();
    await expect(stranger.joinRoom(guarded, { viaServers: [home.serverName] })).rejects.toMatchObject({
      errcode: "M_FORBIDDEN",
    });
  });
});
