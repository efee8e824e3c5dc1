/**
 * A bot whose crypto store is lost (the session file survives) starts a new device rather
 * than reuse the old id with fresh keys, says why, deletes the old device, and gets its room
 * keys back from the key backup with the recovery key kept beside the state directory.
 */
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { Method, type MatrixClient } from "matrix-js-sdk";
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
  eventually,
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

async function backedUpKeyCount(client: MatrixClient): Promise<number> {
  const info = await client.http.authedRequest<{ count?: number }>(Method.Get, "/room_keys/version");
  return info.count ?? 0;
}

describe("bot identity after losing its crypto store", () => {
  it("starts a new device, deletes the old one and restores room keys from the backup", async () => {
    const eastAfrica = homeserverOf(devnet, "east-africa");
    const options = await freshBot(eastAfrica);
    const amina = await registerTestUser(eastAfrica, uniqueLocalpart("amina"));
    const aminaClient = await startTestClient({ baseUrl: eastAfrica.clientUrl, ...amina });
    clients.push(aminaClient);

    const opened = await openBotSession(options, { logger: capturingLogger("bot").logger });
    if (!opened.ok) throw new Error(opened.error.message);
    const first = opened.value;
    sessions.push(first);
    await startAndSync(first.client);
    const roomId = await encryptedRoomWithBot(aminaClient, first.client, eastAfrica.serverName);
    const beforeLoss = `before the loss ${uniqueLocalpart("m")}`;
    await aminaClient.sendTextMessage(roomId, beforeLoss);
    const received = await waitForMessage(first.client, roomId, (m) => m.body === beforeLoss);
    // The room key reaches the server-side backup in the background.
    await eventually(async () => (await backedUpKeyCount(first.client)) >= 1, "the room key in the backup");
    await first.close();

    await rm(path.join(options.stateDir, "crypto-store.v8"));
    const log = capturingLogger("bot");
    const reopened = await openBotSession(options, { logger: log.logger });
    if (!reopened.ok) throw new Error(reopened.error.message);
    const second = reopened.value;
    sessions.push(second);

    expect(second.deviceId).not.toBe(first.deviceId);
    expect(second.deviceId).toMatch(/^MERIDIAN_CONVENE_[A-Z2-7]{6}$/);
    expect(log.messages()).toContain(
      "starting a new device: the crypto store file is missing (the session file is present)",
    );
    const deviceIds = (await second.client.getDevices()).devices.map((device) => device.device_id);
    expect(deviceIds).toContain(second.deviceId);
    expect(deviceIds).not.toContain(first.deviceId);

    const crypto = second.client.getCrypto()!;
    expect(
      (await crypto.getDeviceVerificationStatus(options.userId, second.deviceId))?.crossSigningVerified,
    ).toBe(true);
    const again = await refetchAndDecrypt(second.client, roomId, received.eventId);
    expect(again.isDecryptionFailure()).toBe(false);
    expect(again.getContent()["body"]).toBe(beforeLoss);

    // And the new device receives new messages (Amina's client learns of it from the sync).
    await startAndSync(second.client);
    const afterLoss = `after the loss ${uniqueLocalpart("m")}`;
    await aminaClient.sendTextMessage(roomId, afterLoss);
    await waitForMessage(second.client, roomId, (m) => m.body === afterLoss);
  });

  it("treats a damaged crypto store file like a lost one", async () => {
    const options = await freshBot(homeserverOf(devnet, "mena"));
    const opened = await openBotSession(options, { logger: capturingLogger("bot").logger });
    if (!opened.ok) throw new Error(opened.error.message);
    sessions.push(opened.value);
    await opened.value.close();

    await writeFile(path.join(options.stateDir, "crypto-store.v8"), "not a store");
    const log = capturingLogger("bot");
    const reopened = await openBotSession(options, { logger: log.logger });
    if (!reopened.ok) throw new Error(reopened.error.message);
    sessions.push(reopened.value);
    expect(reopened.value.deviceId).not.toBe(opened.value.deviceId);
    expect(log.messages()).toContain("starting a new device: the crypto store file cannot be decrypted");
  });

  it("does not reuse the fixed device id when the whole state directory is lost", async () => {
    const options = await freshBot(homeserverOf(devnet, "europe"));
    const opened = await openBotSession(options, { logger: capturingLogger("bot").logger });
    if (!opened.ok) throw new Error(opened.error.message);
    sessions.push(opened.value);
    expect(opened.value.deviceId).toBe("MERIDIAN_CONVENE");
    await opened.value.close();

    // The recovery key file sits beside the directory and survives.
    await rm(options.stateDir, { recursive: true });
    const log = capturingLogger("bot");
    const reopened = await openBotSession(options, { logger: log.logger });
    if (!reopened.ok) throw new Error(reopened.error.message);
    sessions.push(reopened.value);
    expect(reopened.value.deviceId).toMatch(/^MERIDIAN_CONVENE_[A-Z2-7]{6}$/);
    expect(log.messages()).toContain(
      "starting a new device: device MERIDIAN_CONVENE already has keys on the server, made by a crypto store that is gone",
    );
    const deviceIds = (await reopened.value.client.getDevices()).devices.map((device) => device.device_id);
    expect(deviceIds).not.toContain("MERIDIAN_CONVENE");
    const crypto = reopened.value.client.getCrypto()!;
    const status = await crypto.getDeviceVerificationStatus(options.userId, reopened.value.deviceId);
    expect(status?.crossSigningVerified).toBe(true);
    // Same account identity: the recovery key unlocked the existing cross-signing keys.
    expect(log.messages()).not.toContain("reset cross-signing keys");
  });
});
