/**
 * Where a bot publishes its health in Redis: the one contract between the bots (which write
 * it, bots/runtime/health) and the hub (which reads it for /ready and /metrics), so neither
 * reaches into the other.
 */
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
