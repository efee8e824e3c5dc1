/**
 * Bot gauges on the hub's /metrics, read from the heartbeats the bots publish in Redis at
 * scrape time: synced or not, seconds since the last heartbeat, commands handled, and job
 * queue depths. The hub never talks to a bot process.
 */
import { Gauge, type Registry } from "prom-client";
import type { PublishedBotHealth } from "../lib/bot-health-key.ts";

export interface BotHealthSource {
  botIds: readonly string[];
  read(botId: string): Promise<PublishedBotHealth | undefined>;
}

type Snapshot = ReadonlyMap<string, PublishedBotHealth | undefined>;

export function registerBotMetrics(registry: Registry, source: BotHealthSource): void {
  // One Redis read per bot per scrape, shared by every gauge below.
  let cached: { at: number; value: Promise<Snapshot> } | undefined;
  const snapshot = (): Promise<Snapshot> => {
    if (cached === undefined || Date.now() - cached.at > 1_000) {
      cached = {
        at: Date.now(),
        value: Promise.all(
          source.botIds.map(async (id) => [id, await source.read(id).catch(() => undefined)] as const),
        ).then((entries) => new Map(entries)),
      };
    }
    return cached.value;
  };
  const perBot = (
    name: string,
    help: string,
    value: (health: PublishedBotHealth | undefined) => number,
  ): void => {
    new Gauge({
      name,
      help,
      labelNames: ["bot"],
      registers: [registry],
      async collect() {
        for (const [bot, health] of await snapshot()) this.set({ bot }, value(health));
      },
    });
  };
  perBot("meridian_bot_synced", "1 when the bot's last heartbeat says it is synced", (h) =>
    h?.synced === true ? 1 : 0,
  );
  perBot(
    "meridian_bot_commands_handled",
    "Commands the bot has handled since it started",
    (h) => h?.handled ?? 0,
  );
  perBot("meridian_bot_heartbeat_age_seconds", "Seconds since the bot's last heartbeat (-1: none)", (h) =>
    h === undefined ? -1 : (Date.now() - Date.parse(h.at)) / 1000,
  );
  new Gauge({
    name: "meridian_bot_queue_jobs",
    help: "Jobs in the bot's queues by state",
    labelNames: ["bot", "queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [bot, health] of await snapshot())
        for (const [queue, depths] of Object.entries(health?.queues ?? {}))
          for (const [state, count] of Object.entries(depths)) this.set({ bot, queue, state }, count);
    },
  });
}
