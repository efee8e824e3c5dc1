/**
 * Real people for hub tests: accounts registered on the devnet's homeservers, a directory
 * (the part of a network config sign-in reads) naming some of them, and signing in to a hub
 * the way a client does, with an OpenID token from the person's own homeserver.
 */
import { randomBytes } from "node:crypto";
import type { DevnetState, DevnetStateHomeserver } from "../../devnet/index.ts";
import type { HubDirectory } from "../../server/auth/index.ts";
import { registerTestUser, type TestUser } from "./devnet-access.ts";
import { callAs } from "./matrix-rest.ts";

/** A fresh account on `homeserver`, its localpart starting with `prefix`. */
export function registerHubPerson(homeserver: DevnetStateHomeserver, prefix: string): Promise<TestUser> {
  return registerTestUser(
    homeserver,
    `${prefix}-${Date.now().toString(36)}${randomBytes(3).toString("hex")}`,
  );
}

/**
 * The devnet's regional homeservers (not the outsider), `people` by person id, and the
 * steering group by person id.
 */
export function hubDirectory(
  devnet: DevnetState,
  people: Readonly<Record<string, TestUser>>,
  steering: readonly string[],
): HubDirectory {
  return {
    regions: devnet.homeservers
      .filter((hs) => hs.id !== "outsider")
      .map((hs) => ({ homeserver: { serverName: hs.serverName, clientUrl: hs.clientUrl } })),
    people: Object.entries(people).map(([id, user]) => ({ id, userId: user.userId })),
    roles: { steering },
  };
}

/** An OpenID token for `user` from their homeserver, as a client asks for one. */
export async function openIdTokenOf(homeserver: DevnetStateHomeserver, user: TestUser): Promise<string> {
  const reply = await callAs(
    homeserver.clientUrl,
    user,
    "POST",
    `/user/${encodeURIComponent(user.userId)}/openid/request_token`,
    {},
  );
  const token = reply.body["access_token"];
  if (reply.status !== 200 || typeof token !== "string")
    throw new Error(`${user.userId} got no OpenID token: HTTP ${reply.status}`);
  return token;
}

/** POSTs a sign-in to the hub at `hubUrl`. */
export function postSignIn(hubUrl: string, userId: string, openIdToken: string): Promise<Response> {
  return fetch(`${hubUrl}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId, openIdToken }),
    signal: AbortSignal.timeout(30_000),
  });
}

/** Signs `user` in to the hub and returns their session token. */
export async function signInToHub(
  hubUrl: string,
  homeserver: DevnetStateHomeserver,
  user: TestUser,
): Promise<string> {
  const response = await postSignIn(hubUrl, user.userId, await openIdTokenOf(homeserver, user));
  if (response.status !== 200) throw new Error(`${user.userId} could not sign in: HTTP ${response.status}`);
  const body = (await response.json()) as { token?: unknown };
  if (typeof body.token !== "string") throw new Error("the hub answered a sign-in without a token");
  return body.token;
}

/** `promise`, or a rejection naming `what` after `ms`: tests wait for events, never forever. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
