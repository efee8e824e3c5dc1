/**
 * Lua for the event ledger. Each check-then-write runs as one script so that two bot processes
 * (or a restarted bot racing its old lease) can never both see "free" and both proceed.
 */

/** KEYS: done, lease. ARGV: owner, lease ms. Returns "done", "claimed" or "busy". */
export const CLAIM_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 'done' end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
return 'busy'
`;

/** KEYS: lease. ARGV: owner. Deletes the lease only if this owner still holds it. */
export const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** KEYS: done, pending zset, pending room hash. ARGV: event id, ts, room id. 1 if queued. */
export const ENQUEUE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('ZADD', KEYS[2], 'NX', ARGV[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
return 1
`;

/** KEYS: pending zset, pending room hash. ARGV: limit. Flat [eventId, ts, roomId, ...], oldest first. */
export const PENDING_SCRIPT = `
local ids = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
local out = {}
for i = 1, #ids, 2 do
  out[#out + 1] = ids[i]
  out[#out + 1] = ids[i + 1]
  out[#out + 1] = redis.call('HGET', KEYS[2], ids[i]) or ''
end
return out
`;
