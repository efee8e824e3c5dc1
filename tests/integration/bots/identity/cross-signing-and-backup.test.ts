/**
 * A bot's device is signed by the bot's own cross-signing identity (so a user who trusts the
 * bot sees it verified) and its room keys go to a server-side key backup, from its first start
 * and after a restart.
 */
import { access, readFile, rm } from "node:fs/promises";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { MatrixClient } from "matrix-js-sdk";
import { openBotSession, type BotSession } from "../../../../bots/runtime/identity/index.ts";
import { homeserverOf, registerTestUser } from "../../../support/devnet-access.ts";
import { startTestClient, stopTestClient, uniqueLocalpart } from "../../../support/matrix-test-client.ts";
import {
  capturingLogger,
  encryptedRoomWithBot,
  eventually,
  freshBot,
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

describe("bot cross-signing and key backup", () => {
  it("cross-signs the bot's device and backs up its room keys", async () => {
    const mena = homeserverOf(devnet, "mena");
    const options = await freshBot(mena, "route");
    const log = capturingLogger("bot");
    const opened = await openBotSession(options, { logger: log.logger });
    if (!opened.ok) throw new Error(opened.error.message);
    const bot = opened.value;
    sessions.push(bot);
    expect(bot.deviceId).toBe("MERIDIAN_ROUTE");
    expect(log.lines.filter((line) => line["level"] === 40 && line["sdk"] === undefined)).toEqual([]);

    const crypto = bot.client.getCrypto()!;
    const backupVersion = await crypto.getActiveSessionBackupVersion();
    expect(backupVersion).not.toBeNull();
    expect(await crypto.isSecretStorageReady()).toBe(true);
    // The recovery key lives beside the state directory, not inside it.
    await access(`${options.stateDir}.recovery-key`);

    const status = await crypto.getDeviceVerificationStatus(options.userId, bot.deviceId);
    expect(status?.signedByOwner).toBe(true);
    expect(status?.crossSigningVerified).toBe(true);
    expect(await crypto.isCrossSigningReady()).toBe(true);
    await startAndSync(bot.client);

    // A user sharing an encrypted room with the bot sees its device signed by the bot's identity.
    const karim = await registerTestUser(mena, uniqueLocalpart("karim"));
    const karimClient = await startTestClient({ baseUrl: mena.clientUrl, ...karim });
    clients.push(karimClient);
    await encryptedRoomWithBot(karimClient, bot.client, mena.serverName);
    const karimCrypto = karimClient.getCrypto()!;
    await eventually(
      async () => (await karimCrypto.getDeviceVerificationStatus(options.userId, bot.deviceId)) !== null,
      "Karim's client to download the bot's device keys",
    );
    const seenByKarim = await karimCrypto.getDeviceVerificationStatus(options.userId, bot.deviceId);
    expect(seenByKarim?.signedByOwner).toBe(true);

    await bot.close();
    const reopened = await openBotSession(options, { logger: log.logger });
    if (!reopened.ok) throw new Error(reopened.error.message);
    sessions.push(reopened.value);
    const cryptoAgain = reopened.value.client.getCrypto()!;
    expect(reopened.value.deviceId).toBe(bot.deviceId);
    // Known at once after a restart: the signature came back with the store.
    const statusAgain = await cryptoAgain.getDeviceVerificationStatus(options.userId, bot.deviceId);
    expect(statusAgain?.crossSigningVerified).toBe(true);
    expect(await cryptoAgain.getActiveSessionBackupVersion()).toBe(backupVersion);
  });

  it("makes a new recovery key from the device's keys when the recovery key file is lost", async () => {
    const options = await freshBot(homeserverOf(devnet, "mena"), "route");
    const opened = await openBotSession(options, { logger: capturingLogger("bot").logger });
    if (!opened.ok) throw new Error(opened.error.message);
    sessions.push(opened.value);
    const backupVersion = await opened.value.client.getCrypto()!.getActiveSessionBackupVersion();
    await opened.value.close();

    const recoveryKeyFile = `${options.stateDir}.recovery-key`;
    const oldKey = await readFile(recoveryKeyFile);
    await rm(recoveryKeyFile);
    const log = capturingLogger("bot");
    const reopened = await openBotSession(options, { logger: log.logger });
    if (!reopened.ok) throw new Error(reopened.error.message);
    sessions.push(reopened.value);
    expect(reopened.value.deviceId).toBe(opened.value.deviceId);
    expect(log.messages()).toContain(
      "the recovery key file is missing: making a new recovery key from this device's keys",
    );
    expect((await readFile(recoveryKeyFile)).equals(oldKey)).toBe(false);
    const crypto = reopened.value.client.getCrypto()!;
    // The backup and its key were kept, now stored under the new recovery key.
    expect(await crypto.getActiveSessionBackupVersion()).toBe(backupVersion);
    expect(await crypto.isSecretStorageReady()).toBe(true);
  });
});
