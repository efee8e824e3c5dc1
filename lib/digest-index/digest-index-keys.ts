/**
 * Where the digest bot publishes its items in Redis: the contract between the bot (which
 * writes) and the hub (which reads), like lib/convening-index/index-keys.ts. Scoped by prefix
 * and network id, so two networks (or two tests) sharing a Redis never see each other's items.
 * Only published text lives here: what the public site shows anyway.
 *
 * Layout, under `<prefix>:digest-index:<networkId>`:
 * - `item:<id>`: JSON {@link PublishedDigestItem}
 * - `items`: sorted set of item ids by publication time
 * - `edition:<id>`: JSON {@link PublishedEdition}
 * - `editions`: sorted set of edition ids by closing time
 * - `changes`: the pub/sub channel announcing each change ({@link DigestChange})
 */

export interface DigestIndexKeys {
  readonly base: string;
  item(id: string): string;
  readonly items: string;
  edition(id: string): string;
  readonly editions: string;
  readonly changes: string;
}

export function digestIndexKeys(redisPrefix: string, networkId: string): DigestIndexKeys {
  // Segments are percent-encoded: a ":" in an id cannot make two keys meet.
  const base = `${redisPrefix}:digest-index:${encodeURIComponent(networkId)}`;
  return {
    base,
    item: (id) => `${base}:item:${encodeURIComponent(id)}`,
    items: `${base}:items`,
    edition: (id) => `${base}:edition:${encodeURIComponent(id)}`,
    editions: `${base}:editions`,
    changes: `${base}:changes`,
  };
}
