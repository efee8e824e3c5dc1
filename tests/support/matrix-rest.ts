/**
 * Plain client-server API calls as a person makes them "by hand" (join, leave, send, change
 * state), for tests that need a real user's action without a full client.
 */
import type { TestUser } from "./devnet-access.ts";

export interface RestReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export async function callAs(
  baseUrl: string,
  user: TestUser,
  method: "GET" | "POST" | "PUT",
  path: string,
  body?: unknown,
): Promise<RestReply> {
  const response = await fetch(new URL(`/_matrix/client/v3${path}`, baseUrl), {
    method,
    headers: { authorization: `Bearer ${user.accessToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const enc = encodeURIComponent;

export function joinAs(
  baseUrl: string,
  user: TestUser,
  roomId: string,
  via: readonly string[],
): Promise<RestReply> {
  const query = via.map((server) => `server_name=${enc(server)}`).join("&");
  return callAs(baseUrl, user, "POST", `/join/${enc(roomId)}${query === "" ? "" : `?${query}`}`, {});
}

export function leaveAs(baseUrl: string, user: TestUser, roomId: string): Promise<RestReply> {
  return callAs(baseUrl, user, "POST", `/rooms/${enc(roomId)}/leave`, {});
}

export function sendStateAs(
  baseUrl: string,
  user: TestUser,
  roomId: string,
  type: string,
  content: unknown,
  stateKey = "",
): Promise<RestReply> {
  return callAs(baseUrl, user, "PUT", `/rooms/${enc(roomId)}/state/${enc(type)}/${enc(stateKey)}`, content);
}

export function stateAs(
  baseUrl: string,
  user: TestUser,
  roomId: string,
  type: string,
  stateKey = "",
): Promise<RestReply> {
  return callAs(baseUrl, user, "GET", `/rooms/${enc(roomId)}/state/${enc(type)}/${enc(stateKey)}`);
}

export function sendMessageAs(
  baseUrl: string,
  user: TestUser,
  roomId: string,
  text: string,
): Promise<RestReply> {
  const txn = `t${Date.now()}${Math.random().toString(36).slice(2)}`;
  return callAs(baseUrl, user, "PUT", `/rooms/${enc(roomId)}/send/m.room.message/${txn}`, {
    msgtype: "m.text",
    body: text,
  });
}
