/**
 * Follows the digest bot's announcements on a subscriber connection of its own: each one
 * invalidates the cached index and is passed on to open pages. A reconnect also invalidates,
 * since announcements made while disconnected are lost (ioredis re-subscribes by itself).
 *
 * Starting never blocks the hub for long: if Redis is not there yet, the subscription is
 * made when the connection becomes ready, and meanwhile the cache's age limit keeps pages fresh.
 */
import type { Redis } from "ioredis";
import {
  type DigestChange,
  type DigestIndexKeys,
  subscribeDigestChanges,
} from "../../lib/digest-index/index.ts";
import type { Logger } from "../../lib/logger.ts";

/** Longest `followDigestChanges` waits for the first subscription (and `stop` for unsubscribing). */
export const SUBSCRIBE_WAIT_MS = 2_000;

export type DigestChangeHandlers = {
  /** An announced change. */
  onChange(change: DigestChange): void;
  /** Changes may have been missed (the connection was re-established). */
  onResync(): void;
};

export type FollowedChanges = { stop(): Promise<void> };

/** Subscribes to `keys.changes` on `subscriber` and resolves once subscribed or after {@link SUBSCRIBE_WAIT_MS}. */
export async function followDigestChanges(
  subscriber: Redis,
  keys: DigestIndexKeys,
  handlers: DigestChangeHandlers,
  logger: Logger,
): Promise<FollowedChanges> {
  let unsubscribe: (() => Promise<void>) | undefined;
  let attempt: Promise<void> | undefined;
  let stopped = false;

  const subscribe = (): Promise<void> => {
    attempt ??= subscribeDigestChanges(subscriber, keys, (change) => {
      handlers.onChange(change);
    })
      .then((done) => {
        unsubscribe = done;
        if (stopped) void done().catch(() => undefined);
      })
      .catch((error: unknown) => {
        attempt = undefined;
        logger.warn({ err: error }, "could not subscribe to digest changes; will retry on reconnect");
      });
    return attempt;
  };
  const onReady = (): void => {
    handlers.onResync();
    if (unsubscribe === undefined && !stopped) void subscribe();
  };
  subscriber.on("ready", onReady);

  await within(subscribe(), SUBSCRIBE_WAIT_MS);
  return {
    stop: async () => {
      stopped = true;
      subscriber.off("ready", onReady);
      if (unsubscribe !== undefined)
        await within(
          unsubscribe().catch(() => undefined),
          SUBSCRIBE_WAIT_MS,
        );
    },
  };
}

/** Waits for `promise`, but no longer than `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}
