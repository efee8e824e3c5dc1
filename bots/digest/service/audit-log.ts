/**
 * The digest's audit log outside the room: who nominated, approved, vetoed, published,
 * withdrew or unpublished which item, and when. Ids and kinds only, never content; an author
 * appears by their per-item key. Kept in Redis (newest first, capped) and in the log.
 */
import type { AuditEntry, DigestItemId } from "../item/index.ts";
import type { DigestDeps } from "./digest-deps.ts";

const MAX_ENTRIES = 10_000;

export function auditKey(prefix: string): string {
  return `${prefix}:audit`;
}

export async function recordAudit(deps: DigestDeps, item: DigestItemId, entry: AuditEntry): Promise<void> {
  const line = { item, ...entry };
  deps.logger.info({ audit: line }, "digest audit");
  await deps.redis
    .multi()
    .lpush(auditKey(deps.prefix), JSON.stringify(line))
    .ltrim(auditKey(deps.prefix), 0, MAX_ENTRIES - 1)
    .exec();
}

/** The latest entries, newest first (for `!digest audit` and tests). */
export async function readAudit(deps: Pick<DigestDeps, "redis" | "prefix">, count = 50): Promise<unknown[]> {
  const lines = await deps.redis.lrange(auditKey(deps.prefix), 0, count - 1);
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      return [];
    }
  });
}
