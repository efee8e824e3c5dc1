/**
 * The incremental store against fake-indexeddb: after any sequence of writes and saves, what
 * loads from disk is exactly what the databases held at the last save; a torn last append is
 * dropped; logs and sync files that belong to another snapshot or store are never applied.
 */
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { botDatabases, type BotDatabases } from "../../../../bots/runtime/identity/bot-databases.ts";
import { trackWrites, type WriteTracker } from "../../../../bots/runtime/identity/idb-write-tracker.ts";
import {
  createStoreWriter,
  loadStore,
  type StoreFiles,
  type StoreWriter,
} from "../../../../bots/runtime/identity/incremental-store.ts";
import {
  renameDatabases,
  restoreSnapshot,
  takeSnapshot,
  type IndexedDbSnapshot,
} from "../../../../bots/runtime/identity/indexeddb-snapshot.ts";
import { installFakeIndexedDb } from "../../../../bots/runtime/identity/install-fake-indexeddb.ts";

const factory = installFakeIndexedDb();
const IDBFactoryClass = factory.constructor as new () => IDBFactory;
const storeKey = new Uint8Array(32).fill(7);
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function settle<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error("request failed"));
    };
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => {
      resolve();
    };
    tx.onabort = () => {
      reject(tx.error ?? new Error("aborted"));
    };
  });
}

interface Harness {
  readonly databases: BotDatabases;
  readonly cryptoDb: string;
  readonly files: StoreFiles;
  readonly tracker: WriteTracker;
  readonly writer: StoreWriter;
}

/** Fresh databases like a bot's (a crypto one with three kinds of store, a sync one) and a writer. */
async function harness(options: { minCompactBytes?: number } = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), "meridian-incremental-"));
  dirs.push(dir);
  const databases = botDatabases("test", dir);
  const cryptoDb = `${databases.cryptoPrefix}::matrix-sdk-crypto`;
  const open = factory.open(cryptoDb, 3);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore("inline", { keyPath: ["room", "id"] }).createIndex("by-room", "room");
    db.createObjectStore("counters", { autoIncrement: true });
    db.createObjectStore("kv");
  };
  (await settle(open)).close();
  const sync = factory.open(databases.syncDatabase, 1);
  sync.onupgradeneeded = () => {
    sync.result.createObjectStore("sync");
  };
  (await settle(sync)).close();
  const files: StoreFiles = {
    storeFile: join(dir, "crypto-store.v8"),
    logFile: join(dir, "crypto-store.log"),
    syncFile: join(dir, "sync-store.v8"),
  };
  const tracker = trackWrites((name) => databases.belongs(name) && name !== databases.syncDatabase);
  const writer = createStoreWriter({
    factory,
    databases,
    files,
    storeKey,
    tracker,
    flushSyncStore: () => Promise.resolve(),
    loaded: undefined,
    ...(options.minCompactBytes !== undefined && { minCompactBytes: options.minCompactBytes }),
  });
  return { databases, cryptoDb, files, tracker, writer };
}

/** Runs `body` in one read-write transaction over the given stores of `name`. */
async function write(
  name: string,
  stores: string[],
  body: (tx: IDBTransaction) => void | Promise<void>,
): Promise<void> {
  const db = await settle(factory.open(name));
  try {
    const tx = db.transaction(stores, "readwrite");
    const finished = done(tx);
    await body(tx);
    await finished;
  } finally {
    db.close();
  }
}

/**
 * A snapshot (stored names) normalised by a restore into a fresh factory, under names no
 * tracker listens for: the restore's writes must not count as the bot's own.
 */
async function normalise(snapshot: IndexedDbSnapshot): Promise<IndexedDbSnapshot> {
  const fresh = new IDBFactoryClass();
  const aside = (name: string): string => `normalised:${name}`;
  await restoreSnapshot(fresh, renameDatabases(snapshot, aside));
  const again = await takeSnapshot(
    fresh,
    snapshot.databases.map((db) => aside(db.name)),
  );
  return {
    format: 1,
    databases: again.databases
      .map((db) => ({ ...db, name: db.name.slice("normalised:".length) }))
      .toSorted((a, b) => a.name.localeCompare(b.name)),
  };
}

async function live(h: Harness): Promise<IndexedDbSnapshot> {
  const snapshot = await takeSnapshot(factory, [h.databases.syncDatabase, h.cryptoDb]);
  return normalise(renameDatabases(snapshot, h.databases.toStoredName));
}

async function loaded(h: Harness): Promise<IndexedDbSnapshot> {
  const result = await loadStore(h.files, storeKey);
  if (!result.ok || result.value === undefined) throw new Error("nothing loaded");
  return normalise(result.value.snapshot);
}

/** One write to the crypto database, as the SDK might make it. */
type Op =
  | { kind: "put"; id: number; value: number }
  | { kind: "delete"; id: number }
  | { kind: "clear" }
  | { kind: "deleteRange"; from: number; span: number }
  | { kind: "cursorUpdate"; value: number }
  | { kind: "cursorDelete" }
  | { kind: "count"; value: number }
  | { kind: "sync"; value: number }
  | { kind: "save"; withSync: boolean; compact: boolean };

async function apply(h: Harness, op: Op): Promise<void> {
  switch (op.kind) {
    case "put":
      await write(h.cryptoDb, ["inline", "kv"], (tx) => {
        tx.objectStore("inline").put({ room: `!r${String(op.id % 3)}`, id: op.id, value: op.value });
        tx.objectStore("kv").put(new Uint8Array([op.value]), [op.id, `k${String(op.id)}`]);
      });
      return;
    case "delete":
      await write(h.cryptoDb, ["inline", "kv"], (tx) => {
        tx.objectStore("inline").delete([`!r${String(op.id % 3)}`, op.id]);
        tx.objectStore("kv").delete([op.id, `k${String(op.id)}`]);
      });
      return;
    case "clear":
      await write(h.cryptoDb, ["kv"], (tx) => {
        tx.objectStore("kv").clear();
      });
      return;
    case "deleteRange":
      await write(h.cryptoDb, ["kv"], (tx) => {
        tx.objectStore("kv").delete(IDBKeyRange.bound([op.from], [op.from + op.span, "\uffff"]));
      });
      return;
    case "cursorUpdate":
    case "cursorDelete":
      await write(h.cryptoDb, ["inline"], (tx) => {
        const request = tx.objectStore("inline").index("by-room").openCursor();
        request.onsuccess = () => {
          const cursor = request.result;
          if (cursor === null) return;
          if (op.kind === "cursorDelete") {
            cursor.delete();
            return;
          }
          cursor.update({ ...(cursor.value as object), value: op.value });
          cursor.continue();
        };
      });
      return;
    case "count":
      await write(h.cryptoDb, ["counters"], (tx) => {
        tx.objectStore("counters").add({ n: op.value });
      });
      return;
    case "sync":
      await write(h.databases.syncDatabase, ["sync"], (tx) => {
        tx.objectStore("sync").put({ nextBatch: `s${String(op.value)}` }, "-");
      });
      return;
    case "save":
      await h.writer.save({ withSync: op.withSync, compact: op.compact });
      return;
  }
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("put" as const), id: fc.nat(12), value: fc.nat(255) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), id: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("clear" as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("deleteRange" as const), from: fc.nat(6), span: fc.nat(6) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cursorUpdate" as const), value: fc.nat(255) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cursorDelete" as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("count" as const), value: fc.nat(255) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("sync" as const), value: fc.nat(255) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("save" as const),
      withSync: fc.boolean(),
      compact: fc.nat(9).map((n) => n < 2),
    }),
  },
);

describe("incremental store", () => {
  it("loads exactly what the databases held at the last save, whatever the writes and saves", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.boolean(), async (ops, small) => {
        // A tiny compaction threshold makes the log fold into the base now and then.
        const h = await harness(small ? { minCompactBytes: 1 } : {});
        await h.writer.save({ withSync: true, compact: false });
        let expected = await live(h);
        let expectedSync = expected.databases.find((db) => db.name === "sync");
        for (const op of ops) {
          await apply(h, op);
          if (op.kind !== "save") continue;
          const now = await live(h);
          // The sync store on disk moves only with saves that include it.
          if (op.withSync) expectedSync = now.databases.find((db) => db.name === "sync");
          expected = {
            ...now,
            databases: now.databases.map((db) => (db.name === "sync" ? (expectedSync ?? db) : db)),
          };
        }
        expect(await loaded(h)).toEqual(expected);
        h.tracker.stop();
      }),
      { numRuns: 40 },
    );
  });

  const eachWrite: Op[] = [
    { kind: "put", id: 1, value: 9 },
    { kind: "delete", id: 2 },
    { kind: "clear" },
    { kind: "deleteRange", from: 1, span: 1 },
    { kind: "cursorUpdate", value: 9 },
    { kind: "cursorDelete" },
    { kind: "count", value: 9 },
  ];
  it.each(eachWrite)("logs a $kind made after the base", async (op) => {
    const h = await harness();
    for (const id of [1, 2, 3]) await apply(h, { kind: "put", id, value: id });
    await h.writer.save({ withSync: true, compact: false });
    const atBase = await live(h);
    await apply(h, op);
    expect(await h.writer.save({ withSync: false, compact: false })).toMatchObject({ kind: "appended" });
    const now = await live(h);
    expect(now).not.toEqual(atBase);
    expect(await loaded(h)).toEqual(now);
    h.tracker.stop();
  });

  it("writes only the changed records once the base exists", async () => {
    const h = await harness();
    for (let id = 0; id < 200; id++) await apply(h, { kind: "put", id, value: id % 256 });
    const first = await h.writer.save({ withSync: true, compact: false });
    expect(first.kind).toBe("compacted");
    expect(first.records).toBeGreaterThanOrEqual(400);

    await apply(h, { kind: "put", id: 7, value: 1 });
    const second = await h.writer.save({ withSync: false, compact: false });
    expect(second).toMatchObject({ kind: "appended", records: 2 });
    expect(second.bytes).toBeLessThan(first.bytes / 20);
    expect(second.syncBytes).toBeUndefined();

    expect(await h.writer.save({ withSync: false, compact: false })).toMatchObject({ kind: "unchanged" });
    expect(await loaded(h)).toEqual(await live(h));
    h.tracker.stop();
  });

  it("drops a last append torn by a crash, keeping the saves before it", async () => {
    const h = await harness();
    await apply(h, { kind: "put", id: 1, value: 1 });
    await h.writer.save({ withSync: true, compact: false });
    await apply(h, { kind: "put", id: 2, value: 2 });
    await h.writer.save({ withSync: false, compact: false });
    const before = await live(h);
    const size = (await stat(h.files.logFile)).size;

    await apply(h, { kind: "put", id: 3, value: 3 });
    await h.writer.save({ withSync: false, compact: false });
    const grown = (await stat(h.files.logFile)).size;
    expect(grown).toBeGreaterThan(size);
    await truncate(h.files.logFile, grown - 5);
    expect(await loaded(h)).toEqual(before);

    // A whole frame that does not decrypt is damage, reported rather than skipped.
    const bytes = await readFile(h.files.logFile);
    bytes[size + 40] = (bytes[size + 40] ?? 0) ^ 0xff;
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    await writeFile(h.files.logFile, bytes);
    expect(await loadStore(h.files, storeKey)).toMatchObject({ ok: false, error: { kind: "undecryptable" } });
    h.tracker.stop();
  });

  it("never applies a log or a sync file that belongs to another snapshot or store", async () => {
    const a = await harness();
    await apply(a, { kind: "put", id: 1, value: 1 });
    await apply(a, { kind: "sync", value: 1 });
    await a.writer.save({ withSync: true, compact: false });
    await apply(a, { kind: "put", id: 2, value: 2 });
    await a.writer.save({ withSync: false, compact: false });
    const staleLog = await readFile(a.files.logFile);
    await a.writer.save({ withSync: false, compact: true }); // a new generation
    // The log of the previous generation, put back as if emptying it had failed: ignored.
    await writeFile(a.files.logFile, staleLog);
    expect(await loaded(a)).toEqual(await live(a));

    // Another store's sync file (another device, say) is not paired with this crypto store.
    const b = await harness();
    await apply(b, { kind: "sync", value: 99 });
    await b.writer.save({ withSync: true, compact: false });
    await writeFile(a.files.syncFile, await readFile(b.files.syncFile));
    const result = await loadStore(a.files, storeKey);
    expect(result.ok && result.value?.syncFileIgnored).toBe("it belongs to another store");
    expect(result.ok && result.value?.snapshot.databases.map((db) => db.name)).not.toContain("sync");
    a.tracker.stop();
    b.tracker.stop();
  });
});
