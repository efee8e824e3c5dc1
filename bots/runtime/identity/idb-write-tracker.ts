/**
 * Which IndexedDB records changed since the last save, so a save can write just those
 * (incremental-store.ts) instead of the whole store: with a thousand rooms the crypto store is
 * megabytes, and it is saved before every message the bot sends.
 *
 * fake-indexeddb has no change feed, so its write methods are wrapped once per process
 * (`put`, `add`, `delete`, `clear` of object stores; `update`, `delete` of cursors) and each
 * write is reported to the trackers listening for that database. The record is only marked:
 * a save reads its current value (absent means deleted), so marking a write that is later
 * rolled back, or marking one twice, costs a little and loses nothing. A write whose key is
 * not known (a key range, `clear`) marks the whole object store.
 */
import { serialize } from "node:v8";

/** The changed records of one object store. */
export interface DirtyStore {
  /** True when the whole store must be written again (cleared, or deleted by key range). */
  all: boolean;
  /** Changed primary keys, by their serialized form (keys can be arrays or binary). */
  readonly keys: Map<string, IDBValidKey>;
}

/** Changed records by database name, then object store name. */
export type DirtyRecords = Map<string, Map<string, DirtyStore>>;

/** Records the writes to some databases until stopped. */
export interface WriteTracker {
  /** Hands over what changed since the last call, and starts afresh. */
  take(): DirtyRecords;
  /** Puts back what a failed save took, merged with what changed meanwhile. */
  giveBack(records: DirtyRecords): void;
  stop(): void;
}

type WriteListener = (database: string, store: string, key: IDBValidKey | undefined) => void;

const listeners = new Set<WriteListener>();
let installed = false;

function report(database: string, store: string, key: IDBValidKey | undefined): void {
  for (const listener of listeners) listener(database, store, key);
}

/** Reports the key a put/add/update request wrote, once it has succeeded. */
function reportOnSuccess(request: IDBRequest<IDBValidKey>, database: string, store: string): void {
  request.addEventListener("success", () => {
    report(database, store, request.result);
  });
}

function storeOfCursor(cursor: IDBCursor): IDBObjectStore {
  const source = cursor.source;
  return "objectStore" in source ? source.objectStore : source;
}

/**
 * Wraps the write methods of the IndexedDB classes given (fake-indexeddb's, which are the
 * globals); once per process, before any database is opened.
 */
export function installWriteTracking(classes: {
  readonly IDBObjectStore: typeof IDBObjectStore;
  readonly IDBCursor: typeof IDBCursor;
  readonly IDBKeyRange: typeof IDBKeyRange;
}): void {
  if (installed) return;
  installed = true;
  const storeProto = classes.IDBObjectStore.prototype;
  const cursorProto = classes.IDBCursor.prototype;
  const KeyRange = classes.IDBKeyRange;
  /* eslint-disable @typescript-eslint/unbound-method -- the originals are called with `this` below */
  const { put, add, delete: deleteRecord, clear } = storeProto;
  const { update, delete: deleteAtCursor } = cursorProto;
  /* eslint-enable @typescript-eslint/unbound-method */

  storeProto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const request = key === undefined ? put.call(this, value) : put.call(this, value, key);
    reportOnSuccess(request, this.transaction.db.name, this.name);
    return request;
  };
  storeProto.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const request = key === undefined ? add.call(this, value) : add.call(this, value, key);
    reportOnSuccess(request, this.transaction.db.name, this.name);
    return request;
  };
  storeProto.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    const request = deleteRecord.call(this, query);
    report(this.transaction.db.name, this.name, query instanceof KeyRange ? undefined : query);
    return request;
  };
  storeProto.clear = function (this: IDBObjectStore) {
    const request = clear.call(this);
    report(this.transaction.db.name, this.name, undefined);
    return request;
  };
  cursorProto.update = function (this: IDBCursor, value: unknown) {
    const store = storeOfCursor(this);
    const request = update.call(this, value);
    reportOnSuccess(request, store.transaction.db.name, store.name);
    return request;
  };
  cursorProto.delete = function (this: IDBCursor) {
    const store = storeOfCursor(this);
    const key = this.primaryKey;
    const request = deleteAtCursor.call(this);
    report(store.transaction.db.name, store.name, key);
    return request;
  };
}

/** The serialized form of a key, equal for equal keys (strings, numbers, dates, arrays, binary). */
export function keyId(key: IDBValidKey): string {
  return serialize(key).toString("latin1");
}

function mark(records: DirtyRecords, database: string, store: string, key: IDBValidKey | undefined): void {
  let stores = records.get(database);
  if (stores === undefined) {
    stores = new Map();
    records.set(database, stores);
  }
  let dirty = stores.get(store);
  if (dirty === undefined) {
    dirty = { all: false, keys: new Map() };
    stores.set(store, dirty);
  }
  if (key === undefined) {
    dirty.all = true;
    dirty.keys.clear();
  } else if (!dirty.all) {
    dirty.keys.set(keyId(key), key);
  }
}

/** Starts recording the writes to the databases `belongs` accepts. */
export function trackWrites(belongs: (database: string) => boolean): WriteTracker {
  let records: DirtyRecords = new Map();
  const listener: WriteListener = (database, store, key) => {
    if (belongs(database)) mark(records, database, store, key);
  };
  listeners.add(listener);
  return {
    take() {
      const taken = records;
      records = new Map();
      return taken;
    },
    giveBack(taken) {
      for (const [database, stores] of taken) {
        for (const [store, dirty] of stores) {
          if (dirty.all) mark(records, database, store, undefined);
          else for (const key of dirty.keys.values()) mark(records, database, store, key);
        }
      }
    },
    stop() {
      listeners.delete(listener);
    },
  };
}
