/**
 * The running bot identity handed to the runtime: the client plus `persist()` (snapshot the
 * stores to disk; coalesced, cheap enough to call after every sync) and `close()`.
 */
import type { IndexedDBStore, MatrixClient } from "matrix-js-sdk";
import type { Logger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { BotDatabases } from "./bot-databases.ts";
import { coalesce } from "./coalesce.ts";
import { saveStoreFile } from "./crypto-store-file.ts";
import { describeCause } from "./identity-error.ts";
import { listDatabases, requestDeletion } from "./indexeddb-snapshot.ts";
import type { ProcessLock } from "./process-lock.ts";

/** An open bot identity. */
export interface BotSession {
  /** Crypto initialised, not started: the runtime calls `startClient`. */
  readonly client: MatrixClient;
  readonly userId: UserId;
  readonly deviceId: string;
  /**
   * Saves the crypto and sync stores to disk. Call after each handled sync batch and before
   * exit; concurrent calls share one follow-up save. A no-op once `close()` was called.
   */
  persist(): Promise<void>;
  /**
   * What the HTTP gate calls before a request that makes the in-memory state the only copy of
   * something (write-ahead-fetch.ts): runs the hook set by `beforeEachSave`, then saves.
   */
  saveBeforeRequest(): Promise<void>;
  /**
   * A step every gated save waits for first, e.g. the runtime recording the ids of the events
   * a sync delivered, so the saved sync position never runs ahead of what is recorded.
   */
  beforeEachSave(hook: () => Promise<void>): void;
  /** Stops the client, saves a last time, frees the in-memory stores, releases the lock. Idempotent. */
  close(): Promise<void>;
}

/** What {@link makeBotSession} wraps. */
export interface BotSessionParts {
  readonly client: MatrixClient;
  readonly userId: UserId;
  readonly deviceId: string;
  readonly syncStore: IndexedDBStore;
  readonly factory: IDBFactory;
  readonly databases: BotDatabases;
  readonly storeFile: string;
  readonly storeKey: Uint8Array;
  readonly lock: ProcessLock;
  readonly log: Logger;
}

/** Builds the {@link BotSession} for an opened client. */
export function makeBotSession(parts: BotSessionParts): BotSession {
  const { factory, databases, log } = parts;
  const save = coalesce(async () => {
    // The sync store keeps the sync position in memory and writes it every few minutes;
    // force it so the snapshot has the position matching the crypto state.
    await parts.syncStore.save(true);
    const names = databases.inSnapshotOrder(await listDatabases(factory, databases.belongs));
    const stats = await saveStoreFile(
      parts.storeFile,
      parts.storeKey,
      factory,
      names,
      databases.toStoredName,
    );
    log.debug(stats, "saved the bot's stores");
  });
  let closing: Promise<void> | undefined;
  let beforeSave: () => Promise<void> = () => Promise.resolve();

  return {
    client: parts.client,
    userId: parts.userId,
    deviceId: parts.deviceId,
    persist: () => (closing === undefined ? save() : Promise.resolve()),
    saveBeforeRequest: async () => {
      if (closing !== undefined) return;
      await beforeSave();
      await save();
    },
    beforeEachSave: (hook) => {
      beforeSave = hook;
    },
    close: () => {
      closing ??= (async () => {
        parts.client.stopClient();
        try {
          await save();
        } finally {
          try {
            // Frees the memory once the SDK lets go of the databases (see bot-databases.ts).
            requestDeletion(factory, await listDatabases(factory, databases.belongs), (name) => {
              log.debug(
                { database: name },
                "in-memory database still open; it is freed when the SDK releases it",
              );
            });
          } catch (cause: unknown) {
            log.warn({ reason: describeCause(cause) }, "could not free the bot's in-memory stores");
          }
          await parts.lock.release();
          log.info("bot session closed");
        }
      })();
      return closing;
    },
  };
}
