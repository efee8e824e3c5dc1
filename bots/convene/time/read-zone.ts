/**
 * The zone word of a `<when>`. Only IANA names with their region ("Africa/Nairobi") and UTC
 * are taken: abbreviations (EST, CET, IST) mean different offsets in summer and winter or in
 * different countries, and people write "EST" all summer when they mean New York time.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import { canonicalZone, knownZones } from "../../runtime/commands/zone-offsets.ts";
import { nearestNames } from "../../runtime/commands/nearest-names.ts";

export type ZoneProblem =
  /** Not a zone this runtime knows; `suggestions` are known names close to it. */
  | { readonly kind: "invalid-zone"; readonly token: string; readonly suggestions: readonly string[] }
  /** An abbreviation or a legacy name without a region (EST, CET, Japan). */
  | { readonly kind: "zone-abbreviation"; readonly token: string };

const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+$/;
const ABBREVIATION = /^[A-Z]{2,5}$/;
const UTC_NAMES = new Set(["utc", "gmt", "etc/utc", "etc/gmt"]);

/** Whether a word is meant as a zone (and so belongs to the `<when>`), valid or not. */
export function looksLikeZone(word: string): boolean {
  return ZONE_SHAPE.test(word) || ABBREVIATION.test(word) || UTC_NAMES.has(word.toLowerCase());
}

/** Reads a zone word into its canonical IANA spelling ("europe/brussels" -> "Europe/Brussels"). */
export function readZone(word: string): Result<string, ZoneProblem> {
  if (UTC_NAMES.has(word.toLowerCase())) return ok("UTC");
  const zone = canonicalZone(word);
  if (zone !== undefined && zone.includes("/")) return ok(zone);
  if (zone !== undefined || ABBREVIATION.test(word)) return err({ kind: "zone-abbreviation", token: word });
  return err({ kind: "invalid-zone", token: word, suggestions: nearestNames(word, knownZones(), 3) });
}
