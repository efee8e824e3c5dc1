/**
 * Branded Matrix identifiers. A plain string becomes a UserId only by passing through a
 * parser here, at the edge where input enters the system, so a room id can never be passed
 * where a user id is expected and unvalidated input never reaches Matrix calls.
 */
import { type Result, ok, err } from "./result.ts";

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ServerName = Brand<string, "ServerName">;
export type UserId = Brand<string, "UserId">;
export type RoomId = Brand<string, "RoomId">;
export type RoomAlias = Brand<string, "RoomAlias">;
export type EventId = Brand<string, "EventId">;

// Spec grammar: a DNS name, IPv4 literal or bracketed IPv6 literal, with an optional port.
const SERVER_NAME =
  /^(?:\[[0-9A-Fa-f:.]{2,45}\]|[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*)(?::[0-9]{1,5})?$/;
// Historical user ids allow more characters; the spec grammar for new ones is [a-z0-9._=\-/+].
const LOCALPART = /^[a-z0-9._=\-/+]+$/;

export function parseServerName(input: string): Result<ServerName, string> {
  if (input.length > 255 || !SERVER_NAME.test(input))
    return err(`"${input}" is not a server name (host or host:port)`);
  const port = /:(\d+)$/.exec(input)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return err(`"${input}" has a port outside 1-65535`);
  return ok(input as ServerName);
}

export function parseUserId(input: string): Result<UserId, string> {
  if (!input.startsWith("@") || input.length > 255)
    return err(`"${input}" is not a Matrix user id (@name:server)`);
  const colon = input.indexOf(":");
  if (colon < 2) return err(`"${input}" is not a Matrix user id (@name:server)`);
  const local = input.slice(1, colon);
  if (!LOCALPART.test(local)) return err(`"${input}" has characters not allowed in a user name`);
  const server = parseServerName(input.slice(colon + 1));
  if (!server.ok) return err(`"${input}" has a bad server part: ${server.error}`);
  return ok(input as UserId);
}

export function parseRoomId(input: string): Result<RoomId, string> {
  return /^![^:\s]+(?::\S+)?$/.test(input)
    ? ok(input as RoomId)
    : err(`"${input}" is not a room id (!opaque:server)`);
}

export function parseRoomAlias(input: string): Result<RoomAlias, string> {
  const colon = input.indexOf(":");
  if (!input.startsWith("#") || colon < 2) return err(`"${input}" is not a room alias (#name:server)`);
  const server = parseServerName(input.slice(colon + 1));
  return server.ok ? ok(input as RoomAlias) : err(`"${input}" has a bad server part: ${server.error}`);
}

export function parseEventId(input: string): Result<EventId, string> {
  return /^\$\S+$/.test(input) ? ok(input as EventId) : err(`"${input}" is not an event id ($opaque)`);
}

/** The localpart of a user id, e.g. `amina` for `@amina:127.0.0.11:8448`. */
export function localpartOf(user: UserId): string {
  return user.slice(1, user.indexOf(":"));
}

/** The server part of a user id, including any port. */
export function serverOf(user: UserId): ServerName {
  return user.slice(user.indexOf(":") + 1) as ServerName;
}

/** The host an ACL matches: server ACLs ignore the port. */
export function aclHostOf(server: ServerName): string {
  if (server.startsWith("[")) return server.slice(0, server.indexOf("]") + 1);
  const colon = server.lastIndexOf(":");
  return colon === -1 ? server : server.slice(0, colon);
}

export function userId(localpart: string, server: ServerName): UserId {
  return `@${localpart}:${server}` as UserId;
}
