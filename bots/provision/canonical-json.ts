/**
 * JSON with object keys sorted, so two values that Matrix treats as equal (same content,
 * keys in another order) compare equal and appear the same way in a rendered plan.
 */

/** `value` as JSON with sorted object keys; `undefined` becomes "(absent)". */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "(absent)";
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === "object" && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** True when `a` and `b` are the same JSON value. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
