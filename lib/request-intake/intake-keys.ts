/**
 * The Redis pub/sub channels the hub and the route bot exchange practice requests on. Only
 * channels, never keys: a request's text passes through Redis but is never stored there (see
 * ask-router.ts). Scoped by prefix and network id like the indexes, so two networks (or two
 * tests) sharing a Redis never hear each other's requests.
 *
 * - `<prefix>:route-intake:<networkId>`: the hub publishes requests, the bot listens
 * - `<prefix>:route-intake:<networkId>:reply:<requestId>`: the bot's one answer to one request
 */

export interface IntakeKeys {
  /** The channel requests are published on. */
  readonly requests: string;
  /** The channel the answer to request `requestId` is published on. */
  replyTo(requestId: string): string;
}

/** The intake channels of `networkId` under `redisPrefix`. */
export function requestIntakeKeys(redisPrefix: string, networkId: string): IntakeKeys {
  const requests = `${redisPrefix}:route-intake:${encodeURIComponent(networkId)}`;
  return { requests, replyTo: (requestId) => `${requests}:reply:${encodeURIComponent(requestId)}` };
}
