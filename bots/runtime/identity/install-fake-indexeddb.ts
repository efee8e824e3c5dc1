/**
 * matrix-js-sdk's Rust crypto store and its sync store want the browser's IndexedDB. In Node
 * we give them fake-indexeddb (in memory) and make it durable with snapshots
 * (indexeddb-snapshot.ts). The WASM crypto checks objects with `instanceof IDBDatabase` and
 * friends, so all the IDB classes must be globals, not just `indexedDB`. All bots in a process
 * share this one factory, each under its own database name prefix. Its write methods are
 * wrapped so that saves can write only what changed (idb-write-tracker.ts).
 */
import * as fakeIndexedDb from "fake-indexeddb";
import { installWriteTracking } from "./idb-write-tracker.ts";

const GLOBAL_NAMES = [
  "indexedDB",
  "IDBCursor",
  "IDBCursorWithValue",
  "IDBDatabase",
  "IDBFactory",
  "IDBIndex",
  "IDBKeyRange",
  "IDBObjectStore",
  "IDBOpenDBRequest",
  "IDBRequest",
  "IDBTransaction",
  "IDBVersionChangeEvent",
] as const;

/**
 * Installs fake-indexeddb as the global IndexedDB (once per process) and returns the factory.
 * Throws if a different IndexedDB is already global: snapshots of one factory while the SDK
 * writes to another would silently persist nothing, which is a bug to fix, not a state to run in.
 */
export function installFakeIndexedDb(): IDBFactory {
  const globals = globalThis as Record<string, unknown>;
  const existing = globals["indexedDB"];
  if (existing !== undefined && existing !== fakeIndexedDb.indexedDB) {
    throw new Error("a different IndexedDB implementation is already installed in this process");
  }
  for (const name of GLOBAL_NAMES) globals[name] = fakeIndexedDb[name];
  installWriteTracking({
    IDBObjectStore: fakeIndexedDb.IDBObjectStore,
    IDBCursor: fakeIndexedDb.IDBCursor,
    IDBKeyRange: fakeIndexedDb.IDBKeyRange,
  });
  return fakeIndexedDb.indexedDB;
}
