/**
 * Reads the current value of every record the write tracker marked in one database, as the
 * changes a log segment carries: a key with no record any more is a deletion. All stores are
 * read in one read-only transaction, so the changes of one database are consistent.
 */
import type { DirtyStore } from "./idb-write-tracker.ts";
import { openExisting, settle, transactionDone } from "./indexeddb-snapshot.ts";
import type { StoreChanges } from "./store-log.ts";

async function readStore(store: IDBObjectStore, dirty: DirtyStore): Promise<StoreChanges> {
  if (dirty.all) {
    const [keys, values] = await Promise.all([settle(store.getAllKeys()), settle(store.getAll())]);
    return { name: store.name, replace: true, keys, values, deleted: [] };
  }
  const keys: IDBValidKey[] = [];
  const values: unknown[] = [];
  const deleted: IDBValidKey[] = [];
  await Promise.all(
    [...dirty.keys.values()].map(async (key) => {
      // getAll, not get: a stored `undefined` and a missing record look alike to get.
      const found = await settle(store.getAll(key));
      if (found.length === 0) deleted.push(key);
      else {
        keys.push(key);
        values.push(found[0]);
      }
    }),
  );
  return { name: store.name, replace: false, keys, values, deleted };
}

/**
 * The changes to the marked stores of database `name`; stores that no longer exist are left
 * out (the caller compares schemas and starts a new snapshot on any change).
 */
export async function readChanges(
  factory: IDBFactory,
  name: string,
  dirty: ReadonlyMap<string, DirtyStore>,
): Promise<StoreChanges[]> {
  const db = await openExisting(factory, name);
  try {
    const existing = new Set(Array.from(db.objectStoreNames));
    const storeNames = [...dirty.keys()].filter((store) => existing.has(store));
    if (storeNames.length === 0) return [];
    const transaction = db.transaction(storeNames, "readonly");
    const done = transactionDone(transaction);
    const changes = await Promise.all(
      storeNames.flatMap((store) => {
        const marked = dirty.get(store);
        return marked === undefined ? [] : [readStore(transaction.objectStore(store), marked)];
      }),
    );
    await done;
    return changes;
  } finally {
    db.close();
  }
}
