/** The event ledger against a real Redis (its own redis-server, not the devnet's). */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventId, RoomId } from "../../../../lib/matrix-ids.ts";
import { createEventLedger, type EventLedger } from "../../../../bots/runtime/ledger/index.ts";
import { startRedisServer, type RedisServer } from "../../../support/redis-server.ts";

let server: RedisServer;
const clients: Redis[] = [];

function client(): Redis {
  const redis = new Redis(server.url);
  clients.push(redis);
  return redis;
}

function ledger(options: { claimTtlMs?: number; prefix?: string; redis?: Redis } = {}): EventLedger {
  return createEventLedger(options.redis ?? client(), {
    prefix: options.prefix ?? `test-${randomUUID()}`,
    claimTtlMs: options.claimTtlMs ?? 60_000,
  });
}

const eventId = (): EventId => `$${randomUUID()}` as EventId;
const room = "!room:127.0.0.11:18448" as RoomId;

beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(clients.map((redis) => redis.quit()));
  await server.stop();
});

describe("event ledger claims", () => {
  it("claims a new event, reports busy while leased and done once marked", async () => {
    const events = ledger();
    const id = eventId();
    expect(await events.claim(id)).toBe("claimed");
    expect(await events.claim(id)).toBe("busy");
    expect(await events.isDone(id)).toBe(false);
    await events.markDone(id);
    expect(await events.isDone(id)).toBe(true);
    expect(await events.claim(id)).toBe("done");
  });

  it("lets another worker claim once the lease expires (the first one died)", async () => {
    const prefix = `test-${randomUUID()}`;
    const dead = ledger({ prefix, claimTtlMs: 150 });
    const restarted = ledger({ prefix, claimTtlMs: 150 });
    const id = eventId();
    expect(await dead.claim(id)).toBe("claimed");
    expect(await restarted.claim(id)).toBe("busy");
    // Poll for the expiry rather than sleeping a guessed time.
    const deadline = Date.now() + 5_000;
    let outcome = await restarted.claim(id);
    while (outcome === "busy" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      outcome = await restarted.claim(id);
    }
    expect(outcome).toBe("claimed");
  });

  it("release frees the event for a retry, but never drops a lease another worker took over", async () => {
    const prefix = `test-${randomUUID()}`;
    const first = ledger({ prefix });
    const second = ledger({ prefix });
    const id = eventId();
    expect(await first.claim(id)).toBe("claimed");
    await first.release(id);
    expect(await second.claim(id)).toBe("claimed");
    await first.release(id); // late release from the old owner: must be a no-op
    expect(await first.claim(id)).toBe("busy");
  });

  it("keeps done records with a TTL and no content in the keys", async () => {
    const redis = client();
    const prefix = `test-${randomUUID()}`;
    const events = createEventLedger(redis, { prefix, doneTtlSeconds: 3600 });
    const id = eventId();
    await events.claim(id);
    await events.markDone(id);
    const keys = await redis.keys(`${prefix}:*`);
    expect(keys).toEqual([`${prefix}:ledger:done:${id}`]);
    const ttl = await redis.ttl(keys[0]!);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("two workers on separate connections racing for one event: exactly one wins", async () => {
    const prefix = `test-${randomUUID()}`;
    const a = ledger({ prefix });
    const b = ledger({ prefix });
    for (let round = 0; round < 20; round++) {
      const id = eventId();
      const outcomes = await Promise.all([a.claim(id), b.claim(id)]);
      expect(outcomes.sort()).toEqual(["busy", "claimed"]);
    }
  });

  it("100 parallel claims on one id across 4 connections: exactly one claimed", async () => {
    const prefix = `test-${randomUUID()}`;
    const workers = Array.from({ length: 4 }, () => ledger({ prefix }));
    const id = eventId();
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => workers[i % workers.length]!.claim(id)),
    );
    expect(outcomes.filter((o) => o === "claimed")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "busy")).toHaveLength(99);
  });
});

describe("event ledger pending set", () => {
  it("returns pending events oldest first, with their rooms, until done or removed", async () => {
    const events = ledger();
    const [e1, e2, e3] = [eventId(), eventId(), eventId()];
    const otherRoom = "!other:127.0.0.12:18448" as RoomId;
    expect(await events.enqueue(room, e2, 2000)).toBe(true);
    expect(await events.enqueue(otherRoom, e1, 1000)).toBe(true);
    expect(await events.enqueue(room, e3, 3000)).toBe(true);
    // A redelivery (e.g. sync replay) keeps the original timestamp.
    expect(await events.enqueue(room, e2, 9000)).toBe(true);

    expect(await events.pending(10)).toEqual([
      { eventId: e1, roomId: otherRoom, ts: 1000 },
      { eventId: e2, roomId: room, ts: 2000 },
      { eventId: e3, roomId: room, ts: 3000 },
    ]);
    expect((await events.pending(2)).map((p) => p.eventId)).toEqual([e1, e2]);

    await events.claim(e1);
    await events.markDone(e1);
    await events.remove(e3);
    expect(await events.pending(10)).toEqual([{ eventId: e2, roomId: room, ts: 2000 }]);
  });

  it("does not enqueue an event already done", async () => {
    const events = ledger();
    const id = eventId();
    await events.claim(id);
    await events.markDone(id);
    expect(await events.enqueue(room, id, 1)).toBe(false);
    expect(await events.pending(10)).toEqual([]);
  });

  it("survives a new ledger instance (a restarted bot finds what it had not handled)", async () => {
    const prefix = `test-${randomUUID()}`;
    const id = eventId();
    await ledger({ prefix }).enqueue(room, id, 42);
    expect(await ledger({ prefix }).pending(5)).toEqual([{ eventId: id, roomId: room, ts: 42 }]);
  });
});
