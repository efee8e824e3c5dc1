/** What the convene bot's services are built from: the config, Matrix, Redis, jobs, a clock. */
import type { Redis } from "ioredis";
import type { NetworkConfig } from "../../../config/network-config.ts";
import type { Logger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { BotMatrix } from "../../runtime/matrix/bot-matrix.ts";
import type { FeedSubject } from "../../../lib/convening-index/index.ts";
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
  /** The private calendar URL of a subject (issued once, then shown again); absent: no feeds. */
  readonly feedUrl?: (subject: FeedSubject, rotate: boolean) => Promise<string>;
}
