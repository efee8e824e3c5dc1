/**
 * Exactly-once handling of incoming Matrix events, shared by every process of one bot.
 *
 * `claim` takes a short lease (not a permanent mark) so that a bot killed mid-handling does not
 * lose the event: the lease expires and the restarted bot claims it again. That second attempt
 * is safe because replies carry `transactionIdFor(eventId)`, which the homeserver deduplicates.
 * `markDone` then records the event for `doneTtlSeconds`, longer than any sync replay.
 *
 * Keys hold event and room ids only: message bodies are decrypted in memory and never stored.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { EventId, RoomId } from "../../../lib/matrix-ids.ts";
import { CLAIM_SCRIPT, ENQUEUE_SCRIPT, PENDING_SCRIPT, RELEASE_SCRIPT } from "./ledger-scripts.ts";

export type ClaimOutcome = "claimed" | "done" | "busy";

/** An event received but not yet handled; the runtime refetches and decrypts it by id. */
export interface PendingEvent {
  readonly roomId: RoomId;
  readonly eventId: EventId;
  /** origin_server_ts, used to order replay and to drop events that are too old. */
  readonly ts: number;
}

export interface EventLedgerOptions {
  /** Key prefix, unique per bot, e.g. "meridian:convene". */
  readonly prefix: string;
  /** How long a handled event stays recorded. Default 30 days. */
  readonly doneTtlSeconds?: number;
  /** How long a claim holds before another process may take the event over. Default 2 minutes. */
  readonly claimTtlMs?: number;
}

export interface EventLedger {
  /** "claimed": handle it now; "done": already handled; "busy": another worker holds it. */
  claim(eventId: EventId): Promise<ClaimOutcome>;
  /** Records the event as handled, drops the lease and removes it from the pending set. */
  markDone(eventId: EventId): Promise<void>;
  /** Gives up this process's lease (e.g. a handler failed and should be retried later). */
  release(eventId: EventId): Promise<void>;
  isDone(eventId: EventId): Promise<boolean>;
  /** Remembers a received event until it is done; false if it was already done. */
  enqueue(roomId: RoomId, eventId: EventId, ts: number): Promise<boolean>;
  /** Up to `limit` pending events, oldest first. */
  pending(limit: number): Promise<PendingEvent[]>;
  /** Forgets a pending event without marking it done (e.g. it was too old to handle). */
  remove(eventId: EventId): Promise<void>;
}

const DEFAULT_DONE_TTL_SECONDS = 30 * 24 * 3600;
const DEFAULT_CLAIM_TTL_MS = 2 * 60_000;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** An event ledger stored in Redis under `<prefix>:ledger:`. */
export function createEventLedger(redis: Redis, options: EventLedgerOptions): EventLedger {
  const doneTtl = positiveInteger("doneTtlSeconds", options.doneTtlSeconds ?? DEFAULT_DONE_TTL_SECONDS);
  const claimTtl = positiveInteger("claimTtlMs", options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS);
  if (options.prefix === "") throw new Error("prefix must not be empty");
  // Identifies this process's leases so that a late release cannot drop a lease that expired
  // and was since taken by another worker.
  const owner = randomUUID();
  const base = `${options.prefix}:ledger`;
  const doneKey = (id: EventId): string => `${base}:done:${id}`;
  const leaseKey = (id: EventId): string => `${base}:lease:${id}`;
  const pendingKey = `${base}:pending`;
  const pendingRoomsKey = `${base}:pending-rooms`;

  return {
    async claim(eventId) {
      const outcome = await redis.eval(CLAIM_SCRIPT, 2, doneKey(eventId), leaseKey(eventId), owner, claimTtl);
      if (outcome === "claimed" || outcome === "done" || outcome === "busy") return outcome;
      throw new Error(`unexpected claim reply from Redis: ${String(outcome)}`);
    },

    async markDone(eventId) {
      await redis
        .multi()
        .set(doneKey(eventId), "1", "EX", doneTtl)
        .del(leaseKey(eventId))
        .zrem(pendingKey, eventId)
        .hdel(pendingRoomsKey, eventId)
        .exec();
    },

    async release(eventId) {
      await redis.eval(RELEASE_SCRIPT, 1, leaseKey(eventId), owner);
    },

    async isDone(eventId) {
      return (await redis.exists(doneKey(eventId))) === 1;
    },

    async enqueue(roomId, eventId, ts) {
      const queued = await redis.eval(
        ENQUEUE_SCRIPT,
        3,
        doneKey(eventId),
        pendingKey,
        pendingRoomsKey,
        eventId,
        ts,
        roomId,
      );
      return queued === 1;
    },

    async pending(limit) {
      positiveInteger("limit", limit);
      const flat: unknown = await redis.eval(PENDING_SCRIPT, 2, pendingKey, pendingRoomsKey, limit);
      if (!Array.isArray(flat) || !flat.every((item) => typeof item === "string"))
        throw new Error("unexpected pending reply from Redis");
      const events: PendingEvent[] = [];
      for (let i = 0; i + 2 < flat.length; i += 3) {
        const [eventId, ts, roomId] = [flat[i], flat[i + 1], flat[i + 2]];
        // A room id missing means a concurrent remove: skip rather than return half an entry.
        if (eventId === undefined || ts === undefined || roomId === undefined || roomId === "") continue;
        events.push({ eventId: eventId as EventId, roomId: roomId as RoomId, ts: Number(ts) });
      }
      return events;
    },

    async remove(eventId) {
      await redis.multi().zrem(pendingKey, eventId).hdel(pendingRoomsKey, eventId).exec();
    },
  };
}
