/**
 * The bot's direct-message rooms as recorded in its `m.direct` account data (user id → room
 * ids), and which of them may be reused. Pure, so it is unit-tested; the account data is read
 * as untrusted JSON, since any client logged in as the bot could have written it.
 */
import type { RoomId, UserId } from "../../../lib/matrix-ids.ts";

export const DIRECT_EVENT_TYPE = "m.direct";

/** What the bot's synced state says about one candidate room. */
export interface DirectRoomView {
  readonly botJoined: boolean;
  /** The user's membership, if the user is in the room's state at all. */
  readonly userMembership: string | undefined;
  readonly encrypted: boolean;
}

/** The rooms `m.direct` lists for `user`, in the order recorded (oldest first). */
export function directRoomIds(content: unknown, user: UserId): RoomId[] {
  if (typeof content !== "object" || content === null) return [];
  const listed: unknown = (content as Record<string, unknown>)[user];
  if (!Array.isArray(listed)) return [];
  return listed.filter((id): id is RoomId => typeof id === "string" && id.startsWith("!"));
}

/** `m.direct` with `roomId` recorded for `user`; every other entry is kept as it was. */
export function withDirectRoom(content: unknown, user: UserId, roomId: RoomId): Record<string, unknown> {
  const base = typeof content === "object" && content !== null ? (content as Record<string, unknown>) : {};
  const rooms = directRoomIds(base, user).filter((id) => id !== roomId);
  return { ...base, [user]: [...rooms, roomId] };
}

/**
 * The room to reuse for a direct message: one the bot is in, encrypted, where the user is
 * joined (preferred) or still invited; a room the user left would never reach them. Rooms the
 * bot has not synced (`view` gives undefined) are skipped: the bot cannot tell they are
 * encrypted, and must not send in the clear.
 */
export function pickDirectRoom(
  candidates: readonly RoomId[],
  view: (roomId: RoomId) => DirectRoomView | undefined,
): RoomId | undefined {
  const usable = (membership: string): RoomId | undefined =>
    candidates.find((roomId) => {
      const seen = view(roomId);
      return seen !== undefined && seen.botJoined && seen.encrypted && seen.userMembership === membership;
    });
  return usable("join") ?? usable("invite");
}
