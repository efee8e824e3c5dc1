/**
 * The running bot identity handed to the runtime: the client, the saves the HTTP gate and the
 * runtime ask for (incremental-store.ts does the writing), and `close()`.
 */
import type { MatrixClient } from "matrix-js-sdk";
import type { Logger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { BotDatabases } from "./bot-databases.ts";
import { coalesce } from "./coalesce.ts";
import { describeCause } from "./identity-error.ts";
import type { StoreWriter } from "./incremental-store.ts";
import { listDatabases, requestDeletion } from "./indexeddb-snapshot.ts";
import type { ProcessLock } from "./process-lock.ts";

/** An open bot identity. */
export interface BotSession {
  /** Crypto initialised, not started: the runtime calls `startClient`. */
  readonly client: MatrixClient;
  readonly userId: UserId;
  readonly deviceId: string;
  /**
   * Saves the crypto and sync stores to disk, the sync store included whatever its schedule.
   * Concurrent calls share one follow-up save. A no-op once `close()` was called.
   */
  persist(): Promise<void>;
  /**
   * What the HTTP gate calls before a request that makes the in-memory state the only copy of
   * something (write-ahead-fetch.ts): runs the hook set by `beforeEachSave`, then saves the
   * crypto store's changes (and the sync store when `syncSaveEveryMs` has passed).
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
  readonly factory: IDBFactory;
  readonly databases: BotDatabases;
  readonly writer: StoreWriter;
  readonly lock: ProcessLock;
  readonly log: Logger;
  /** Stops the write tracker behind `writer`. */
  readonly stopTracking: () => void;
  /**
   * At most this long between two saves of the sync store while running; default 30 s. A
   * restart may then resume from a position up to that old: the events since come again
   * (the ledger skips those handled), a room's gap resets its timeline and the runtime pages
   * back, and a room new to that sync is paged back too (intake/catch-up-new-rooms.ts).
   * Saving before every /sync instead cost 5 MB written per sync at 1,000 rooms and cut the
   * reminder benchmark from 4.3 to 1.1 deliveries a second.
   */
  readonly syncSaveEveryMs?: number;
  /** The sync position the client has reached: an idle bot's unchanged position is not saved again. */
  readonly syncPosition: () => string | null;
  readonly now?: () => number;
}

const DEFAULT_SYNC_SAVE_EVERY_MS = 30_000;

/** Builds the {@link BotSession} for an opened client. */
export function makeBotSession(parts: BotSessionParts): BotSession {
  const { factory, databases, log } = parts;
  const now = parts.now ?? Date.now;
  const syncEvery = parts.syncSaveEveryMs ?? DEFAULT_SYNC_SAVE_EVERY_MS;
  let lastSyncSave = Number.NEGATIVE_INFINITY;
  let savedPosition: string | null | undefined;
  // What the next save must include beyond the crypto store's changes; read when it starts,
  // so a save asked for while another runs gets what it asked.
  let wantSync = false;
  let wantCompact = false;
  const save = coalesce(async () => {
    const position = parts.syncPosition();
    const moved = position !== savedPosition;
    const withSync = wantSync || (moved && now() - lastSyncSave >= syncEvery);
    const compact = wantCompact;
    wantSync = false;
    wantCompact = false;
    const stats = await parts.writer.save({ withSync, compact });
    if (withSync) {
      lastSyncSave = now();
      savedPosition = position;
    }
    if (stats.kind !== "unchanged" || withSync) log.debug(stats, "saved the bot's stores");
  });
  const saveAll = (compact: boolean): Promise<void> => {
    wantSync = true;
    wantCompact ||= compact;
    return save();
  };
  let closing: Promise<void> | undefined;
  let beforeSave: () => Promise<void> = () => Promise.resolve();

  return {
    client: parts.client,
    userId: parts.userId,
    deviceId: parts.deviceId,
    persist: () => (closing === undefined ? saveAll(false) : Promise.resolve()),
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
          await saveAll(true);
        } finally {
          parts.stopTracking();
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
