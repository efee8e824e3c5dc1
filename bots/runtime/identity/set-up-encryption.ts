/**
 * Decides how to bring the bot's cross-signing and key backup into a good state, from what
 * the account (server) and this device (crypto store) and the recovery key file hold:
 *
 * - account without secret storage (first start): make cross-signing keys, a recovery key,
 *   secret storage and a key backup;
 * - recovery key matches the account: take whatever this device lacks from secret storage
 *   (cross-signing keys, backup key) and, on a new device, restore room keys from the backup;
 * - recovery key missing or not matching, but this device holds the keys: make a new recovery
 *   key and store the device's keys under it (nothing is lost);
 * - neither: reset cross-signing and start a new backup (old backed-up keys are unreachable).
 */
import type { MatrixClient } from "matrix-js-sdk";
import type { CryptoApi } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { Secret } from "../../../config/secrets.ts";
import type { Logger } from "../../../lib/logger.ts";
import { ensureCrossSigning, isOwnDeviceSignedOnServer } from "./bootstrap-cross-signing.ts";
import { refreshTrackedKeys } from "./flush-outgoing-requests.ts";
import {
  createSecretStorage,
  ensureBackupWithKnownKey,
  holderMatchesDefaultKey,
  restoreRoomKeysFromBackup,
} from "./key-backup.ts";
import type { SecretStorageKeyHolder } from "./secret-storage-key-holder.ts";

/** Inputs of {@link setUpEncryption}. */
export interface EncryptionSetup {
  readonly client: MatrixClient;
  readonly crypto: CryptoApi;
  readonly password: Secret;
  readonly holder: SecretStorageKeyHolder;
  readonly recoveryKeyFile: string;
  readonly storeKey: Uint8Array;
  /** True when this device was just created: restore room keys from the backup. */
  readonly newDevice: boolean;
  readonly log: Logger;
}

/** Brings cross-signing and key backup into a good state (see the module comment). */
export async function setUpEncryption(setup: EncryptionSetup): Promise<void> {
  const { client, crypto, log } = setup;
  const context = { ...setup };
  const defaultKeyId = await client.secretStorage.getDefaultKeyId();

  if (defaultKeyId === null) {
    await ensureCrossSigning(context);
    await createSecretStorage(context, { newBackup: true });
  } else if (await holderMatchesDefaultKey(context)) {
    await ensureCrossSigning(context);
    await ensureBackupWithKnownKey(context);
    if (setup.newDevice) await restoreRoomKeysFromBackup(context);
  } else {
    const status = await crypto.getCrossSigningStatus();
    const local = status.privateKeysCachedLocally;
    const deviceHoldsKeys = local.masterKey && local.selfSigningKey && local.userSigningKey;
    const deviceHoldsBackupKey = (await crypto.getSessionBackupPrivateKey()) !== null;
    const why =
      setup.holder.privateKey === undefined
        ? "the recovery key file is missing"
        : "the recovery key file does not match the account's secret storage";
    if (deviceHoldsKeys) {
      log.warn(
        { recoveryKeyFile: setup.recoveryKeyFile },
        `${why}: making a new recovery key from this device's keys`,
      );
      await createSecretStorage(context, { newBackup: !deviceHoldsBackupKey });
    } else {
      log.warn(
        { recoveryKeyFile: setup.recoveryKeyFile },
        `${why} and this device has no keys: resetting cross-signing and starting a new key backup; ` +
          "messages encrypted before cannot be read by the bot",
      );
      await ensureCrossSigning(context, true);
      await createSecretStorage(context, { newBackup: true });
    }
  }

  const deviceId = client.getDeviceId() ?? "";
  if (!(await isOwnDeviceSignedOnServer(client, crypto))) {
    // E.g. the signature was made before the server knew the device's keys: sign again.
    log.warn({ deviceId }, "the bot's device is not cross-signed on the server: signing it");
    await crypto.crossSignDevice(deviceId);
    if (!(await isOwnDeviceSignedOnServer(client, crypto))) {
      log.warn({ deviceId }, "the bot's device is still not cross-signed; users will see it unverified");
    }
  }
  const local = await crypto.getDeviceVerificationStatus(client.getSafeUserId(), deviceId);
  if (local?.signedByOwner !== true) await refreshTrackedKeys(crypto, log);
}
