/**
 * A bot definition unchanged but for one thing: it keeps the runtime handles its services are
 * built from (Matrix, Redis, jobs), so a benchmark can write what the bot would have written
 * through the bot's own session, and read its queue depths, while the real bot runs.
 */
import type { BotDefinition, BotRuntimeHandles } from "../../bots/runtime/start-bot.ts";

export interface CapturedBot<S> {
  readonly definition: BotDefinition<S>;
  /** The handles of the running bot; throws before `startBot` has built its services. */
  handles(): BotRuntimeHandles;
}

export function captureRuntimeHandles<S>(definition: BotDefinition<S>): CapturedBot<S> {
  let captured: BotRuntimeHandles | undefined;
  return {
    definition: {
      ...definition,
      services: (runtime) => {
        captured = runtime;
        return definition.services(runtime);
      },
    },
    handles() {
      if (captured === undefined) throw new Error(`bot ${definition.id} has not started`);
      return captured;
    },
  };
}
