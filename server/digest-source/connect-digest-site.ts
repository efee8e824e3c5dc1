/**
 * Builds the digest site's sources for the hub's composition root: the cached index the
 * routes read, and (given a subscriber connection) the live link from the digest bot's
 * announcements to the cache and to open pages.
 */
import type { Redis } from "ioredis";
import type { Server as SocketIoServer } from "socket.io";
import { digestIndexKeys, type DigestIndexKeys } from "../../lib/digest-index/index.ts";
import type { Logger } from "../../lib/logger.ts";
import type { DigestSiteNetwork } from "../digest-site/digest-site-network.ts";
import { searchNamesOf } from "../digest-site/search-names.ts";
import { type CachedDigestIndex, cachedDigestIndex } from "./cached-digest-index.ts";
import { openDigestSocketRoom } from "./digest-socket-room.ts";
import { followDigestChanges } from "./follow-digest-changes.ts";

/**
 * Longest a snapshot is served without reading Redis again. With announcements it only
 * matters if one is lost; without them it bounds how late a withdrawal shows, and with the
 * pages' `max-age=60` keeps that within about a minute.
 */
export const SNAPSHOT_MAX_AGE_MS = { followed: 30_000, unfollowed: 5_000 } as const;

/** What the digest routes read. */
export type DigestSite = {
  readonly index: CachedDigestIndex;
  readonly network: DigestSiteNetwork;
  /** The hub's public URL, for absolute links in feeds; undefined to use the request's host. */
  readonly publicUrl: string | undefined;
};

/** The Redis the digest bot publishes to, and its prefix; a subscriber connection for live updates. */
export type DigestIndexDeps = {
  readonly redis: Redis;
  readonly redisPrefix: string;
  /** A connection of its own (a subscribed client can do nothing else); without it no live updates. */
  readonly subscriber?: Redis;
};

export type DigestSiteSources = {
  readonly site: DigestSite;
  readonly keys: DigestIndexKeys;
  /** Links announcements to the cache and `io`'s digest room; resolves with how to stop. */
  connectLive(io: SocketIoServer): Promise<{ stop(): Promise<void> }>;
};

export function digestSiteSources(
  deps: DigestIndexDeps,
  network: DigestSiteNetwork,
  publicUrl: string | undefined,
  logger: Logger,
): DigestSiteSources {
  const keys = digestIndexKeys(deps.redisPrefix, network.network.id);
  const subscriber = deps.subscriber;
  const index = cachedDigestIndex({
    redis: deps.redis,
    keys,
    logger,
    maxAgeMs: subscriber === undefined ? SNAPSHOT_MAX_AGE_MS.unfollowed : SNAPSHOT_MAX_AGE_MS.followed,
    searchNames: searchNamesOf(network),
  });
  return {
    site: { index, network, publicUrl },
    keys,
    connectLive: async (io) => {
      if (subscriber === undefined) return { stop: () => Promise.resolve() };
      const room = openDigestSocketRoom(io);
      const followed = await followDigestChanges(
        subscriber,
        keys,
        {
          onChange: (change) => {
            // Invalidate first: a page reloaded because of the announcement must see the change.
            index.invalidate();
            room.announce(change);
          },
          onResync: () => {
            index.invalidate();
          },
        },
        logger,
      );
      return {
        stop: async () => {
          room.close();
          await followed.stop();
        },
      };
    },
  };
}
