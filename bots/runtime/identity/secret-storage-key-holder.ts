/**
 * Hands the bot's secret storage key to matrix-js-sdk. The SDK asks for it through
 * `cryptoCallbacks.getSecretStorageKey` whenever it reads or writes secret storage (cross-
 * signing keys, the backup key); the key comes from the recovery key file or is created
 * during bootstrap, so the callbacks read a holder that is filled in later.
 */
import type { MatrixClient } from "matrix-js-sdk";
import type { CryptoCallbacks } from "matrix-js-sdk/lib/crypto-api/index.js";

/** The key the bot currently knows, if any. */
export interface SecretStorageKeyHolder {
  privateKey: Uint8Array<ArrayBuffer> | undefined;
  /** Known once the key was created here, or matched against the account's keys. */
  keyId: string | undefined;
  /** Set once the client exists: needed to check a key against a key description. */
  client: MatrixClient | undefined;
}

/** An empty holder. */
export function emptyKeyHolder(): SecretStorageKeyHolder {
  return { privateKey: undefined, keyId: undefined, client: undefined };
}

/** Crypto callbacks answering from `holder`. */
export function secretStorageCallbacks(holder: SecretStorageKeyHolder): CryptoCallbacks {
  return {
    getSecretStorageKey: async ({ keys }) => {
      const privateKey = holder.privateKey;
      if (privateKey === undefined) return null;
      if (holder.keyId !== undefined && holder.keyId in keys) return [holder.keyId, privateKey];
      // A key read from the recovery key file has no id yet: find the description it matches.
      for (const [keyId, description] of Object.entries(keys)) {
        if (
          holder.client !== undefined &&
          (await holder.client.secretStorage.checkKey(privateKey, description))
        ) {
          holder.keyId = keyId;
          return [keyId, privateKey];
        }
      }
      return null;
    },
    cacheSecretStorageKey: (keyId, _description, privateKey) => {
      holder.keyId = keyId;
      holder.privateKey = privateKey;
    },
  };
}
