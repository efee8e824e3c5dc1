/**
 * Joins rooms the invite policy allows and declines the rest with a reason the inviter sees.
 * Invites that arrived while the bot was down are decided after its first sync.
 */
import {
  ClientEvent,
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
      ? send(() => client.joinRoom(roomId)).then(() => {
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
