/**
 * Signing in to the hub with Matrix against the devnet: real accounts get OpenID tokens from
 * their real homeservers (East Africa and MENA), and the hub checks each with the homeserver
 * that issued it. Forged tokens, someone else's token, accounts outside the network's people
 * and accounts on a server outside the network are refused.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Hub, startHub } from "../../../server/start-hub.ts";
import { homeserverOf, type TestUser } from "../../support/devnet-access.ts";
import {
  hubDirectory,
  openIdTokenOf,
  postSignIn,
  registerHubPerson,
  signInToHub,
} from "../../support/hub-people.ts";
import { capturingLogger } from "../../unit/server/hub-test-helpers.ts";

const devnet = inject("devnet");
const eastAfrica = homeserverOf(devnet, "east-africa");
const mena = homeserverOf(devnet, "mena");
const outsider = homeserverOf(devnet, "outsider");

let hub: Hub;
let steward: TestUser;
let member: TestUser;
let stranger: TestUser;
const log = capturingLogger();

beforeAll(async () => {
  [steward, member, stranger] = await Promise.all([
    registerHubPerson(eastAfrica, "steward"),
    registerHubPerson(mena, "member"),
    registerHubPerson(eastAfrica, "stranger"),
  ]);
  hub = await startHub(
    { host: "127.0.0.1", port: 0 },
    {
      logger: log.logger,
      readiness: [],
      auth: { directory: hubDirectory(devnet, { steward, member }, ["steward"]) },
    },
  );
});

afterAll(async () => {
  await hub.stop();
});

async function whoIs(headers: Record<string, string>): Promise<Response> {
  return fetch(`${hub.url}/api/v1/session`, { headers });
}

describe("sign-in with Matrix", () => {
  it("signs a member in with an OpenID token from their homeserver", async () => {
    const openIdToken = await openIdTokenOf(eastAfrica, steward);
    const response = await postSignIn(hub.url, steward.userId, openIdToken);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; userId: string; steering: boolean };
    expect(body).toMatchObject({ userId: steward.userId, steering: true });

    const byBearer = await whoIs({ authorization: `Bearer ${body.token}` });
    expect(byBearer.status).toBe(200);
    expect(await byBearer.json()).toMatchObject({ userId: steward.userId, steering: true });

    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(cookie.startsWith("meridian-session=")).toBe(true);
    expect((await whoIs({ cookie })).status).toBe(200);

    // Neither the OpenID token nor the session token reaches the logs.
    const logged = JSON.stringify(log.lines);
    expect(logged).not.toContain(openIdToken);
    expect(logged).not.toContain(body.token);
  });

  it("checks each token with the homeserver that issued it", async () => {
    const token = await signInToHub(hub.url, mena, member);
    const response = await whoIs({ authorization: `Bearer ${token}` });
    expect(await response.json()).toMatchObject({ userId: member.userId, steering: false });
  });

  it("refuses a forged token", async () => {
    const response = await postSignIn(hub.url, steward.userId, "forged-openid-token");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errcode: "M_UNKNOWN_TOKEN" });
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses someone else's token presented as one's own", async () => {
    // Both on East Africa, so the hub asks the homeserver that did issue the token.
    const strangersToken = await openIdTokenOf(eastAfrica, stranger);
    const response = await postSignIn(hub.url, steward.userId, strangersToken);
    expect(response.status).toBe(401);
  });

  it("refuses an account that is not one of the network's people, once it proved who it is", async () => {
    const response = await postSignIn(hub.url, stranger.userId, await openIdTokenOf(eastAfrica, stranger));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      errcode: "M_FORBIDDEN",
      error: "Your account is not one of this network's members",
    });
  });

  it("refuses an account on a homeserver outside the network", async () => {
    const foreigner = await registerHubPerson(outsider, "foreigner");
    const response = await postSignIn(hub.url, foreigner.userId, await openIdTokenOf(outsider, foreigner));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ errcode: "M_FORBIDDEN" });
  });
});
