/**
 * The Matrix operations a bot's services may use, and nothing more: no sync, no raw client,
 * no arbitrary requests. Messages go through the bot's E2EE session (sent encrypted wherever
 * the room is encrypted); every send is retried on rate limiting. Failures the caller must
 * handle (a room that does not exist, a refusal) come back as values.
 */
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import type { Result } from "../../../lib/result.ts";
import type { ThreadMessage } from "./read-thread.ts";

/** A refused or failed Matrix request, without message content. */
export interface MatrixFailure {
  /**
   * e.g. M_FORBIDDEN, M_NOT_FOUND; "M_UNKNOWN" when the server gave none (or could not be
   * reached); "ORG.MERIDIAN.NOT_SYNCED" (`NOT_SYNCED` in matrix-failure.ts) when the bot did not
   * send because its sync has not shown it joined to the room, so it cannot tell whether the
   * room is encrypted.
   */
  readonly errcode: string;
  readonly message: string;
}

/** A state event as read back. */
export interface BotStateEvent {
  readonly type: string;
  readonly stateKey: string;
  readonly sender: UserId;
  readonly content: Readonly<Record<string, unknown>>;
}

/** Message content (m.room.message or m.notice): body, optional HTML, relations. */
export type MessageContent = Readonly<Record<string, unknown>>;

export interface CreateBotRoomOptions {
  readonly name: string;
  readonly topic?: string;
  /** Initial state (join rules, encryption, ACL, the bot's own state); encryption is added when absent. */
  readonly initialState: readonly { type: string; stateKey: string; content: unknown }[];
  /** Level overrides, e.g. so invited organisers can moderate. */
  readonly powerLevelUsers?: Readonly<Record<string, number>>;
  readonly invite?: readonly UserId[];
}

export interface BotMatrix {
  readonly userId: UserId;
  /**
   * Creates a private encrypted room (room version 12); the bot is its creator. The invites
   * are sent once the room exists, one by one: one that fails (a homeserver down) is logged
   * and does not fail the call, since the room exists by then; `invite` can be retried.
   * Like `invite`, returns once the sync shows the invites, so a first message reaches them.
   */
  createRoom(options: CreateBotRoomOptions): Promise<Result<RoomId, MatrixFailure>>;
  /**
   * Invites someone; returns once the bot's sync shows the invite (or after a few seconds
   * regardless), so that a message sent next is encrypted for them too.
   */
  invite(roomId: RoomId, user: UserId): Promise<Result<void, MatrixFailure>>;
  /** Removes someone from a room (invited or joined); the reason is shown to them. */
  kick(roomId: RoomId, user: UserId, reason?: string): Promise<Result<void, MatrixFailure>>;
  /** Someone's global display name and avatar, as their homeserver gives them. */
  profile(user: UserId): Promise<Result<{ displayName?: string; avatarUrl?: string }, MatrixFailure>>;
  /**
   * The decrypted content of one message in a room the bot is in (its own included: its
   * device keeps the keys of what it sent). Undefined when it cannot be read.
   */
  readMessage(roomId: RoomId, eventId: EventId): Promise<Result<MessageContent | undefined, MatrixFailure>>;
  /**
   * A thread as it reads now: root first, each message with its latest edit applied, deleted
   * and undecryptable ones left out (see read-thread.ts). Content must not be stored or logged.
   */
  readThread(roomId: RoomId, root: EventId): Promise<Result<readonly ThreadMessage[], MatrixFailure>>;
  /** Deletes (redacts) an event; `reason` is visible to the room. */
  redact(roomId: RoomId, eventId: EventId, reason?: string): Promise<Result<void, MatrixFailure>>;
  /** Someone's power level in a room, from the synced state (0 when unknown). */
  powerLevel(roomId: RoomId, user: UserId): number;
  /** The display name a member has in one room, as the bot's sync shows it. */
  memberName(roomId: RoomId, user: UserId): string | undefined;
  /**
   * Sets a state event. Returns once the bot's sync shows it (or after a few seconds
   * regardless), so a `readState` right after reads the new value. A state key starting
   * with "@" may only be set by that user (an auth rule, creators included): keep per-person
   * state under a key such as `person:@amina:example.org`.
   */
  sendState(
    roomId: RoomId,
    type: string,
    stateKey: string,
    content: unknown,
  ): Promise<Result<EventId, MatrixFailure>>;
  /**
   * One state event from the synced room state, or from the server when the bot has not
   * joined the room; undefined when there is none.
   */
  readState(
    roomId: RoomId,
    type: string,
    stateKey: string,
  ): Promise<Result<BotStateEvent | undefined, MatrixFailure>>;
  /** Every state event of `type` in the room (e.g. one RSVP per person), synced or from the server. */
  readStateOfType(roomId: RoomId, type: string): Promise<Result<BotStateEvent[], MatrixFailure>>;
  /** Rooms the bot has joined that hold a state event of `type` with state key "". */
  roomsWithState(type: string): RoomId[];
  /**
   * Sends a message (encrypted in encrypted rooms), waiting for the sync to show the room if the
   * bot has only just joined it; `txnId` makes a re-send after a crash a no-op.
   */
  sendMessage(
    roomId: RoomId,
    content: MessageContent,
    txnId?: string,
  ): Promise<Result<EventId, MatrixFailure>>;
  /**
   * Replaces an earlier message of the bot's (an m.replace edit), e.g. a card whose counts
   * changed; it mentions nobody anew. `txnId` as for `sendMessage`.
   */
  editMessage(
    roomId: RoomId,
    eventId: EventId,
    content: MessageContent,
    txnId?: string,
  ): Promise<Result<EventId, MatrixFailure>>;
  /**
   * Sends a direct message, reusing the encrypted DM room with `user` (from the bot's m.direct,
   * where the user is still joined or invited) or creating one and recording it there.
   */
  sendDirect(user: UserId, content: MessageContent, txnId?: string): Promise<Result<EventId, MatrixFailure>>;
  /** The members of a room with this membership (default joined), from the synced state; [] if unknown. */
  members(roomId: RoomId, membership?: "join" | "invite"): UserId[];
  /**
   * The bot's own account data of `type` (private to its account, kept by its homeserver),
   * as synced or as last written by this process; undefined when there is none.
   */
  accountData(type: string): Record<string, unknown> | undefined;
  /** The types of the bot's account data that start with `prefix`. */
  accountDataTypes(prefix: string): string[];
  /** Writes the bot's account data of `type`; `accountData` returns it at once. */
  setAccountData(type: string, content: Record<string, unknown>): Promise<Result<void, MatrixFailure>>;
}

export type { ThreadMessage } from "./read-thread.ts";
// Defined with the intake, which produces it; exported here with the rest of what a bot may use.
export type { IncomingReaction } from "../intake/incoming-reaction.ts";
