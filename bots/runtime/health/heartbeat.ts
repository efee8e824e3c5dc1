/**
 * Bots publish their health into Redis every few seconds (a key with a short expiry), and the
 * hub reads it for /ready and /metrics: the hub never reaches into a bot process, and a bot
 * that dies simply stops renewing its key.
 */
import type { Redis } from "ioredis";
import type { Logger } from "../../../lib/logger.ts";
import type { PublishedBotHealth } from "../../../lib/bot-health-key.ts";

export type BotHealth = PublishedBotHealth;

export const HEARTBEAT_INTERVAL_MS = 5_000;
const HEARTBEAT_TTL_SECONDS = 15;

/** Publishes `read()` every interval until the returned stop function is called. */
export function startHeartbeat(
  redis: Redis,
  key: string,
  read: () => Promise<BotHealth>,
  logger: Logger,
  intervalMs = HEARTBEAT_INTERVAL_MS,
): () => Promise<void> {
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  const beat = (): void => {
    inFlight = read()
      .then((health) => redis.set(key, JSON.stringify(health), "EX", HEARTBEAT_TTL_SECONDS))
      .then(() => undefined)
      .catch((error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, "heartbeat failed");
      });
  };
  beat();
  const timer = setInterval(() => {
    if (!stopped) beat();
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await inFlight;
    // A stopped bot is not ready: remove the key rather than let it linger until expiry.
    await redis.del(key).catch(() => 0);
  };
}
