/**
 * Copies IndexedDB databases to a plain value and back, so an in-memory IndexedDB
 * (fake-indexeddb) can be saved to a file and restored before the SDK opens it. The value
 * keeps each database's schema (version, object stores with key path, auto-increment and
 * indexes) and every record; it goes through `v8.serialize`, which speaks structured clone,
 * the same value model IndexedDB stores (Uint8Array, Map, Date... survive).
 *
 * Each database is read in one read-only transaction over all its stores, so a snapshot of a
 * database is consistent even while the SDK keeps writing.
 */
import { deserialize, serialize } from "node:v8";

/** One index of an object store. */
export interface IndexSnapshot {
  readonly name: string;
  readonly keyPath: string | string[];
  readonly unique: boolean;
  readonly multiEntry: boolean;
}

/** One object store: schema and records (keys and values in primary-key order). */
export interface StoreSnapshot {
  readonly name: string;
  readonly keyPath: string | string[] | null;
  readonly autoIncrement: boolean;
  readonly indexes: readonly IndexSnapshot[];
  readonly keys: readonly IDBValidKey[];
  readonly values: readonly unknown[];
}

/** One database. */
export interface DatabaseSnapshot {
  readonly name: string;
  readonly version: number;
  readonly stores: readonly StoreSnapshot[];
}

/** A set of databases, as saved in a snapshot file. */
export interface IndexedDbSnapshot {
  readonly format: 1;
  /**
   * Which store this is a snapshot of: made with the device's first snapshot and kept by every
   * later one, so a sync-store file is only ever paired with the crypto store it belongs to.
   * Absent in files written before incremental saves.
   */
  readonly storeId?: string;
  /** Names this snapshot for the change log that extends it (store-log.ts). */
  readonly generation?: string;
  readonly databases: readonly DatabaseSnapshot[];
}

export function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error("IndexedDB request failed"));
    };
  });
}

export function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => {
      resolve();
    };
    transaction.onerror = () => {
      reject(transaction.error ?? new Error("IndexedDB transaction failed"));
    };
    transaction.onabort = () => {
      reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
    };
  });
}

export function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    // Opening without a version never upgrades an existing database; one that vanished since
    // databases() listed it would be created empty at version 1: abort that instead.
    request.onupgradeneeded = () => {
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error(`cannot open IndexedDB database ${name}`));
    };
  });
}

/** Names of the databases in `factory` that `belongs` accepts. */
export async function listDatabases(
  factory: IDBFactory,
  belongs: (name: string) => boolean,
): Promise<string[]> {
  const all = await factory.databases();
  return all.flatMap((info) => (info.name !== undefined && belongs(info.name) ? [info.name] : []));
}

async function snapshotDatabase(factory: IDBFactory, name: string): Promise<DatabaseSnapshot | undefined> {
  let db: IDBDatabase;
  try {
    db = await openExisting(factory, name);
  } catch {
    return undefined; // deleted between listing and opening: nothing to keep
  }
  try {
    const storeNames = Array.from(db.objectStoreNames);
    if (storeNames.length === 0) return { name, version: db.version, stores: [] };
    const transaction = db.transaction(storeNames, "readonly");
    const done = transactionDone(transaction);
    const stores = await Promise.all(
      storeNames.map(async (storeName): Promise<StoreSnapshot> => {
        const store = transaction.objectStore(storeName);
        const indexes = Array.from(store.indexNames).map((indexName): IndexSnapshot => {
          const index = store.index(indexName);
          return {
            name: index.name,
            keyPath: index.keyPath,
            unique: index.unique,
            multiEntry: index.multiEntry,
          };
        });
        // getAll and getAllKeys both walk the store in primary-key order, so they line up.
        const [keys, values] = await Promise.all([settle(store.getAllKeys()), settle(store.getAll())]);
        return {
          name: storeName,
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes,
          keys,
          values,
        };
      }),
    );
    await done;
    return { name, version: db.version, stores };
  } finally {
    db.close();
  }
}

/** Reads the named databases, one after the other in the order given. */
export async function takeSnapshot(
  factory: IDBFactory,
  names: readonly string[],
): Promise<IndexedDbSnapshot> {
  const databases: DatabaseSnapshot[] = [];
  // In order, not in parallel: callers order names so that what must not be newer comes first.
  for (const name of names) {
    const snapshot = await snapshotDatabase(factory, name);
    if (snapshot !== undefined) databases.push(snapshot);
  }
  return { format: 1, databases };
}

async function restoreDatabase(factory: IDBFactory, snapshot: DatabaseSnapshot): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(snapshot.name, snapshot.version);
    request.onupgradeneeded = () => {
      const created = request.result;
      for (const store of snapshot.stores) {
        const objectStore = created.createObjectStore(store.name, {
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
        });
        for (const index of store.indexes) {
          objectStore.createIndex(index.name, index.keyPath, {
            unique: index.unique,
            multiEntry: index.multiEntry,
          });
        }
      }
    };
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error(`cannot create IndexedDB database ${snapshot.name}`));
    };
  });
  try {
    if (snapshot.stores.length === 0) return;
    const transaction = db.transaction(
      snapshot.stores.map((store) => store.name),
      "readwrite",
    );
    const done = transactionDone(transaction);
    for (const store of snapshot.stores) {
      const objectStore = transaction.objectStore(store.name);
      store.values.forEach((value, i) => {
        // In-line keys come from the value itself; passing a key too is an error.
        if (store.keyPath === null) objectStore.put(value, store.keys[i]);
        else objectStore.put(value);
      });
    }
    await done;
  } finally {
    db.close();
  }
}

/**
 * Recreates the snapshot's databases. They must not exist yet (each session uses fresh names,
 * see bot-databases.ts): restoring over an existing database would merge two states.
 */
export async function restoreSnapshot(factory: IDBFactory, snapshot: IndexedDbSnapshot): Promise<void> {
  for (const database of snapshot.databases) await restoreDatabase(factory, database);
}

/**
 * Asks for the named databases to be deleted, without waiting: a database still open
 * elsewhere is deleted once its last connection closes. `onBlocked` hears of those.
 */
export function requestDeletion(
  factory: IDBFactory,
  names: readonly string[],
  onBlocked: (name: string) => void,
): void {
  for (const name of names) {
    const request = factory.deleteDatabase(name);
    request.onblocked = () => {
      onBlocked(name);
    };
    request.onerror = () => {
      onBlocked(name);
    };
  }
}

/** The snapshot with every database renamed by `rename`. */
export function renameDatabases(
  snapshot: IndexedDbSnapshot,
  rename: (name: string) => string,
): IndexedDbSnapshot {
  return { ...snapshot, databases: snapshot.databases.map((db) => ({ ...db, name: rename(db.name) })) };
}

/** The snapshot as bytes (v8 structured-clone serialization). */
export function encodeSnapshot(snapshot: IndexedDbSnapshot): Buffer {
  return serialize(snapshot);
}

/** Bytes from {@link encodeSnapshot} back to a snapshot; `undefined` if they are not one. */
export function decodeSnapshot(bytes: Uint8Array): IndexedDbSnapshot | undefined {
  let value: unknown;
  try {
    value = deserialize(bytes);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const candidate = value as Partial<IndexedDbSnapshot>;
  return candidate.format === 1 && Array.isArray(candidate.databases)
    ? (value as IndexedDbSnapshot)
    : undefined;
}
