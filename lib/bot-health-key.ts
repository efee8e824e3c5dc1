/**
 * Where a bot publishes its health in Redis: the one contract between the bots (which write
 * it, bots/runtime/health) and the hub (which reads it for /ready and /metrics), so neither
 * reaches into the other.
 */
/** The Redis prefix the network's bots run under, unless told otherwise; the hub reads it. */
export const NETWORK_BOTS_REDIS_PREFIX = "meridian";

export function botHealthKey(redisPrefix: string, botId: string): string {
  return `${redisPrefix}:health:bot:${botId}`;
}

/** The health document a bot publishes. */
export interface PublishedBotHealth {
  botId: string;
  synced: boolean;
  redis: boolean;
  queues: Record<string, { waiting: number; delayed: number; active: number; failed: number }>;
  handled: number;
  at: string;
}

/** A bot's last heartbeat, or undefined when there is none (stopped, dead, never started) or it is unreadable. */
export async function readBotHealth(
  redis: { get(key: string): Promise<string | null> },
  key: string,
): Promise<PublishedBotHealth | undefined> {
  const raw = await redis.get(key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as PublishedBotHealth;
  } catch {
    return undefined;
  }
}
