/**
 * One subscriber connection shared by every request waiting for its answer: a single
 * `message` listener hands each message to the waiter of its channel, so a thousand pending
 * requests cost a thousand subscriptions, not a thousand connections or listeners.
 *
 * A connection that has subscribed can only subscribe, so it must be a dedicated one
 * (`redis.duplicate()`), owned by whoever creates the listener.
 */
import type { Redis } from "ioredis";

/** Waits for the first message on channels it listens to. */
export interface ReplyListener {
  /**
   * Subscribes to `channel`, resolving once Redis has confirmed it: a message published
   * after that cannot be missed, even if nobody has called `next` yet.
   */
  listen(channel: string): Promise<PendingReply>;
  /** Stops dispatching and closes the connection; pending waits resolve as timed out. */
  close(): Promise<void>;
}

/** One channel being listened to. */
export interface PendingReply {
  /** The first message on the channel, or undefined if none came within `timeoutMs`. */
  next(timeoutMs: number): Promise<string | undefined>;
  /** Unsubscribes; call once the answer (or the wait) is over. */
  end(): Promise<void>;
}

interface Waiter {
  message: string | undefined;
  deliver: ((message: string | undefined) => void) | undefined;
}

/** A listener on `subscriber`, which it then owns (and closes). */
export function createReplyListener(subscriber: Redis): ReplyListener {
  const waiters = new Map<string, Waiter>();
  const onMessage = (channel: string, message: string): void => {
    const waiter = waiters.get(channel);
    if (waiter === undefined) return;
    if (waiter.deliver === undefined) waiter.message ??= message;
    else waiter.deliver(message);
  };
  subscriber.on("message", onMessage);

  return {
    async listen(channel) {
      // Channels carry a fresh UUID each; a second listener on one is a bug in the caller.
      if (waiters.has(channel)) throw new Error(`already listening on a reply channel`);
      const waiter: Waiter = { message: undefined, deliver: undefined };
      waiters.set(channel, waiter);
      try {
        await subscriber.subscribe(channel);
      } catch (error: unknown) {
        waiters.delete(channel);
        throw error;
      }
      return {
        next: (timeoutMs) => {
          if (waiter.message !== undefined) return Promise.resolve(waiter.message);
          return new Promise((resolve) => {
            const timer = setTimeout(() => {
              waiter.deliver = undefined;
              resolve(undefined);
            }, timeoutMs);
            waiter.deliver = (message) => {
              clearTimeout(timer);
              waiter.deliver = undefined;
              resolve(message);
            };
          });
        },
        end: async () => {
          waiters.delete(channel);
          // A failed unsubscribe (Redis gone) leaves a subscription to a channel no one will
          // publish on again, and a reconnect drops it anyway: not worth failing the caller for.
          await subscriber.unsubscribe(channel).catch(() => undefined);
        },
      };
    },
    close() {
      subscriber.off("message", onMessage);
      for (const waiter of waiters.values()) waiter.deliver?.(undefined);
      waiters.clear();
      // Nothing to flush on a connection that only subscribes: drop it rather than QUIT,
      // which would first connect one that never did (it may be lazy).
      subscriber.disconnect();
      return Promise.resolve();
    },
  };
}
