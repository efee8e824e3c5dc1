/**
 * ETags for feeds. Calendar clients poll subscribed feeds every few minutes; a strong ETag
 * from the body lets them be told "unchanged" in a few bytes. The body is a pure function of
 * the index (render times are the convenings' own `updatedAt`), so equal data gives an equal
 * tag on every hub replica.
 */
import { createHash } from "node:crypto";

/** A strong ETag of `body`: its SHA-256, base64url, quoted. */
export function entityTagOf(body: string): string {
  return `"${createHash("sha256").update(body, "utf8").digest("base64url")}"`;
}

/**
 * Whether an If-None-Match header matches `tag`, so the answer is 304. RFC 9110 §13.1.2:
 * `*` matches any current representation, and the comparison is weak (a `W/` prefix on
 * either side is ignored).
 */
export function ifNoneMatchHits(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  const opaque = withoutWeakPrefix(tag);
  return header.split(",").some((candidate) => withoutWeakPrefix(candidate.trim()) === opaque);
}

function withoutWeakPrefix(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}
