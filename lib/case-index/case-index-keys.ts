/**
 * Where the route bot publishes its case summaries in Redis: the contract between the bot
 * (which writes) and the hub (which reads), like lib/convening-index/index-keys.ts. Scoped by
 * prefix and network id, so two networks (or two tests) sharing a Redis never see each
 * other's cases. The network's bots use NETWORK_BOTS_REDIS_PREFIX.
 *
 * Layout:
 * - `<prefix>:route-index:<networkId>:cases`: hash, case id → JSON {@link CaseSummary}
 */

export interface CaseIndexKeys {
  /** The hash of case summaries. */
  readonly summaries: string;
}

/** The keys of `networkId`'s case index under `redisPrefix`. */
export function caseIndexKeys(redisPrefix: string, networkId: string): CaseIndexKeys {
  // Encoded like the convening index's segments: a ":" in an id cannot make two keys meet.
  return { summaries: `${redisPrefix}:route-index:${encodeURIComponent(networkId)}:cases` };
}
