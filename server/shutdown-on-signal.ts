/**
 * Process-level shutdown for the CLI: the one place that exits the process, kept out of
 * `startHub` so tests and embedders can stop a hub without ending the process.
 */
import type { Logger } from "../lib/logger.ts";

/** Options for {@link installSignalHandlers}, for tests. */
export type SignalHandlerOptions = {
  /** Replaces `process.exit`. */
  readonly exit?: (code: number) => void;
};

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/**
 * On the first SIGTERM or SIGINT, runs `stopFns` once, in order, then exits: 0 if all
 * succeeded, 1 if any threw (each failure is logged; later ones still run). Later signals
 * are logged and ignored while stopping. Returns a function that removes the handlers.
 */
export function installSignalHandlers(
  stopFns: ReadonlyArray<() => Promise<void>>,
  logger: Logger,
  options: SignalHandlerOptions = {},
): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;

  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, "already shutting down");
      return;
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    void runAll(stopFns, logger).then((allStopped) => {
      exit(allStopped ? 0 : 1);
    });
  };

  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

async function runAll(stopFns: ReadonlyArray<() => Promise<void>>, logger: Logger): Promise<boolean> {
  let allStopped = true;
  for (const [index, stop] of stopFns.entries()) {
    try {
      await stop();
    } catch (error: unknown) {
      allStopped = false;
      logger.error({ err: error, index }, "a stop function failed during shutdown");
    }
  }
  return allStopped;
}
