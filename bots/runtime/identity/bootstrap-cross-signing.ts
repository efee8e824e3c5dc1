/**
 * Cross-signing for the bot: its device is signed by its own self-signing key, so a user who
 * trusts the bot's identity (verifies it once, or pins it) sees every bot device as verified.
 */
import type { MatrixClient } from "matrix-js-sdk";
import { CrossSigningKey, type CryptoApi } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { Secret } from "../../../config/secrets.ts";
import type { Logger } from "../../../lib/logger.ts";
import { passwordUia } from "./uia-password.ts";

/** What {@link ensureCrossSigning} needs. */
export interface CrossSigningContext {
  readonly client: MatrixClient;
  readonly crypto: CryptoApi;
  readonly password: Secret;
  readonly log: Logger;
}

/**
 * Makes sure the account has cross-signing keys, this device holds the private keys and its
 * own device is signed. Creates the keys on first start; on a new device imports them from
 * secret storage (the holder must know the key). With `reset`, makes new keys even though the
 * account has some: the only way on when the old private keys are lost for good.
 */
export async function ensureCrossSigning(context: CrossSigningContext, reset = false): Promise<void> {
  const { client, crypto, password, log } = context;
  const userId = client.getSafeUserId();
  const status = await crypto.getCrossSigningStatus();
  const localKeys =
    status.privateKeysCachedLocally.masterKey &&
    status.privateKeysCachedLocally.selfSigningKey &&
    status.privateKeysCachedLocally.userSigningKey;
  if (localKeys && !reset) {
    // Already set up on this device: bootstrapping again only re-reads secret storage.
    log.debug("cross-signing keys already held by this device");
    return;
  }
  await crypto.bootstrapCrossSigning({
    setupNewCrossSigning: reset,
    authUploadDeviceSigningKeys: passwordUia(userId, password),
  });
  log.info({ reset }, reset ? "reset cross-signing keys" : "cross-signing set up for this device");
}

/**
 * True when the server holds a signature of the bot's device by the bot's self-signing key.
 * Asks the server, not the local crypto store: the store learns of the signature only from
 * the key query that follows the next sync, so right after bootstrap it still says "unsigned".
 */
export async function isOwnDeviceSignedOnServer(client: MatrixClient, crypto: CryptoApi): Promise<boolean> {
  const selfSigningKey = await crypto.getCrossSigningKeyId(CrossSigningKey.SelfSigning);
  if (selfSigningKey === null) return false;
  const userId = client.getSafeUserId();
  const keys = await client.downloadKeysForUsers([userId]);
  const device = keys.device_keys[userId]?.[client.getDeviceId() ?? ""];
  return device?.signatures?.[userId]?.[`ed25519:${selfSigningKey}`] !== undefined;
}
