/** What the router's service is built on: config, the runtime's handles, and the clock. */
import type { Redis } from "ioredis";
import type { NetworkConfig } from "../../../config/network-config.ts";
import type { Logger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { JobRuntime } from "../../runtime/jobs/index.ts";
import type { BotMatrix } from "../../runtime/matrix/bot-matrix.ts";
import type { CaseId } from "../case/index.ts";
import type { CaseSummary } from "../stats/index.ts";

export interface RouteDeps {
  readonly config: NetworkConfig;
  readonly matrix: BotMatrix;
  readonly redis: Redis;
  readonly jobs: JobRuntime;
  /** Root of this router's Redis keys, network included, e.g. `meridian:route-data:wasl`. */
  readonly prefix: string;
  readonly logger: Logger;
  readonly now: () => number;
  readonly botUserId: UserId;
  /** Publishes a case's content-free summary for the hub's statistics. */
  readonly publishSummary: (caseId: CaseId, summary: CaseSummary) => Promise<void>;
}
