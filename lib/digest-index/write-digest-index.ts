/**
 * The digest bot's side of the index. Each write is one MULTI (so the hub never reads an item
 * without its place in the list, or the reverse), then an announcement on the channel for the
 * hub's open pages. Writes are idempotent: a retried publish stores the same thing again.
 */
import type { Redis } from "ioredis";
import type { DigestIndexKeys } from "./digest-index-keys.ts";
import { parsePublishedEdition, parsePublishedItem } from "./parse-published.ts";
import type { DigestChange, PublishedDigestItem, PublishedEdition } from "./published-item.ts";

async function announce(redis: Redis, keys: DigestIndexKeys, change: DigestChange): Promise<void> {
  await redis.publish(keys.changes, JSON.stringify(change));
}

export async function putPublishedItem(
  redis: Redis,
  keys: DigestIndexKeys,
  item: PublishedDigestItem,
): Promise<void> {
  await redis
    .multi()
    .set(keys.item(item.id), JSON.stringify(item))
    .zadd(keys.items, item.publishedAt, item.id)
    .exec();
  await announce(redis, keys, { kind: "published", item: item.id });
}

/**
 * Takes an item off the index and out of every edition that lists it. Removing an item that
 * is not there is fine (a retried withdrawal).
 */
export async function removePublishedItem(
  redis: Redis,
  keys: DigestIndexKeys,
  itemId: string,
  editions: readonly string[],
): Promise<void> {
  const stored = parsePublishedItem(await redis.get(keys.item(itemId)));
  const editionIds = [...new Set([...editions, ...(stored?.edition === undefined ? [] : [stored.edition])])];
  const multi = redis.multi().del(keys.item(itemId)).zrem(keys.items, itemId);
  for (const id of editionIds) {
    const edition = parsePublishedEdition(await redis.get(keys.edition(id)));
    if (edition === undefined) continue;
    const next: PublishedEdition = { ...edition, items: edition.items.filter((entry) => entry !== itemId) };
    multi.set(keys.edition(id), JSON.stringify(next));
  }
  await multi.exec();
  await announce(redis, keys, { kind: "removed", item: itemId });
}

/** Stores an edition and marks each of its items as collected by it. */
export async function putPublishedEdition(
  redis: Redis,
  keys: DigestIndexKeys,
  edition: PublishedEdition,
): Promise<void> {
  const multi = redis
    .multi()
    .set(keys.edition(edition.id), JSON.stringify(edition))
    .zadd(keys.editions, edition.closedAt, edition.id);
  for (const id of edition.items) {
    const item = parsePublishedItem(await redis.get(keys.item(id)));
    if (item !== undefined) multi.set(keys.item(id), JSON.stringify({ ...item, edition: edition.id }));
  }
  await multi.exec();
  await announce(redis, keys, { kind: "edition", edition: edition.id });
}
