/**
 * Everything a test user receives, in every room: decrypted messages (edits included, with
 * their new content) and invites, which are accepted at once, as a person would accept a
 * bot's direct message. For tests of bots that answer by DM or edit their cards.
 */
import {
  MatrixEventEvent,
  RoomEvent,
  RoomMemberEvent,
  type MatrixClient,
  type MatrixEvent,
} from "matrix-js-sdk";
import { joinInvitedRoom, waitFor } from "./matrix-test-client.ts";

export interface InboxMessage {
  readonly roomId: string;
  readonly eventId: string;
  readonly sender: string;
  /** The body; for an edit, the new content's body. */
  readonly body: string;
  /** The event an edit replaces, if this is one. */
  readonly replaces?: string;
}

export interface Inbox {
  messages(): InboxMessage[];
  /** Waits until some message satisfies `accept`, and returns it. */
  next(accept: (message: InboxMessage) => boolean, timeoutMs: number, what: string): Promise<InboxMessage>;
  stop(): void;
}

export function openInbox(client: MatrixClient): Inbox {
  const seen = new Map<string, InboxMessage>();
  const listeners = new Set<() => void>();
  const consider = (event: MatrixEvent): void => {
    if (event.isBeingDecrypted() || event.isDecryptionFailure()) return;
    if (event.getType() !== "m.room.message") return;
    const id = event.getId();
    const roomId = event.getRoomId();
    if (id === undefined || roomId === undefined || seen.has(id)) return;
    const content = event.getContent();
    const relation = event.getRelation();
    const newContent = content["m.new_content"] as { body?: unknown } | undefined;
    const body: unknown = relation?.rel_type === "m.replace" ? newContent?.body : content["body"];
    if (typeof body !== "string") return;
    seen.set(id, {
      roomId,
      eventId: id,
      sender: event.getSender() ?? "",
      body,
      ...(relation?.rel_type === "m.replace" &&
        relation.event_id !== undefined && { replaces: relation.event_id }),
    });
    for (const listener of listeners) listener();
  };
  const onMember = (
    _event: MatrixEvent,
    member: { userId: string; membership?: string; roomId: string },
  ): void => {
    if (member.userId === client.getUserId() && member.membership === "invite")
      void joinInvitedRoom(client, member.roomId).catch(() => undefined);
  };
  client.on(RoomEvent.Timeline, consider);
  client.on(MatrixEventEvent.Decrypted, consider);
  client.on(RoomMemberEvent.Membership, onMember);
  for (const room of client.getRooms()) {
    for (const event of room.getLiveTimeline().getEvents()) consider(event);
    if (room.getMyMembership() === "invite") void joinInvitedRoom(client, room.roomId).catch(() => undefined);
  }
  return {
    messages: () => [...seen.values()],
    async next(accept, timeoutMs, what) {
      return waitFor<InboxMessage>(
        (resolve) => {
          const check = (): void => {
            const found = [...seen.values()].find(accept);
            if (found !== undefined) resolve(found);
          };
          listeners.add(check);
          check();
          return () => listeners.delete(check);
        },
        timeoutMs,
        what,
      ).catch((error: unknown) => {
        // Say what did arrive: a near miss (another wording, an undecryptable event) shows at once.
        const seenBodies = [...seen.values()].map((message) => message.body.slice(0, 120));
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}; received: ${JSON.stringify(seenBodies)}`,
        );
      });
    },
    stop() {
      client.off(RoomEvent.Timeline, consider);
      client.off(MatrixEventEvent.Decrypted, consider);
      client.off(RoomMemberEvent.Membership, onMember);
      listeners.clear();
    },
  };
}
