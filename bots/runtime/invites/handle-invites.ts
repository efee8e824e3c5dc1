/**
 * Joins rooms the invite policy allows and declines the rest with a reason the inviter sees.
 * Invites are looked for after every sync, not only as membership events: after a restart the
 * first sync comes from the saved store, and an invite that arrived while the bot was down
 * shows up in a later one as a new room, which does not always come with a membership event.
 */
import {
  ClientEvent,
  MatrixError,
  Method,
  RoomMemberEvent,
  type MatrixClient,
  type MatrixEvent,
  type RoomMember,
} from "matrix-js-sdk";
import type { Logger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { InvitePolicy } from "./decide-invite.ts";

type Send = <T>(fn: () => Promise<T>) => Promise<T>;

/** Starts handling invites for `ownUserId`; returns a function that stops it. */
export function handleInvites(
  client: MatrixClient,
  ownUserId: UserId,
  policy: InvitePolicy,
  logger: Logger,
  send: Send,
): () => void {
  const deciding = new Set<string>();
  // Answered since their last invite: a sync that still shows the invite (the join or leave not
  // yet synced back) must not answer it twice. A new invite event clears the mark.
  const answered = new Set<string>();

  const decide = (roomId: string, inviter: string | undefined): void => {
    if (deciding.has(roomId)) return;
    deciding.add(roomId);
    const decision = policy.decide({ inviter: inviter as UserId | undefined });
    const work = decision.accept
      ? joinWithRetry(() => send(() => client.joinRoom(roomId)), logger, roomId).then(() => {
          logger.info({ roomId, inviter }, "joined a room on invite");
        })
      : send(() =>
          // js-sdk's leave() takes no reason; the reason is what tells the inviter why.
          client.http.authedRequest(Method.Post, `/rooms/${encodeURIComponent(roomId)}/leave`, undefined, {
            reason: decision.reason,
          }),
        ).then(() => {
          logger.info({ roomId, inviter }, "declined an invite from outside the network");
        });
    void work
      .then(() => answered.add(roomId))
      .catch((error: unknown) => {
        logger.warn(
          { roomId, err: error instanceof Error ? error.message : String(error) },
          "could not answer an invite",
        );
      })
      .finally(() => deciding.delete(roomId));
  };

  const onMembership = (event: MatrixEvent | undefined, member: RoomMember): void => {
    if (member.userId !== ownUserId || member.membership !== "invite") return;
    answered.delete(member.roomId);
    decide(member.roomId, event?.getSender());
  };
  const onSync = (): void => {
    for (const room of client.getRooms()) {
      if (room.getMyMembership() === "invite" && !answered.has(room.roomId))
        decide(room.roomId, room.getDMInviter() ?? room.getMember(ownUserId)?.events.member?.getSender());
    }
  };
  client.on(RoomMemberEvent.Membership, onMembership);
  client.on(ClientEvent.Sync, onSync);
  return () => {
    client.off(RoomMemberEvent.Membership, onMembership);
    client.off(ClientEvent.Sync, onSync);
  };
}

/** Waits before each retry of a refused join: about half a minute in all. */
const JOIN_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];

/**
 * Joins, retrying a 403 for a while. Across homeservers the invite can reach the bot's server
 * before the room's server has stored it; a join sent in between is refused with "You are not
 * invited to this room" although the invite is real (seen for 6-9 of 50 rooms created in a
 * burst). Any other failure, or a refusal that outlasts the retries, is final.
 */
async function joinWithRetry(join: () => Promise<unknown>, logger: Logger, roomId: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await join();
      return;
    } catch (error) {
      const delay = JOIN_RETRY_DELAYS_MS[attempt];
      if (!(error instanceof MatrixError && error.httpStatus === 403) || delay === undefined) throw error;
      logger.info(
        { roomId, attempt: attempt + 1 },
        "join refused; the invite may not have reached the room's server yet",
      );
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  }
}
