import { describe, expect, it } from "vitest";
import { IDBFactory } from "fake-indexeddb";
import {
  decodeSnapshot,
  encodeSnapshot,
  listDatabases,
  requestDeletion,
  restoreSnapshot,
  takeSnapshot,
} from "../../../../bots/runtime/identity/indexeddb-snapshot.ts";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error("request failed"));
    };
  });
}

async function seed(factory: IDBFactory): Promise<void> {
  const open = factory.open("bot-a::crypto", 7);
  open.onupgradeneeded = () => {
    const db = open.result;
    const inline = db.createObjectStore("sessions", { keyPath: ["room", "id"] });
    inline.createIndex("by-room", "room", { unique: false });
    db.createObjectStore("counters", { autoIncrement: true });
    db.createObjectStore("kv");
  };
  const db = await request(open);
  const tx = db.transaction(["sessions", "counters", "kv"], "readwrite");
  tx.objectStore("sessions").put({ room: "!r", id: "s1", pickle: new Uint8Array([1, 2, 3]) });
  tx.objectStore("counters").put({ n: 1 });
  tx.objectStore("counters").put({ n: 2 });
  tx.objectStore("kv").put(new Map([["a", 1]]), "map");
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
  const other = await request(factory.open("someone-else", 1));
  other.close();
}

describe("IndexedDB snapshots", () => {
  it("restores schema and records into an empty factory, through v8 bytes", async () => {
    const source = new IDBFactory();
    await seed(source);
    const names = await listDatabases(source, (name) => name.startsWith("bot-a::"));
    expect(names).toEqual(["bot-a::crypto"]);
    const bytes = encodeSnapshot(await takeSnapshot(source, names));
    const snapshot = decodeSnapshot(bytes);
    if (snapshot === undefined) throw new Error("snapshot did not decode");

    const target = new IDBFactory();
    await restoreSnapshot(target, snapshot);
    const db = await request(target.open("bot-a::crypto"));
    expect(db.version).toBe(7);
    const tx = db.transaction(["sessions", "counters", "kv"], "readonly");
    const session = (await request(tx.objectStore("sessions").index("by-room").get("!r"))) as {
      pickle: Uint8Array;
    };
    expect(session.pickle).toEqual(new Uint8Array([1, 2, 3]));
    expect(await request(tx.objectStore("counters").getAllKeys())).toEqual([1, 2]);
    expect(await request(tx.objectStore("kv").get("map"))).toEqual(new Map([["a", 1]]));
    db.close();

    // The key generator continues after the restored keys.
    const write = await request(target.open("bot-a::crypto"));
    const key = await request(
      write.transaction("counters", "readwrite").objectStore("counters").add({ n: 3 }),
    );
    expect(key).toBe(3);
    write.close();
  });

  it("deletes databases, and rejects bytes that are not a snapshot", async () => {
    const factory = new IDBFactory();
    await seed(factory);
    const blocked: string[] = [];
    requestDeletion(factory, ["bot-a::crypto"], (name) => blocked.push(name));
    // Deletion completes asynchronously: a database opened afterwards is queued behind it.
    const probe = await request(factory.open("probe", 1));
    probe.close();
    expect(await listDatabases(factory, (name) => name !== "probe")).toEqual(["someone-else"]);
    expect(blocked).toEqual([]);
    expect(decodeSnapshot(Buffer.from("nonsense"))).toBeUndefined();
  });
});
