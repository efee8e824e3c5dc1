/**
 * Real matrix-js-sdk clients with the Rust crypto, for integration tests against the devnet.
 * No mocks: every call goes to a Synapse homeserver. Helpers wait for the event they expect,
 * with a timeout, instead of sleeping.
 */
import {
  ClientEvent,
  createClient,
  MatrixEventEvent,
  RoomEvent,
  RoomMemberEvent,
  type MatrixClient,
  type MatrixEvent,
} from "matrix-js-sdk";
import { createLogger } from "../../lib/logger.ts";
import { waitForFirstSync } from "../../bots/runtime/wait-for-first-sync.ts";
import { quietSdkGlobalLogger, sdkLoggerFor } from "../../lib/sdk-logger.ts";

quietSdkGlobalLogger();
const log = createLogger({ name: "test-client", level: process.env["LOG_LEVEL"] ?? "error" });

export interface TestClientOptions {
  baseUrl: string;
  userId: string;
  password: string;
  deviceId?: string;
}

/** Logs in with a password, starts the Rust crypto (in memory) and waits for the first sync. */
export async function startTestClient(options: TestClientOptions): Promise<MatrixClient> {
  const bootstrap = createClient({ baseUrl: options.baseUrl });
  const login = await bootstrap.loginRequest({
    type: "m.login.password",
    identifier: { type: "m.id.user", user: options.userId },
    password: options.password,
    ...(options.deviceId === undefined ? {} : { device_id: options.deviceId }),
  });
  bootstrap.stopClient();
  const client = createClient({
    logger: sdkLoggerFor(log, options.userId),
    baseUrl: options.baseUrl,
    userId: login.user_id,
    deviceId: login.device_id,
    accessToken: login.access_token,
  });
  await client.initRustCrypto({ useIndexedDB: false });
  await client.startClient({ initialSyncLimit: 20 });
  const synced = await waitForFirstSync(client, 60_000);
  if (!synced.ok) throw new Error(`${options.userId}: ${synced.error}`);
  return client;
}

/** Stops syncing and the crypto machine so the test process can exit. */
export function stopTestClient(client: MatrixClient): void {
  // stopClient() also stops the crypto backend.
  client.stopClient();
}

/**
 * Resolves when `subscribe` calls `resolve`, or rejects after `timeoutMs` naming what was awaited.
 * `subscribe` returns its own unsubscribe function.
 */
export function waitFor<T>(
  subscribe: (resolve: (value: T) => void) => () => void,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let unsubscribe: () => void = () => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    unsubscribe = subscribe((value) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}

/**
 * Joins a room the client was invited to over federation. The invitee's server shows the
 * invite as soon as it has signed it, which can be before the inviting server (the bot's) has
 * stored it; a join through that server in between is refused as "not invited". So a refusal
 * is tried again, each time after the client's next sync, until a deadline.
 */
export async function joinInvitedRoom(
  client: MatrixClient,
  roomId: string,
  viaServers?: string[],
): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.joinRoom(roomId, viaServers === undefined ? {} : { viaServers });
      return;
    } catch (error) {
      const errcode = (error as { errcode?: string }).errcode;
      if (errcode !== "M_FORBIDDEN" || Date.now() > deadline) throw error;
      await waitFor<undefined>(
        (resolve) => {
          const next = (): void => {
            resolve(undefined);
          };
          client.once(ClientEvent.Sync, next);
          return () => client.off(ClientEvent.Sync, next);
        },
        60_000,
        "the client's next sync",
      );
    }
  }
}

export interface ReceivedMessage {
  eventId: string;
  sender: string;
  body: string;
  wasEncrypted: boolean;
  /** The thread the message belongs to (m.thread relation), if any. */
  threadRootId?: string;
}

function asMessage(event: MatrixEvent): ReceivedMessage | undefined {
  if (event.isBeingDecrypted() || event.isDecryptionFailure()) return undefined;
  if (event.getType() !== "m.room.message") return undefined;
  const body: unknown = event.getContent()["body"];
  if (typeof body !== "string") return undefined;
  // For encrypted events the relation stays in the cleartext wire content; getRelation() reads it there.
  const relation = event.getRelation();
  const threadRootId = relation?.rel_type === "m.thread" ? relation.event_id : undefined;
  return {
    eventId: event.getId() ?? "",
    sender: event.getSender() ?? "",
    body,
    wasEncrypted: event.isEncrypted(),
    ...(threadRootId === undefined ? {} : { threadRootId }),
  };
}

/**
 * Collects every decrypted message in a room (each event once), for tests that count replies.
 * `until` waits for a condition over what has been collected.
 */
export function collectMessages(client: MatrixClient, roomId: string) {
  const byEventId = new Map<string, ReceivedMessage>();
  const listeners = new Set<() => void>();
  const consider = (event: MatrixEvent): void => {
    if (event.getRoomId() !== roomId) return;
    const message = asMessage(event);
    if (message === undefined || byEventId.has(message.eventId)) return;
    byEventId.set(message.eventId, message);
    for (const listener of listeners) listener();
  };
  client.on(RoomEvent.Timeline, consider);
  client.on(MatrixEventEvent.Decrypted, consider);
  for (const event of client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? []) consider(event);
  return {
    messages: (): ReceivedMessage[] => [...byEventId.values()],
    until(
      accept: (messages: ReceivedMessage[]) => boolean,
      timeoutMs: number,
      what: string,
    ): Promise<undefined> {
      return waitFor<undefined>(
        (resolve) => {
          const check = (): void => {
            if (accept([...byEventId.values()])) resolve(undefined);
          };
          listeners.add(check);
          check();
          return () => listeners.delete(check);
        },
        timeoutMs,
        what,
      );
    },
    stop(): void {
      client.off(RoomEvent.Timeline, consider);
      client.off(MatrixEventEvent.Decrypted, consider);
      listeners.clear();
    },
  };
}

/** Waits until `client` holds a decrypted m.room.message in `roomId` that satisfies `accept`. */
export function waitForMessage(
  client: MatrixClient,
  roomId: string,
  accept: (message: ReceivedMessage) => boolean,
  timeoutMs = 60_000,
): Promise<ReceivedMessage> {
  return waitFor<ReceivedMessage>(
    (resolve) => {
      const consider = (event: MatrixEvent): void => {
        if (event.getRoomId() !== roomId) return;
        const message = asMessage(event);
        if (message !== undefined && accept(message)) resolve(message);
      };
      client.on(RoomEvent.Timeline, consider);
      client.on(MatrixEventEvent.Decrypted, consider);
      // The message may already be there when we start waiting.
      for (const event of client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? []) consider(event);
      return () => {
        client.off(RoomEvent.Timeline, consider);
        client.off(MatrixEventEvent.Decrypted, consider);
      };
    },
    timeoutMs,
    `a message in ${roomId} for ${client.getUserId() ?? "?"}`,
  );
}

/** Waits until `client` sees `userId` with the given membership in `roomId`. */
export function waitForMembership(
  client: MatrixClient,
  roomId: string,
  userId: string,
  membership: "invite" | "join" | "leave" | "ban",
  timeoutMs = 60_000,
): Promise<void> {
  return waitFor<undefined>(
    (resolve) => {
      const check = (): void => {
        if (client.getRoom(roomId)?.getMember(userId)?.membership === membership) resolve(undefined);
      };
      client.on(RoomMemberEvent.Membership, check);
      client.on(ClientEvent.Room, check);
      // A join that lands while the creator's createRoom is still running can be missing from
      // the creator's sync (seen with a bot that accepts invites at once), so also ask the
      // server for the member's state now and then.
      const askServer = (): void => {
        check();
        client.getStateEvent(roomId, "m.room.member", userId).then(
          (content: Record<string, unknown>) => {
            if (content["membership"] === membership) resolve(undefined);
          },
          () => undefined,
        );
      };
      const timer = setInterval(askServer, 500);
      check();
      return () => {
        clearInterval(timer);
        client.off(RoomMemberEvent.Membership, check);
        client.off(ClientEvent.Room, check);
      };
    },
    timeoutMs,
    `${userId} to ${membership} ${roomId} as seen by ${client.getUserId() ?? "?"}`,
  );
}

/** A localpart no other test (or earlier run) has used: tests isolate by unique users. */
export function uniqueLocalpart(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
