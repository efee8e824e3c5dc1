/**
 * The /createRoom bodies a bot sends. Pure, so the rules below are unit-tested:
 * - room version 12, where the creator (the bot) holds a power above any level;
 * - always encrypted: an m.room.encryption event is added when the caller gave none, because
 *   a bot room without one would carry people's messages in the clear for good;
 * - in version 12 a creator must not appear in the power levels' `users` (the server rejects
 *   the room), so the bot is dropped from the levels it is asked to set.
 */
import { Preset, Visibility, type IContent, type ICreateRoomOpts } from "matrix-js-sdk";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { CreateBotRoomOptions } from "./bot-matrix.ts";

export const ROOM_VERSION = "12";
export const MEGOLM = "m.megolm.v1.aes-sha2";

const ENCRYPTION_STATE = {
  type: "m.room.encryption",
  state_key: "",
  content: { algorithm: MEGOLM },
} as const;

/** A private, encrypted room the bot creates; invites are sent afterwards (see create-bot-room.ts). */
export function createRoomRequest(options: CreateBotRoomOptions, ownUserId: UserId): ICreateRoomOpts {
  const initialState = options.initialState.map((state) => ({
    type: state.type,
    state_key: state.stateKey,
    // State content is a JSON object by contract; the SDK types it loosely as IContent.
    content: state.content as IContent,
  }));
  const hasEncryption = initialState.some((s) => s.type === ENCRYPTION_STATE.type && s.state_key === "");
  const users = Object.fromEntries(
    Object.entries(options.powerLevelUsers ?? {}).filter(([user]) => user !== ownUserId),
  );
  return {
    name: options.name,
    ...(options.topic === undefined ? {} : { topic: options.topic }),
    preset: Preset.PrivateChat,
    visibility: Visibility.Private,
    room_version: ROOM_VERSION,
    initial_state: hasEncryption ? initialState : [...initialState, { ...ENCRYPTION_STATE }],
    // Synapse replaces the whole `users` map with the override: with no levels asked for, none
    // is sent, and the default (nobody listed, the creator above all) stays.
    ...(Object.keys(users).length === 0 ? {} : { power_level_content_override: { users } }),
    invite: [],
  };
}

/**
 * A direct-message room with `user`: trusted_private_chat with the user invited makes both
 * of them creators in version 12 (equal control, as in any DM), and is_direct lets the
 * user's client list it under direct messages.
 */
export function directRoomRequest(user: UserId): ICreateRoomOpts {
  return {
    preset: Preset.TrustedPrivateChat,
    visibility: Visibility.Private,
    room_version: ROOM_VERSION,
    is_direct: true,
    invite: [user],
    initial_state: [{ ...ENCRYPTION_STATE }],
  };
}
