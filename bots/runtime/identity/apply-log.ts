/**
 * A snapshot brought up to date with the change log that extends it: what the databases held
 * at the last save. Pure, so the merge rules are unit-tested: a put replaces the record with
 * that key, a deletion removes it, a replace sets the whole store; later segments win.
 */
import type { DatabaseSnapshot, IndexedDbSnapshot, StoreSnapshot } from "./indexeddb-snapshot.ts";
import { keyId } from "./idb-write-tracker.ts";
import type { LogSegment, StoreChanges } from "./store-log.ts";

type Records = Map<string, { key: IDBValidKey; value: unknown }>;

function recordsOf(store: StoreSnapshot): Records {
  const records: Records = new Map();
  store.keys.forEach((key, i) => {
    records.set(keyId(key), { key, value: store.values[i] });
  });
  return records;
}

function applyChanges(records: Records, changes: StoreChanges): void {
  if (changes.replace) records.clear();
  for (const key of changes.deleted) records.delete(keyId(key));
  changes.keys.forEach((key, i) => {
    records.set(keyId(key), { key, value: changes.values[i] });
  });
}

/**
 * `snapshot` with `segments` applied in order; `undefined` if a segment names a database or
 * object store the snapshot does not have (a schema change always starts a new snapshot, so
 * that is damage, not something to guess around).
 */
export function applyLog(
  snapshot: IndexedDbSnapshot,
  segments: readonly LogSegment[],
): IndexedDbSnapshot | undefined {
  if (segments.length === 0) return snapshot;
  const changed = new Map<string, Map<string, Records>>();
  for (const segment of segments) {
    for (const database of segment.databases) {
      const base = snapshot.databases.find((db) => db.name === database.name);
      if (base === undefined) return undefined;
      let stores = changed.get(database.name);
      if (stores === undefined) {
        stores = new Map();
        changed.set(database.name, stores);
      }
      for (const changes of database.stores) {
        let records = stores.get(changes.name);
        if (records === undefined) {
          const store = base.stores.find((s) => s.name === changes.name);
          if (store === undefined) return undefined;
          records = recordsOf(store);
          stores.set(changes.name, records);
        }
        applyChanges(records, changes);
      }
    }
  }
  const databases = snapshot.databases.map((db): DatabaseSnapshot => {
    const stores = changed.get(db.name);
    if (stores === undefined) return db;
    return {
      ...db,
      stores: db.stores.map((store): StoreSnapshot => {
        const records = stores.get(store.name);
        if (records === undefined) return store;
        const entries = [...records.values()];
        return { ...store, keys: entries.map((e) => e.key), values: entries.map((e) => e.value) };
      }),
    };
  });
  return { ...snapshot, databases };
}
