/**
 * Reads the crypto store's base snapshot, `crypto-store.v8` (written by incremental-store.ts;
 * files from before incremental saves also hold the sync store). The Rust store already
 * encrypts its values with the store key; sealing the whole file as well also covers the
 * crypto store's schema and key names.
 */
import { readSealedFile, type SealedFileError } from "./read-sealed-file.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { decodeSnapshot, type IndexedDbSnapshot } from "./indexeddb-snapshot.ts";

/** Why a saved store could not be loaded (a missing file is `ok(undefined)`). */
export type StoreFileError = SealedFileError;

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
