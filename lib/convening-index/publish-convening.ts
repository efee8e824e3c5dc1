/**
 * The convene bot's side of the index: after every change it has written to Matrix, it
 * publishes the convening and its answers here for the hub to read. Publishing is
 * idempotent (the same convening twice stores the same thing) and never goes back in time:
 * a publish whose `sequence` is lower than the stored one (a retried job, a slow replica)
 * is refused, so a calendar never sees an edit undone. An equal sequence is stored, since
 * answers change without the convening changing.
 */
import type { Redis } from "ioredis";
import type { Convening, Rsvp } from "../../bots/convene/model/convening.ts";
import type { ConveningIndexKeys } from "./index-keys.ts";

/** `stored`, or `stale` when a later version of the convening is already there. */
export type PublishOutcome = "stored" | "stale";

// Compare-and-set, so every key the script touches is passed in KEYS: the caller reads
// which index sets hold the convening (memberOf), and the script applies the change only if
// that is still so; otherwise it answers "moved" and the caller reads again. The sequence
// check and the writes are atomic, so two publishes racing cannot interleave.
//
// KEYS[1]: the convening hash; KEYS[2 .. 1+ARGV[6]]: the sets it leaves; the rest: the sets
// it is in. ARGV: sequence, convening JSON, answers JSON, memberOf as read, new memberOf,
// number of sets left, convening id.
const PUBLISH_SCRIPT = `
local stored = tonumber(redis.call('HGET', KEYS[1], 'sequence') or '')
if stored ~= nil and stored > tonumber(ARGV[1]) then return 'stale' end
if (redis.call('HGET', KEYS[1], 'memberOf') or '') ~= ARGV[4] then return 'moved' end
local leaving = tonumber(ARGV[6])
for i = 2, 1 + leaving do redis.call('SREM', KEYS[i], ARGV[7]) end
for i = 2 + leaving, #KEYS do redis.call('SADD', KEYS[i], ARGV[7]) end
redis.call('HSET', KEYS[1], 'sequence', ARGV[1], 'convening', ARGV[2], 'rsvps', ARGV[3], 'memberOf', ARGV[5])
return 'stored'
`;

// Each attempt fails only when another publish of the same convening won a race; a handful
// of retries is plenty, and a bug cannot spin forever.
const MAX_ATTEMPTS = 10;

/**
 * Stores `convening` and its answers and indexes it under each invited region and network
 * and each person who answered, dropping it from index sets it no longer belongs in.
 */
export async function publishConvening(
  redis: Redis,
  keys: ConveningIndexKeys,
  convening: Convening,
  rsvps: readonly Rsvp[],
): Promise<PublishOutcome> {
  const key = keys.convening(convening.id);
  const memberOf = indexSetsOf(keys, convening, rsvps);
  const newMemberOf = JSON.stringify(memberOf);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const current = await redis.hget(key, "memberOf");
    const leaving = readMemberOf(keys, current).filter((set) => !memberOf.includes(set));
    const outcome = await redis.eval(
      PUBLISH_SCRIPT,
      1 + leaving.length + memberOf.length,
      key,
      ...leaving,
      ...memberOf,
      convening.sequence,
      JSON.stringify(convening),
      JSON.stringify(rsvps),
      current ?? "",
      newMemberOf,
      leaving.length,
      convening.id,
    );
    if (outcome === "stored" || outcome === "stale") return outcome;
  }
  throw new Error(`convening ${convening.id}: index kept changing under ${MAX_ATTEMPTS} publishes`);
}

/** The index sets a convening belongs in, sorted so the same convening gives the same list. */
function indexSetsOf(keys: ConveningIndexKeys, convening: Convening, rsvps: readonly Rsvp[]): string[] {
  const sets = new Set([
    ...convening.regions.map((region) => keys.region(region)),
    ...convening.networks.map((network) => keys.network(network)),
    ...rsvps.map((rsvp) => keys.person(rsvp.user)),
  ]);
  return [...sets].sort();
}

/**
 * The stored memberOf list, keeping only this index's own keys. An unreadable one counts as
 * empty: a set left holding the convening then lists it wrongly, which readers ignore
 * because they check membership against the convening itself.
 */
function readMemberOf(keys: ConveningIndexKeys, stored: string | null): string[] {
  if (stored === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((set): set is string => typeof set === "string" && set.startsWith(`${keys.base}:`));
}
