/**
 * The hub's side of the index: a convening, a region's convenings, a person's. A record
 * that cannot be read is left out and reported in `skipped`, so one bad entry never takes
 * a whole feed down; only Redis itself failing rejects.
 */
import type { Redis } from "ioredis";
import type { Rsvp } from "../../bots/convene/model/convening.ts";
import type { UserId } from "../matrix-ids.ts";
import { type Result, err, ok } from "../result.ts";
import type { ConveningIndexKeys } from "./index-keys.ts";
import {
  type PublishedConvening,
  type SkippedConvening,
  latestAnswerOf,
  parsePublishedConvening,
} from "./published-convening.ts";

/** Convenings read from the index, and those left out. */
export interface IndexRead<T> {
  readonly found: readonly T[];
  readonly skipped: readonly SkippedConvening[];
}

/** A convening in a person's index, with their own latest answer. */
export interface AnsweredConvening extends PublishedConvening {
  readonly answer: Rsvp;
}

/** One convening: undefined when it was never published, an error when it is unreadable. */
export async function readConvening(
  redis: Redis,
  keys: ConveningIndexKeys,
  conveningId: string,
): Promise<Result<PublishedConvening | undefined, string>> {
  const [convening = null, rsvps = null] = await redis.hmget(
    keys.convening(conveningId),
    "convening",
    "rsvps",
  );
  if (convening === null) return ok(undefined);
  const parsed = parsePublishedConvening(conveningId, { convening, rsvps });
  return parsed.ok ? parsed : err(`convening ${conveningId}: ${parsed.error}`);
}

/**
 * The convenings inviting `regionId` directly or through one of `networkIds` (the config's
 * networks that contain the region), each once.
 */
export async function conveningsOfRegion(
  redis: Redis,
  keys: ConveningIndexKeys,
  regionId: string,
  networkIds: readonly string[] = [],
): Promise<IndexRead<PublishedConvening>> {
  const ids = await redis.sunion(keys.region(regionId), ...networkIds.map((id) => keys.network(id)));
  const read = await readEach(redis, keys, ids);
  // A set can outlive a change it missed (see publish-convening.ts), so the convening
  // itself decides whether it belongs here.
  return {
    found: read.found.filter(
      ({ convening }) =>
        convening.regions.includes(regionId) || convening.networks.some((id) => networkIds.includes(id)),
    ),
    skipped: read.skipped,
  };
}

/** The convenings `user` has answered, with their latest answer. */
export async function conveningsOfPerson(
  redis: Redis,
  keys: ConveningIndexKeys,
  user: UserId,
): Promise<IndexRead<AnsweredConvening>> {
  const ids = await redis.smembers(keys.person(user));
  const read = await readEach(redis, keys, ids);
  return {
    found: read.found.flatMap((published) => {
      const answer = latestAnswerOf(published.rsvps, user);
      return answer === undefined ? [] : [{ ...published, answer }];
    }),
    skipped: read.skipped,
  };
}

async function readEach(
  redis: Redis,
  keys: ConveningIndexKeys,
  ids: readonly string[],
): Promise<IndexRead<PublishedConvening>> {
  const found: PublishedConvening[] = [];
  const skipped: SkippedConvening[] = [];
  // Sorted so a feed lists the same convenings in the same order whatever Redis returns.
  const sorted = [...ids].sort();
  const records = await Promise.all(
    sorted.map((id) => redis.hmget(keys.convening(id), "convening", "rsvps")),
  );
  for (const [index, id] of sorted.entries()) {
    const [convening = null, rsvps = null] = records[index] ?? [];
    const parsed = parsePublishedConvening(id, { convening, rsvps });
    if (!parsed.ok) skipped.push({ conveningId: id, reason: parsed.error });
    else found.push(parsed.value);
  }
  return { found, skipped };
}
