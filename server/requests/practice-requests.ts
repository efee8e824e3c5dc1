/**
 * What the hub's request routes use: passing a request to the route bot and reading the case
 * index for statistics. Built by `startHub` from the Redis the bots use; route handlers get
 * only this narrow interface, which unit tests fake.
 */
import type { Redis } from "ioredis";
import { type CaseSummariesRead, caseIndexKeys, readCaseSummaries } from "../../lib/case-index/index.ts";
import type { Logger } from "../../lib/logger.ts";
import {
  type AskRouterFailure,
  type IntakeReply,
  type IntakeRequest,
  DEFAULT_ASK_TIMEOUT_MS,
  askRouter,
  createReplyListener,
  requestIntakeKeys,
} from "../../lib/request-intake/index.ts";
import type { Result } from "../../lib/result.ts";

/** Practice requests as the hub's routes see them. */
export interface PracticeRequests {
  /** Passes `request` to the route bot and waits for its answer. */
  ask(request: IntakeRequest): Promise<Result<IntakeReply, AskRouterFailure>>;
  /** Every case summary the route bot has published. */
  readSummaries(): Promise<CaseSummariesRead>;
}

/** Where the bots are: their Redis, the prefix they run under, and the network id. */
export interface PracticeRequestsSource {
  readonly redis: Redis;
  readonly redisPrefix: string;
  readonly networkId: string;
  readonly askTimeoutMs?: number;
}

/** {@link PracticeRequests} over Redis, with the connection it opens for replies to close. */
export function connectPracticeRequests(
  source: PracticeRequestsSource,
  logger: Logger,
): PracticeRequests & { close(): Promise<void> } {
  const { redis, redisPrefix, networkId } = source;
  // Replies need a subscribing connection of their own. Lazy, so a hub nobody asks opens
  // none; with an offline queue, so the first ask waits for it to connect rather than fail.
  const subscriber = redis.duplicate({ lazyConnect: true, enableOfflineQueue: true });
  subscriber.on("error", (error: Error) => {
    logger.warn({ err: error.message }, "redis reply connection error");
  });
  const replies = createReplyListener(subscriber);
  const intakeKeys = requestIntakeKeys(redisPrefix, networkId);
  const indexKeys = caseIndexKeys(redisPrefix, networkId);
  const timeoutMs = source.askTimeoutMs ?? DEFAULT_ASK_TIMEOUT_MS;
  return {
    ask: (request) => askRouter({ publisher: redis, replies }, intakeKeys, request, timeoutMs),
    readSummaries: () => readCaseSummaries(redis, indexKeys),
    close: () => replies.close(),
  };
}
