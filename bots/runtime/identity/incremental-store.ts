/**
 * The bot's stores on disk, saved in proportion to what changed. Three sealed files:
 * - `crypto-store.v8`: a full snapshot of the crypto databases (the base), with a generation;
 * - `crypto-store.log`: one segment per save since that snapshot, holding just the records
 *   the write tracker saw change (store-log.ts);
 * - `sync-store.v8`: the sync store (room state, sync position) as a whole.
 *
 * Why split so: the crypto store must be on disk before every message the bot sends (a Megolm
 * index reused after a crash looks like a replay) and before every /sync (to-device room keys
 * are sent once). A full snapshot per send cost ~0.5 s at a thousand rooms. A send changes a
 * handful of crypto records, so the log makes that save a few kilobytes.
 *
 * The sync store is one large record (the SDK's sync accumulator) that changes on every sync,
 * so it is not logged: it is written whole when the session asks (bot-session.ts). Its copy may
 * then be older than the crypto store, which is safe, and the reverse is not: a sync position
 * newer than the crypto state would skip room keys the server sent once. So a save reads the
 * sync store first and writes its file only after the crypto store's save has reached disk.
 * Events a restart delivers again (from the older position) are recognised by the runtime's
 * ledger and handled once.
 *
 * The log is folded into a new base (compaction) once it outgrows the base, when the database
 * schema changes (a new database or version), at the first save of a session and on close.
 */
import { randomBytes } from "node:crypto";
import { type Result, err, ok } from "../../../lib/result.ts";
import { applyLog } from "./apply-log.ts";
import type { BotDatabases } from "./bot-databases.ts";
import { loadStoreFile, type StoreFileError } from "./crypto-store-file.ts";
import { seal } from "./encrypt-at-rest.ts";
import type { WriteTracker } from "./idb-write-tracker.ts";
import {
  decodeSnapshot,
  encodeSnapshot,
  renameDatabases,
  takeSnapshot,
  type IndexedDbSnapshot,
} from "./indexeddb-snapshot.ts";
import { readChanges } from "./read-changes.ts";
import { readSealedFile } from "./read-sealed-file.ts";
import { appendFrame, frameSegment, readLog, segmentsOf, type DatabaseChanges } from "./store-log.ts";
import { writeFileAtomically } from "./write-file-atomically.ts";

/** Where one bot's stores live. */
export interface StoreFiles {
  readonly storeFile: string;
  readonly logFile: string;
  readonly syncFile: string;
}

/** What was loaded, and what of it had to be left out. */
export interface LoadedStore {
  /** Stored database names (see bot-databases.ts). */
  readonly snapshot: IndexedDbSnapshot;
  /** Why the sync-store file was not used, if it was there and was not. */
  readonly syncFileIgnored?: string;
}

/** The stored name of the sync store's database. */
const SYNC_STORED_NAME = "sync";

/**
 * Loads the base, applies the log that extends it, and puts in the sync store from its own
 * file when that file belongs to this store. `ok(undefined)` when there is no base.
 */
export async function loadStore(
  files: StoreFiles,
  storeKey: Uint8Array,
): Promise<Result<LoadedStore | undefined, StoreFileError>> {
  const base = await loadStoreFile(files.storeFile, storeKey);
  if (!base.ok) return base;
  if (base.value === undefined) return ok(undefined);
  let snapshot = base.value;
  if (snapshot.generation !== undefined) {
    const log = await readLog(files.logFile, storeKey);
    if (!log.ok) return log;
    const merged = applyLog(snapshot, segmentsOf(log.value, snapshot.generation));
    if (merged === undefined) return err({ kind: "malformed" });
    snapshot = merged;
  }
  const sync = await readSyncFile(files.syncFile, storeKey, snapshot.storeId);
  if (sync.database === undefined) {
    return ok({ snapshot, ...(sync.ignored !== undefined && { syncFileIgnored: sync.ignored }) });
  }
  const others = snapshot.databases.filter((db) => db.name !== SYNC_STORED_NAME);
  return ok({ snapshot: { ...snapshot, databases: [sync.database, ...others] } });
}

async function readSyncFile(
  filePath: string,
  storeKey: Uint8Array,
  storeId: string | undefined,
): Promise<{ database?: IndexedDbSnapshot["databases"][number]; ignored?: string }> {
  const opened = await readSealedFile(filePath, storeKey, "sync-store");
  if (!opened.ok) return { ignored: `it cannot be used (${opened.error.kind})` };
  if (opened.value === undefined) return {};
  const snapshot = decodeSnapshot(opened.value);
  const database = snapshot?.databases.find((db) => db.name === SYNC_STORED_NAME);
  if (snapshot === undefined || database === undefined) return { ignored: "it is damaged" };
  // A sync position belongs to one device's crypto store; another's would skip its room keys.
  if (storeId === undefined || snapshot.storeId !== storeId)
    return { ignored: "it belongs to another store" };
  return { database };
}

/** What one save did, for logs and benchmarks. */
export interface SaveStats {
  readonly kind: "compacted" | "appended" | "unchanged";
  /** Records written: all of the crypto store's when compacted, else the changed ones. */
  readonly records: number;
  /** Bytes written to the crypto store's files. */
  readonly bytes: number;
  /** Bytes of the sync-store file, when this save wrote it. */
  readonly syncBytes?: number;
  readonly ms: number;
}

/** What a save must include. */
export interface SaveRequest {
  /** Write the sync store as well (it is read before, and written after, the crypto store). */
  readonly withSync: boolean;
  /** Fold the log into a new base even if it is small. */
  readonly compact: boolean;
}

/** Saves one bot's stores; calls must not overlap (the session coalesces them). */
export interface StoreWriter {
  save(request: SaveRequest): Promise<SaveStats>;
}

/** What {@link createStoreWriter} needs. */
export interface StoreWriterParts {
  readonly factory: IDBFactory;
  readonly databases: BotDatabases;
  readonly files: StoreFiles;
  readonly storeKey: Uint8Array;
  readonly tracker: WriteTracker;
  /** Writes the SDK's in-memory sync state into the sync database. */
  readonly flushSyncStore: () => Promise<void>;
  /** The store this session restored, if any: its id is kept. */
  readonly loaded: IndexedDbSnapshot | undefined;
  /** The log is folded once it is larger than the base and than this; default 1 MiB. */
  readonly minCompactBytes?: number;
}

const DEFAULT_MIN_COMPACT_BYTES = 1 << 20;

function newId(): string {
  return randomBytes(9).toString("base64url");
}

function countRecords(snapshot: IndexedDbSnapshot): number {
  return snapshot.databases.reduce(
    (sum, db) => sum + db.stores.reduce((inDb, store) => inDb + store.keys.length, 0),
    0,
  );
}

/**
 * The crypto databases of this bot, and their schema as names and versions: a change in
 * either means the log cannot describe what happened. One listing gives both.
 */
async function cryptoDatabases(
  factory: IDBFactory,
  databases: BotDatabases,
): Promise<{ names: string[]; schema: string }> {
  const listed = (await factory.databases()).flatMap((info) =>
    info.name !== undefined && databases.belongs(info.name) && info.name !== databases.syncDatabase
      ? [{ name: info.name, version: info.version }]
      : [],
  );
  return {
    names: listed.map((info) => info.name),
    schema: listed
      .map((info) => `${info.name}@${String(info.version)}`)
      .sort()
      .join("\n"),
  };
}

export function createStoreWriter(parts: StoreWriterParts): StoreWriter {
  const { factory, databases, files, storeKey, tracker } = parts;
  const minCompactBytes = parts.minCompactBytes ?? DEFAULT_MIN_COMPACT_BYTES;
  const storeId = parts.loaded?.storeId ?? newId();
  // A session always starts with a compaction: the log it loaded is folded into a new base.
  let generation: string | undefined;
  let seq = 0;
  let baseBytes = 0;
  let logBytes = 0;
  let baseSchema = "";

  const compact = async (names: readonly string[], schema: string): Promise<Omit<SaveStats, "ms">> => {
    const next = newId();
    const snapshot = renameDatabases(await takeSnapshot(factory, names), databases.toStoredName);
    const sealed = seal(storeKey, "crypto-store", encodeSnapshot({ ...snapshot, storeId, generation: next }));
    await writeFileAtomically(files.storeFile, sealed);
    generation = next;
    seq = 0;
    baseBytes = sealed.length;
    logBytes = 0;
    baseSchema = schema;
    // The old log extends the old generation and is ignored from now on; emptying it only
    // saves space, so a failure here is harmless.
    await writeFileAtomically(files.logFile, new Uint8Array(0)).catch(() => undefined);
    return { kind: "compacted", records: countRecords(snapshot), bytes: sealed.length };
  };

  const append = async (
    names: readonly string[],
    dirty: ReturnType<WriteTracker["take"]>,
    current: string,
  ): Promise<Omit<SaveStats, "ms">> => {
    const changes: DatabaseChanges[] = [];
    let records = 0;
    for (const name of names) {
      const marked = dirty.get(name);
      if (marked === undefined) continue;
      const stores = await readChanges(factory, name, marked);
      if (stores.length === 0) continue;
      records += stores.reduce((sum, s) => sum + s.keys.length + s.deleted.length, 0);
      changes.push({ name: databases.toStoredName(name), stores });
    }
    if (changes.length === 0) return { kind: "unchanged", records: 0, bytes: 0 };
    const frame = frameSegment(storeKey, {
      format: 1,
      generation: current,
      seq: seq + 1,
      databases: changes,
    });
    await appendFrame(files.logFile, frame);
    seq += 1;
    logBytes += frame.length;
    return { kind: "appended", records, bytes: frame.length };
  };

  return {
    async save(request) {
      const started = performance.now();
      let syncSnapshot: IndexedDbSnapshot | undefined;
      if (request.withSync) {
        await parts.flushSyncStore();
        syncSnapshot = await takeSnapshot(factory, [databases.syncDatabase]);
      }
      const { names, schema } = await cryptoDatabases(factory, databases);
      const dirty = tracker.take();
      let saved: Omit<SaveStats, "ms">;
      try {
        const mustCompact =
          request.compact ||
          generation === undefined ||
          schema !== baseSchema ||
          logBytes > Math.max(baseBytes, minCompactBytes);
        saved =
          mustCompact || generation === undefined
            ? await compact(names, schema)
            : await append(names, dirty, generation);
      } catch (cause: unknown) {
        tracker.giveBack(dirty);
        throw cause;
      }
      if (syncSnapshot === undefined) return { ...saved, ms: Math.round(performance.now() - started) };
      const sealed = seal(
        storeKey,
        "sync-store",
        encodeSnapshot({ ...renameDatabases(syncSnapshot, databases.toStoredName), storeId }),
      );
      await writeFileAtomically(files.syncFile, sealed);
      return { ...saved, syncBytes: sealed.length, ms: Math.round(performance.now() - started) };
    },
  };
}
