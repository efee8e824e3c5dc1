/**
 * A bot keeps its device across a restart: same device id, same identity key, and it still
 * reads messages encrypted to it before the restart, as well as new ones.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { MatrixClient } from "matrix-js-sdk";
import { openBotSession, type BotSession } from "../../../../bots/runtime/identity/index.ts";
import { homeserverOf, registerTestUser } from "../../../support/devnet-access.ts";
import {
  startTestClient,
  stopTestClient,
  uniqueLocalpart,
  waitForMessage,
} from "../../../support/matrix-test-client.ts";
import {
  capturingLogger,
  encryptedRoomWithBot,
  freshBot,
  refetchAndDecrypt,
  removeTempDirs,
  startAndSync,
} from "./bot-identity-fixture.ts";

const devnet = inject("devnet");
const clients: MatrixClient[] = [];
const sessions: BotSession[] = [];

afterAll(async () => {
  for (const client of clients) stopTestClient(client);
  for (const session of sessions) await session.close();
  await removeTempDirs();
});

async function open(
  options: Parameters<typeof openBotSession>[0],
  log = capturingLogger("bot"),
): Promise<BotSession> {
  const opened = await openBotSession(options, { logger: log.logger });
  if (!opened.ok) throw new Error(`openBotSession failed: ${opened.error.message}`);
  sessions.push(opened.value);
  return opened.value;
}

describe("bot identity across a restart", () => {
  it("keeps the device and its keys, and decrypts messages from before and after", async () => {
    const eastAfrica = homeserverOf(devnet, "east-africa");
    const options = await freshBot(eastAfrica);
    const amina = await registerTestUser(eastAfrica, uniqueLocalpart("amina"));
    const aminaClient = await startTestClient({ baseUrl: eastAfrica.clientUrl, ...amina });
    clients.push(aminaClient);

    const first = await open(options);
    expect(first.deviceId).toBe("MERIDIAN_CONVENE");
    await startAndSync(first.client);
    const keysBefore = await first.client.getCrypto()!.getOwnDeviceKeys();
    const roomId = await encryptedRoomWithBot(aminaClient, first.client, eastAfrica.serverName);

    const before = `before restart ${uniqueLocalpart("m")}`;
    await aminaClient.sendTextMessage(roomId, before);
    const received = await waitForMessage(first.client, roomId, (m) => m.body === before);
    expect(received.wasEncrypted).toBe(true);

    // What one persist() costs once the store holds a room, a session and a room key.
    const log = capturingLogger("measure");
    const started = performance.now();
    await first.persist();
    const persistMs = performance.now() - started;
    const { size } = await stat(path.join(options.stateDir, "crypto-store.v8"));
    log.logger.info({ persistMs, size }, "persist measured");
    console.log(`[identity] persist() took ${persistMs.toFixed(1)} ms, crypto-store.v8 is ${size} bytes`);

    await first.close();
    await first.close(); // idempotent

    const second = await open(options);
    expect(second.deviceId).toBe(first.deviceId);
    expect(await second.client.getCrypto()!.getOwnDeviceKeys()).toEqual(keysBefore);
    // The sync store came back too: startClient resumes from the saved position.
    expect(await second.client.store.getSavedSyncToken()).toEqual(expect.any(String));

    const again = await refetchAndDecrypt(second.client, roomId, received.eventId);
    expect(again.isDecryptionFailure()).toBe(false);
    expect(again.getContent()["body"]).toBe(before);

    await startAndSync(second.client);
    // The room is known from the saved sync before any new event arrives.
    expect(second.client.getRoom(roomId)).not.toBeNull();
    const after = `after restart ${uniqueLocalpart("m")}`;
    await aminaClient.sendTextMessage(roomId, after);
    const receivedAfter = await waitForMessage(second.client, roomId, (m) => m.body === after);
    expect(receivedAfter.wasEncrypted).toBe(true);
  });
});
