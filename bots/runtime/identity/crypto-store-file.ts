/**
 * The bot's IndexedDB databases (Rust crypto store and sync store) saved to one sealed file,
 * `crypto-store.v8`, and loaded back. The Rust store already encrypts its values with the
 * store key; sealing the whole file as well also covers the sync store (room state, account
 * data) and the crypto store's schema and key names.
 */
import { readSealedFile, type SealedFileError } from "./read-sealed-file.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { seal } from "./encrypt-at-rest.ts";
import {
  decodeSnapshot,
  encodeSnapshot,
  renameDatabases,
  takeSnapshot,
  type IndexedDbSnapshot,
} from "./indexeddb-snapshot.ts";
import { writeFileAtomically } from "./write-file-atomically.ts";

/** Why a saved store could not be loaded (a missing file is `ok(undefined)`). */
export type StoreFileError = SealedFileError;

/** What one save cost, for logs and tuning. */
export interface StoreSaveStats {
  readonly databases: number;
  readonly records: number;
  readonly bytes: number;
  readonly snapshotMs: number;
  readonly writeMs: number;
}

/** Reads and decrypts a saved store; `ok(undefined)` when there is none. */
export async function loadStoreFile(
  filePath: string,
  storeKey: Uint8Array,
): Promise<Result<IndexedDbSnapshot | undefined, StoreFileError>> {
  const opened = await readSealedFile(filePath, storeKey, "crypto-store");
  if (!opened.ok) return opened;
  if (opened.value === undefined) return ok(undefined);
  const snapshot = decodeSnapshot(opened.value);
  return snapshot === undefined ? err({ kind: "malformed" }) : ok(snapshot);
}

/**
 * Snapshots the named databases (in that order) and writes them sealed and atomically, the
 * names as `toStoredName` gives them.
 */
export async function saveStoreFile(
  filePath: string,
  storeKey: Uint8Array,
  factory: IDBFactory,
  databaseNames: readonly string[],
  toStoredName: (name: string) => string,
): Promise<StoreSaveStats> {
  const started = performance.now();
  const snapshot = renameDatabases(await takeSnapshot(factory, databaseNames), toStoredName);
  const sealed = seal(storeKey, "crypto-store", encodeSnapshot(snapshot));
  const snapshotted = performance.now();
  await writeFileAtomically(filePath, sealed);
  const records = snapshot.databases.reduce(
    (sum, db) => sum + db.stores.reduce((inDb, store) => inDb + store.keys.length, 0),
    0,
  );
  return {
    databases: snapshot.databases.length,
    records,
    bytes: sealed.length,
    snapshotMs: Math.round(snapshotted - started),
    writeMs: Math.round(performance.now() - snapshotted),
  };
}
