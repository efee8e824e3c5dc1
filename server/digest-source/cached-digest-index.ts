/**
 * The digest index as the site reads it: a snapshot held in memory and read again from
 * Redis only after a change was announced (or, as a safety net for a lost announcement,
 * once it is `maxAgeMs` old). Rendered pages are kept with the snapshot they were rendered
 * from, so a page is built once per change, not once per request; a new snapshot drops them.
 *
 * When Redis cannot be read, a snapshot that is merely old is served (and the failure
 * logged) rather than an error page; one made stale by an announcement is not, since the
 * announcement may be a withdrawal, and a withdrawn item must not be shown again.
 */
import type { Redis } from "ioredis";
import {
  type DigestIndexKeys,
  readPublishedEditions,
  readPublishedItems,
} from "../../lib/digest-index/index.ts";
import type { PublishedDigestItem } from "../../lib/digest-index/index.ts";
import type { Logger } from "../../lib/logger.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import { type DigestSnapshot, digestSnapshotOf } from "../digest-site/digest-snapshot.ts";

/** Most rendered pages kept per snapshot; the oldest is dropped first. */
export const PAGE_CACHE_ENTRIES = 256;

/** A body ready to send, with its entity tag. */
export type RenderedBody = { readonly body: Buffer; readonly etag: string; readonly contentType: string };

/** A snapshot and the pages rendered from it. */
export type DigestView = {
  readonly snapshot: DigestSnapshot;
  /** The page cached under `key`, or renders it with `render` and keeps it. */
  page(key: string, render: () => RenderedBody): RenderedBody;
};

export type CachedDigestIndex = {
  /** The current view, read from Redis first if the last one is stale; "unavailable" when it cannot be. */
  current(): Promise<Result<DigestView, "unavailable">>;
  /** Marks the current view stale: the index changed. */
  invalidate(): void;
};

export type CachedDigestIndexOptions = {
  readonly redis: Redis;
  readonly keys: DigestIndexKeys;
  readonly logger: Logger;
  /** Longest a snapshot is served without a re-read, announcements or not. */
  readonly maxAgeMs: number;
  readonly searchNames?: (item: PublishedDigestItem) => readonly string[];
  readonly now?: () => number;
};

export function cachedDigestIndex(options: CachedDigestIndexOptions): CachedDigestIndex {
  const now = options.now ?? Date.now;
  // Bumped by each announcement; a read started before the bump does not count as fresh.
  let generation = 0;
  let held: { view: DigestView; generation: number; readAt: number } | undefined;
  let reading: { promise: Promise<DigestView>; generation: number } | undefined;

  const read = async (): Promise<DigestView> => {
    const started = generation;
    const readAt = now();
    const [items, editions] = await Promise.all([
      readPublishedItems(options.redis, options.keys),
      readPublishedEditions(options.redis, options.keys),
    ]);
    const skipped = [...items.skipped, ...editions.skipped];
    if (skipped.length > 0)
      options.logger.warn(
        { skipped: skipped.slice(0, 20), count: skipped.length },
        "unreadable digest index entries left out",
      );
    const view = viewOf(digestSnapshotOf(items.values, editions.values, options.searchNames));
    // A slow read must not replace what a read started after it already stored.
    if (held === undefined || started >= held.generation) held = { view, generation: started, readAt };
    return view;
  };

  return {
    current: async () => {
      if (held !== undefined && held.generation === generation && now() - held.readAt < options.maxAgeMs)
        return ok(held.view);
      let pending = reading;
      if (pending?.generation !== generation) {
        const promise = read().finally(() => {
          if (reading?.promise === promise) reading = undefined;
        });
        pending = { promise, generation };
        reading = pending;
      }
      try {
        return ok(await pending.promise);
      } catch (error: unknown) {
        const fallback = held?.generation === generation ? held.view : undefined;
        options.logger.warn(
          { err: error, servingOlder: fallback !== undefined },
          "digest index could not be read",
        );
        return fallback === undefined ? err("unavailable") : ok(fallback);
      }
    },
    invalidate: () => {
      generation++;
    },
  };
}

function viewOf(snapshot: DigestSnapshot): DigestView {
  const pages = new Map<string, RenderedBody>();
  return {
    snapshot,
    page: (key, render) => {
      const cached = pages.get(key);
      if (cached !== undefined) return cached;
      const rendered = render();
      if (pages.size >= PAGE_CACHE_ENTRIES) {
        const oldest = pages.keys().next();
        if (oldest.done !== true) pages.delete(oldest.value);
      }
      pages.set(key, rendered);
      return rendered;
    },
  };
}
