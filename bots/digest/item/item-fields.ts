/**
 * Fields that only make sense in some states (a redaction of the current preview, the time
 * and edition of a publication, an embargo) are dropped here, in one place, so that no
 * transition leaves a stale one behind and the record stays free of `undefined` values.
 */
import type { DigestItem } from "./item-model.ts";

type Clearable = "redaction" | "publishedAt" | "edition" | "embargo";

export function without(record: DigestItem, keys: readonly Clearable[]): DigestItem {
  const copy: Partial<Record<Clearable, unknown>> & Omit<DigestItem, Clearable> = { ...record };
  // Spelled out: deleting by a computed key would hide which fields can go.
  if (keys.includes("redaction")) delete copy.redaction;
  if (keys.includes("publishedAt")) delete copy.publishedAt;
  if (keys.includes("edition")) delete copy.edition;
  if (keys.includes("embargo")) delete copy.embargo;
  return copy as DigestItem;
}
