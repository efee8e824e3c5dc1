/**
 * The provisioner's account on one homeserver, as the few operations provisioning needs.
 * The observer and applier depend on this interface only; tests and benchmarks get it from
 * `loginProvisioner` against the devnet's real homeservers.
 */
import { type Result, err, ok } from "../../lib/result.ts";
import { type RoomId, type ServerName, type UserId, parseRoomId } from "../../lib/matrix-ids.ts";
import {
  type MatrixHttp,
  type MatrixHttpError,
  type RequestCounter,
  createMatrixHttp,
  segment,
} from "./matrix-http.ts";
import type { StateEvent } from "./read-room-state.ts";

/** The body of `POST /createRoom` as the applier fills it. */
export interface CreateRoomBody {
  readonly name: string;
  readonly topic?: string;
  readonly preset: "private_chat" | "public_chat";
  readonly room_version: string;
  readonly visibility: "private" | "public";
  readonly creation_content?: Readonly<Record<string, unknown>>;
  readonly power_level_content_override: unknown;
  readonly initial_state: readonly { type: string; state_key: string; content: unknown }[];
  readonly invite: readonly string[];
}

export interface ProvisionerApi {
  readonly userId: UserId;
  readonly serverName: ServerName;
  joinedRooms(): Promise<Result<RoomId[], MatrixHttpError>>;
  roomState(roomId: RoomId): Promise<Result<StateEvent[], MatrixHttpError>>;
  createRoom(body: CreateRoomBody): Promise<Result<RoomId, MatrixHttpError>>;
  sendState(
    roomId: RoomId,
    type: string,
    stateKey: string,
    content: unknown,
  ): Promise<Result<void, MatrixHttpError>>;
  invite(roomId: RoomId, user: UserId): Promise<Result<void, MatrixHttpError>>;
  /** Joins a room this account was invited to, through `via` (the room's host). */
  join(roomId: RoomId, via: ServerName): Promise<Result<void, MatrixHttpError>>;
  kick(roomId: RoomId, user: UserId, reason: string): Promise<Result<void, MatrixHttpError>>;
  /** An `m.notice` message; only ever sent to unencrypted rooms (the provisioner has no crypto). */
  sendNotice(roomId: RoomId, text: string): Promise<Result<void, MatrixHttpError>>;
}

const CLIENT = "/_matrix/client/v3";

/** A fixed device id, so logging in again replaces the token instead of adding a device. */
export const PROVISIONER_DEVICE_ID = "MERIDIAN_PROVISIONER";

export interface LoginInputs {
  readonly clientUrl: string;
  readonly serverName: ServerName;
  readonly userId: UserId;
  readonly localpart: string;
  readonly password: string;
  readonly counter: RequestCounter;
}

function asVoid(result: Result<unknown, MatrixHttpError>): Result<void, MatrixHttpError> {
  return result.ok ? ok(undefined) : result;
}

function isStateEvent(value: unknown): value is StateEvent {
  if (typeof value !== "object" || value === null) return false;
  const event = value as Record<string, unknown>;
  return (
    typeof event.type === "string" &&
    typeof event.state_key === "string" &&
    typeof event.sender === "string" &&
    typeof event.content === "object" &&
    event.content !== null
  );
}

function malformed(path: string, what: string): MatrixHttpError {
  return { method: "GET", path, status: 200, errcode: "M_MALFORMED", message: what };
}

/** Logs the provisioner in on one homeserver. */
export async function loginProvisioner(
  inputs: LoginInputs,
): Promise<Result<ProvisionerApi, MatrixHttpError>> {
  const anonymous = createMatrixHttp({ baseUrl: inputs.clientUrl, counter: inputs.counter });
  const login = await anonymous({
    method: "POST",
    path: `${CLIENT}/login`,
    body: {
      type: "m.login.password",
      identifier: { type: "m.id.user", user: inputs.localpart },
      password: inputs.password,
      device_id: PROVISIONER_DEVICE_ID,
      initial_device_display_name: "Meridian provisioner",
    },
  });
  if (!login.ok) return login;
  const token = (login.value as { access_token?: unknown }).access_token;
  if (typeof token !== "string") return err(malformed(`${CLIENT}/login`, "login returned no access token"));
  const http = createMatrixHttp({ baseUrl: inputs.clientUrl, accessToken: token, counter: inputs.counter });
  return ok(provisionerApi(http, inputs.userId, inputs.serverName));
}

/** The operations over an authenticated client. */
export function provisionerApi(http: MatrixHttp, user: UserId, serverName: ServerName): ProvisionerApi {
  let txn = 0;
  const room = (roomId: RoomId): string => `${CLIENT}/rooms/${segment(roomId)}`;
  return {
    userId: user,
    serverName,
    async joinedRooms() {
      const path = `${CLIENT}/joined_rooms`;
      const result = await http({ method: "GET", path });
      if (!result.ok) return result;
      const ids = (result.value as { joined_rooms?: unknown }).joined_rooms;
      if (!Array.isArray(ids)) return err(malformed(path, "joined_rooms is not a list"));
      return ok(ids.flatMap((id) => (typeof id === "string" && parseRoomId(id).ok ? [id as RoomId] : [])));
    },
    async roomState(roomId) {
      const path = `${room(roomId)}/state`;
      const result = await http({ method: "GET", path });
      if (!result.ok) return result;
      if (!Array.isArray(result.value)) return err(malformed(path, "room state is not a list"));
      return ok(result.value.filter(isStateEvent));
    },
    async createRoom(body) {
      const path = `${CLIENT}/createRoom`;
      const result = await http({ method: "POST", path, body, target: body.name });
      if (!result.ok) return result;
      const id = (result.value as { room_id?: unknown }).room_id;
      return typeof id === "string" && parseRoomId(id).ok
        ? ok(id as RoomId)
        : err(malformed(path, "createRoom returned no room id"));
    },
    async sendState(roomId, type, stateKey, content) {
      const path = `${room(roomId)}/state/${segment(type)}/${segment(stateKey)}`;
      return asVoid(await http({ method: "PUT", path, body: content }));
    },
    async invite(roomId, invitee) {
      const path = `${room(roomId)}/invite`;
      return asVoid(await http({ method: "POST", path, body: { user_id: invitee }, target: invitee }));
    },
    async join(roomId, via) {
      const path = `${CLIENT}/join/${segment(roomId)}?server_name=${segment(via)}`;
      return asVoid(await http({ method: "POST", path, body: {} }));
    },
    async kick(roomId, member, reason) {
      const path = `${room(roomId)}/kick`;
      return asVoid(await http({ method: "POST", path, body: { user_id: member, reason }, target: member }));
    },
    async sendNotice(roomId, text) {
      txn += 1;
      const path = `${room(roomId)}/send/m.room.message/${segment(`meridian-${Date.now()}-${txn}`)}`;
      return asVoid(await http({ method: "PUT", path, body: { msgtype: "m.notice", body: text } }));
    },
  };
}
