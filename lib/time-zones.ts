/**
 * IANA time zone checks. `Intl.supportedValuesOf` lists only canonical names, while
 * `Intl.DateTimeFormat` also accepts legacy aliases (e.g. "Asia/Calcutta") that people still
 * write and that every `Intl` API accepts; a zone passes if either knows it.
 */

let canonicalZones: ReadonlySet<string> | undefined;

/** True when `name` is an IANA time zone this runtime can format dates in. */
export function isIanaTimeZone(name: string): boolean {
  canonicalZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (canonicalZones.has(name)) return true;
  // Offsets like "+03:00" are accepted by Intl but are not zones: they ignore DST rules.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
