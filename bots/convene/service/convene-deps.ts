/** What the convene bot's services are built from: the config, Matrix, Redis, jobs, a clock. */
import type { Redis } from "ioredis";
import type { NetworkConfig } from "../../../config/network-config.ts";
import type { Logger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { BotMatrix } from "../../runtime/matrix/bot-matrix.ts";
import type { FeedIndex } from "./feed-tokens.ts";
import type { ConveningStore, StoredConvening } from "../store/convening-store.ts";

export interface ConveneDeps {
  readonly config: NetworkConfig;
  readonly matrix: BotMatrix;
  readonly redis: Redis;
  /** Root of the bot's own Redis keys (index, reminders, people's zones). */
  readonly prefix: string;
  readonly store: ConveningStore;
  readonly logger: Logger;
  readonly now: () => number;
  readonly botUserId: UserId;
  /** Called after every change, e.g. to publish the calendar index for the hub. */
  readonly afterChange: (stored: StoredConvening) => Promise<void>;
  /**
   * Calendar feeds: the hub's token index (Redis) and the URL of a token; absent, no feeds.
   * Tokens themselves are kept by the bot (feed-tokens.ts) and put back into the index.
   */
  readonly feeds?: ConveneFeeds;
}

/** Where feed tokens are looked up, and the URL a token makes. */
export interface ConveneFeeds {
  readonly index: FeedIndex;
  readonly urlOf: (token: string) => string;
}
