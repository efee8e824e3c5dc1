/**
 * Helpers for the bot identity tests: a fresh bot account with its own temporary state
 * directory and store key, a logger whose lines the test can read, and waits that end on an
 * observed condition (never a fixed sleep).
 */
import { waitForFirstSync } from "../../../../bots/runtime/wait-for-first-sync.ts";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { MatrixEvent, type MatrixClient } from "matrix-js-sdk";
import { Secret } from "../../../../config/secrets.ts";
import type { DevnetStateHomeserver } from "../../../../devnet/index.ts";
import { createLogger, type Logger } from "../../../../lib/logger.ts";
import type { UserId } from "../../../../lib/matrix-ids.ts";
import type { OpenBotSessionOptions } from "../../../../bots/runtime/identity/index.ts";
import { registerTestUser } from "../../../support/devnet-access.ts";
import { joinInvitedRoom, uniqueLocalpart, waitForMembership } from "../../../support/matrix-test-client.ts";

/** A logger that also keeps every line (parsed) for assertions. */
export interface CapturingLogger {
  readonly logger: Logger;
  readonly lines: Record<string, unknown>[];
  /** Messages (`msg`) logged so far. */
  messages(): string[];
}

export function capturingLogger(name: string): CapturingLogger {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() !== "") lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  // IDENTITY_TEST_LOG_LEVEL=trace also keeps the SDK's own debug lines, for debugging a test.
  const logger = createLogger({
    name,
    level: process.env["IDENTITY_TEST_LOG_LEVEL"] ?? "debug",
    destination,
  });
  return { logger, lines, messages: () => lines.map((line) => String(line["msg"])) };
}

/** Temporary directories made by {@link freshBot}, removed by {@link removeTempDirs}. */
const tempDirs: string[] = [];

export async function removeTempDirs(): Promise<void> {
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** A random store key: base64 of 32 bytes. */
export function randomStoreKey(): Secret {
  return new Secret(randomBytes(32).toString("base64"));
}

/** A freshly registered bot account with its own state directory under a temp `bots/` dir. */
export async function freshBot(
  homeserver: DevnetStateHomeserver,
  botId = "convene",
): Promise<OpenBotSessionOptions> {
  const user = await registerTestUser(homeserver, uniqueLocalpart(`bot-${botId}`));
  const root = await mkdtemp(path.join(tmpdir(), "meridian-identity-"));
  tempDirs.push(root);
  return {
    botId,
    homeserverUrl: homeserver.clientUrl,
    userId: user.userId as UserId,
    password: new Secret(user.password),
    storeKey: randomStoreKey(),
    stateDir: path.join(root, "bots", botId),
  };
}

/** Starts `client` and resolves after its first sync (from the saved sync, or the server). */
export async function startAndSync(client: MatrixClient): Promise<void> {
  await client.startClient({ initialSyncLimit: 20 });
  const synced = await waitForFirstSync(client, 60_000);
  if (!synced.ok) throw new Error(`${client.getUserId() ?? "?"}: ${synced.error}`);
}

/**
 * Resolves once `check` returns true, checking every `intervalMs`; for server-side state that
 * emits no event to the test (e.g. keys arriving in the backup). Rejects after `timeoutMs`.
 */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
  intervalMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** An encrypted room made by `user`, with the bot invited and joined. Returns the room id. */
export async function encryptedRoomWithBot(
  userClient: MatrixClient,
  botClient: MatrixClient,
  serverName: string,
): Promise<string> {
  const botUserId = botClient.getSafeUserId();
  const { room_id: roomId } = await userClient.createRoom({
    name: "Bot identity test",
    invite: [botUserId],
    initial_state: [
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ],
  });
  await waitForMembership(botClient, roomId, botUserId, "invite");
  await joinInvitedRoom(botClient, roomId, [serverName]);
  // The user must see the join before encrypting, or the room key would skip the bot.
  await waitForMembership(userClient, roomId, botUserId, "join");
  return roomId;
}

/** Fetches `eventId` from the server again and decrypts it with `client`'s current keys. */
export async function refetchAndDecrypt(
  client: MatrixClient,
  roomId: string,
  eventId: string,
): Promise<MatrixEvent> {
  const raw = await client.fetchRoomEvent(roomId, eventId);
  const event = new MatrixEvent({ ...raw, room_id: roomId });
  await client.decryptEventIfNeeded(event);
  return event;
}
