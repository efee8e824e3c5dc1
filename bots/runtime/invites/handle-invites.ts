/**
 * Joins rooms the invite policy allows and declines the rest with a reason the inviter sees.
 * Invites that arrived while the bot was down are decided after its first sync.
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
    decide(member.roomId, event?.getSender());
  };
  const onSync = (): void => {
    for (const room of client.getRooms()) {
      if (room.getMyMembership() === "invite")
        decide(room.roomId, room.getDMInviter() ?? room.getMember(ownUserId)?.events.member?.getSender());
    }
  };
  client.on(RoomMemberEvent.Membership, onMembership);
  client.once(ClientEvent.Sync, onSync);
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
