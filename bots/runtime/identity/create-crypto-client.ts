/**
 * Builds the bot's MatrixClient over its restored IndexedDB databases: the sync store
 * (IndexedDBStore, so `startClient` resumes from the saved sync position) and the Rust crypto
 * store (encrypted with the store key). The client is returned with crypto initialised and not
 * started.
 */
import { IndexedDBStore, createClient, type MatrixClient } from "matrix-js-sdk";
import type { CryptoApi } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { Logger } from "../../../lib/logger.ts";
import { sdkLoggerFor } from "../../../lib/sdk-logger.ts";
import type { BotDatabases } from "./bot-databases.ts";
import { renameDatabases, restoreSnapshot, type IndexedDbSnapshot } from "./indexeddb-snapshot.ts";
import { secretStorageCallbacks, type SecretStorageKeyHolder } from "./secret-storage-key-holder.ts";
import type { StoredSession } from "./session-file.ts";

/** Inputs of {@link createCryptoClient}. */
export interface CryptoClientInputs {
  readonly homeserverUrl: string;
  readonly session: StoredSession;
  readonly snapshot: IndexedDbSnapshot | undefined;
  readonly factory: IDBFactory;
  readonly databases: BotDatabases;
  readonly storeKey: Uint8Array<ArrayBuffer>;
  readonly holder: SecretStorageKeyHolder;
  readonly log: Logger;
  /** Every request of the client goes through this (see write-ahead-fetch.ts). */
  readonly fetchFn: typeof fetch;
}

/** The client and the stores behind it. */
export interface CryptoClient {
  readonly client: MatrixClient;
  readonly crypto: CryptoApi;
  readonly syncStore: IndexedDBStore;
}

/** Restores `snapshot` (if any) into the session's fresh databases, then opens the client. */
export async function createCryptoClient(inputs: CryptoClientInputs): Promise<CryptoClient> {
  const { factory, databases, session, log } = inputs;
  if (inputs.snapshot !== undefined) {
    await restoreSnapshot(factory, renameDatabases(inputs.snapshot, databases.fromStoredName));
  }

  const syncStore = new IndexedDBStore({ indexedDB: factory, dbName: databases.syncStoreName });
  const client = createClient({
    baseUrl: inputs.homeserverUrl,
    userId: session.userId,
    deviceId: session.deviceId,
    accessToken: session.accessToken,
    store: syncStore,
    logger: sdkLoggerFor(log),
    cryptoCallbacks: secretStorageCallbacks(inputs.holder),
    fetchFn: inputs.fetchFn,
  });
  inputs.holder.client = client;
  try {
    // After createClient, as IndexedDBStore requires: it loads the saved sync into memory.
    await syncStore.startup();
    await client.initRustCrypto({
      cryptoDatabasePrefix: databases.cryptoPrefix,
      storageKey: inputs.storeKey,
    });
    const crypto = client.getCrypto();
    if (crypto === undefined) throw new Error("initRustCrypto finished without a crypto API");
    return { client, crypto, syncStore };
  } catch (cause: unknown) {
    client.stopClient();
    throw cause;
  }
}
