/**
 * One place through which every request of a bot's {@link BotMatrix} goes: retried while the
 * homeserver rate-limits it, and turned into a Result, so a refusal reaches the bot as a value.
 */
import type { Logger } from "../../../lib/logger.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { withHomeserverRateLimit } from "../limits/index.ts";
import type { MatrixFailure } from "./bot-matrix.ts";
import { toMatrixFailure } from "./matrix-failure.ts";

/** Runs `fn` (which must be safe to repeat) as a request labelled `operation` in the logs. */
export type MatrixRequest = <T>(operation: string, fn: () => Promise<T>) => Promise<Result<T, MatrixFailure>>;

export interface MatrixRequestOptions {
  readonly logger: Logger;
  /** Calls per request including the first, while rate-limited. Default 5. */
  readonly maxAttempts?: number;
}

export function createMatrixRequest(options: MatrixRequestOptions): MatrixRequest {
  const maxAttempts = options.maxAttempts ?? 5;
  return async (operation, fn) => {
    try {
      return ok(await withHomeserverRateLimit(fn, { maxAttempts, logger: options.logger, operation }));
    } catch (error: unknown) {
      const failure = toMatrixFailure(error);
      if (failure === undefined) throw error;
      options.logger.debug({ operation, errcode: failure.errcode }, "matrix request refused");
      return err(failure);
    }
  };
}
