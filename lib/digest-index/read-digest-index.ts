/**
 * The hub's side of the index: reads that skip (and count) whatever does not parse, so one
 * bad key costs one item, not the page.
 */
import type { Redis } from "ioredis";
import type { DigestIndexKeys } from "./digest-index-keys.ts";
import { parseDigestChange, parsePublishedEdition, parsePublishedItem } from "./parse-published.ts";
import type { DigestChange, PublishedDigestItem, PublishedEdition } from "./published-item.ts";

export interface IndexRead<T> {
  readonly values: readonly T[];
  /** Ids listed but missing or malformed. */
  readonly skipped: readonly string[];
}

async function readMany<T>(
  redis: Redis,
  ids: readonly string[],
  keyOf: (id: string) => string,
  parse: (text: string | null) => T | undefined,
): Promise<IndexRead<T>> {
  if (ids.length === 0) return { values: [], skipped: [] };
  const texts = await redis.mget(...ids.map(keyOf));
  const values: T[] = [];
  const skipped: string[] = [];
  ids.forEach((id, index) => {
    const value = parse(texts[index] ?? null);
    if (value === undefined) skipped.push(id);
    else values.push(value);
  });
  return { values, skipped };
}

/** Every published item, newest first. */
export async function readPublishedItems(
  redis: Redis,
  keys: DigestIndexKeys,
): Promise<IndexRead<PublishedDigestItem>> {
  const ids = await redis.zrevrange(keys.items, 0, -1);
  return readMany(redis, ids, (id) => keys.item(id), parsePublishedItem);
}

export async function readPublishedItem(
  redis: Redis,
  keys: DigestIndexKeys,
  id: string,
): Promise<PublishedDigestItem | undefined> {
  return parsePublishedItem(await redis.get(keys.item(id)));
}

/** Every edition, newest first. */
export async function readPublishedEditions(
  redis: Redis,
  keys: DigestIndexKeys,
): Promise<IndexRead<PublishedEdition>> {
  const ids = await redis.zrevrange(keys.editions, 0, -1);
  return readMany(redis, ids, (id) => keys.edition(id), parsePublishedEdition);
}

export async function readPublishedEdition(
  redis: Redis,
  keys: DigestIndexKeys,
  id: string,
): Promise<PublishedEdition | undefined> {
  return parsePublishedEdition(await redis.get(keys.edition(id)));
}

/**
 * Calls `onChange` for each announced change until the returned function is called.
 * `subscriber` must be a connection of its own (a subscribed client can do nothing else).
 */
export async function subscribeDigestChanges(
  subscriber: Redis,
  keys: DigestIndexKeys,
  onChange: (change: DigestChange) => void,
): Promise<() => Promise<void>> {
  const listener = (channel: string, message: string): void => {
    if (channel !== keys.changes) return;
    const change = parseDigestChange(message);
    if (change !== undefined) onChange(change);
  };
  subscriber.on("message", listener);
  await subscriber.subscribe(keys.changes);
  return async () => {
    subscriber.off("message", listener);
    await subscriber.unsubscribe(keys.changes);
  };
}
