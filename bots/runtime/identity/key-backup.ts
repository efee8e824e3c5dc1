/**
 * Secret storage (4S) and server-side room key backup for the bot. The backup lets a bot that
 * lost its crypto store read messages sent before the loss; the secret storage key (the
 * "recovery key") unlocks it and is kept in the recovery key file, outside the state directory.
 */
import type { MatrixClient } from "matrix-js-sdk";
import type { CryptoApi } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { Logger } from "../../../lib/logger.ts";
import { writeRecoveryKeyFile } from "./recovery-key-file.ts";
import type { SecretStorageKeyHolder } from "./secret-storage-key-holder.ts";

/** What the functions here need. */
export interface KeyBackupContext {
  readonly client: MatrixClient;
  readonly crypto: CryptoApi;
  readonly holder: SecretStorageKeyHolder;
  readonly recoveryKeyFile: string;
  readonly storeKey: Uint8Array;
  readonly log: Logger;
}

/** True when the key in `holder` is the account's default secret storage key. */
export async function holderMatchesDefaultKey(context: KeyBackupContext): Promise<boolean> {
  const { client, holder } = context;
  if (holder.privateKey === undefined) return false;
  const found = await client.secretStorage.getKey();
  if (found === null) return false;
  const [keyId, description] = found;
  if (!(await client.secretStorage.checkKey(holder.privateKey, description))) return false;
  holder.keyId = keyId;
  return true;
}

/**
 * Creates a new secret storage key (written to the recovery key file before the SDK publishes
 * it, so the server never depends on a key we failed to keep), stores the cross-signing keys
 * and the backup key under it, and with `newBackup` starts a new key backup version.
 */
export async function createSecretStorage(
  context: KeyBackupContext,
  options: { newBackup: boolean },
): Promise<void> {
  const { crypto, holder, recoveryKeyFile, storeKey, log } = context;
  await crypto.bootstrapSecretStorage({
    setupNewSecretStorage: true,
    setupNewKeyBackup: options.newBackup,
    createSecretStorageKey: async () => {
      const generated = await crypto.createRecoveryKeyFromPassphrase();
      if (generated.encodedPrivateKey === undefined)
        throw new Error("the SDK made a recovery key without its encoding");
      await writeRecoveryKeyFile(recoveryKeyFile, storeKey, generated.encodedPrivateKey);
      holder.privateKey = generated.privateKey;
      holder.keyId = undefined;
      log.info(
        { recoveryKeyFile },
        "created a new recovery key for secret storage and wrote it to the recovery key file",
      );
      return generated;
    },
  });
  const version = await crypto.getActiveSessionBackupVersion();
  log.info({ backupVersion: version, newBackup: options.newBackup }, "secret storage and key backup set up");
}

/**
 * With the recovery key known: stores any missing secrets in secret storage, and makes sure
 * this device backs up to the current backup (loading the backup key from secret storage if
 * this device lacks it; starting a backup if the account has none).
 */
export async function ensureBackupWithKnownKey(context: KeyBackupContext): Promise<void> {
  const { crypto, log } = context;
  if (!(await crypto.isSecretStorageReady())) await crypto.bootstrapSecretStorage({});
  const check = await crypto.checkKeyBackupAndEnable();
  if (check === null) {
    log.info("the account has no key backup: starting one");
    await crypto.resetKeyBackup();
    return;
  }
  if ((await crypto.getSessionBackupPrivateKey()) === null) {
    await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
    await crypto.checkKeyBackupAndEnable();
  }
  log.debug({ backupVersion: await crypto.getActiveSessionBackupVersion() }, "key backup active");
}

/** Downloads every room key in the backup into the crypto store (for a new device). */
export async function restoreRoomKeysFromBackup(
  context: KeyBackupContext,
): Promise<{ total: number; imported: number }> {
  const started = performance.now();
  const result = await context.crypto.restoreKeyBackup();
  context.log.info(
    { total: result.total, imported: result.imported, ms: Math.round(performance.now() - started) },
    "restored room keys from the key backup",
  );
  return { total: result.total, imported: result.imported };
}
