/** What the digest bot's service is built on: config, the runtime's handles, the clock, the index. */
import type { Redis } from "ioredis";
import type { NetworkConfig } from "../../../config/network-config.ts";
import type { PublishedDigestItem, PublishedEdition } from "../../../lib/digest-index/index.ts";
import type { Logger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { JobRuntime } from "../../runtime/jobs/index.ts";
import type { BotMatrix } from "../../runtime/matrix/bot-matrix.ts";

/** Where published items go for the hub's site and feeds (lib/digest-index). */
export interface DigestIndexWriter {
  put(item: PublishedDigestItem): Promise<void>;
  remove(item: string, editions: readonly string[]): Promise<void>;
  putEdition(edition: PublishedEdition): Promise<void>;
  edition(id: string): Promise<PublishedEdition | undefined>;
  item(id: string): Promise<PublishedDigestItem | undefined>;
}

export interface DigestDeps {
  readonly config: NetworkConfig;
  readonly matrix: BotMatrix;
  readonly redis: Redis;
  readonly jobs: JobRuntime;
  /** Root of this bot's Redis keys, network included, e.g. `meridian:digest-data:wasl`. */
  readonly prefix: string;
  readonly logger: Logger;
  readonly now: () => number;
  readonly botUserId: UserId;
  /**
   * The key author keys are derived with (see author-keys.ts): without it, anyone who can
   * read the steering room's state could test which member wrote a pseudonymous message.
   */
  readonly authorSecret: string;
  readonly index: DigestIndexWriter;
  /** The hub's public URL (for links to the site in the public room), no trailing slash. */
  readonly siteUrl: string;
}
