/**
 * Where the convene bot publishes its convening index in Redis, and where feed tokens live:
 * the contract between the bot (which writes) and the hub (which reads), like
 * lib/bot-health-key.ts for health. Everything sits under
 * `<redisPrefix>:convene:<networkId>:`, so two networks (or two tests) sharing a Redis
 * never see each other's convenings. The prefix is a parameter; the network's bots use
 * NETWORK_BOTS_REDIS_PREFIX.
 *
 * Layout (`<…>` segments percent-encoded, so a ":" in a user id cannot make two keys meet):
 * - `convening:<id>`: hash { sequence, convening (JSON), rsvps (JSON), memberOf (JSON list
 *   of the index sets below that hold it) }
 * - `region:<regionId>`, `network:<networkId>`, `person:<userId>`: sets of convening ids
 * - `feed:subject:<kind>:<id>`: the live feed token of a subject (so the bot can show it again)
 * - `feed:token:<sha256 of token, hex>`: the subject (JSON) a token opens
 */
import type { UserId } from "../matrix-ids.ts";
import type { FeedSubject } from "./feed-subject.ts";

export interface ConveningIndexKeys {
  /** `<redisPrefix>:convene:<networkId>`, the parent of every key below. */
  readonly base: string;
  convening(conveningId: string): string;
  region(regionId: string): string;
  /** A network (group of regions) from the config's `networks`. */
  network(networkId: string): string;
  person(user: UserId): string;
  feedTokenOf(subject: FeedSubject): string;
  /** The lookup key of a token, from its hash ({@link hashFeedToken}), never the token itself. */
  feedLookup(tokenHash: string): string;
}

/** The keys of `networkId`'s convening index under `redisPrefix`. */
export function conveningIndexKeys(redisPrefix: string, networkId: string): ConveningIndexKeys {
  const base = `${redisPrefix}:convene:${segment(networkId)}`;
  return {
    base,
    convening: (id) => `${base}:convening:${segment(id)}`,
    region: (id) => `${base}:region:${segment(id)}`,
    network: (id) => `${base}:network:${segment(id)}`,
    person: (user) => `${base}:person:${segment(user)}`,
    feedTokenOf: (subject) => `${base}:feed:subject:${subject.kind}:${segment(subjectId(subject))}`,
    feedLookup: (tokenHash) => `${base}:feed:token:${segment(tokenHash)}`,
  };
}

function subjectId(subject: FeedSubject): string {
  switch (subject.kind) {
    case "person":
      return subject.user;
    case "region":
      return subject.region;
    case "convening":
      return subject.id;
  }
}

// encodeURIComponent leaves letters, digits and -_.!~*'() alone and encodes ":" and "%",
// so a segment never contains the separator and distinct ids stay distinct keys.
function segment(id: string): string {
  return encodeURIComponent(id);
}
