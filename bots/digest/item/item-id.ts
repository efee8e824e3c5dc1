/**
 * Digest item ids. Steering members type them (`!digest approve dk7m2pq`), so they are short
 * and drawn from an alphabet without look-alikes (no 0/o, 1/l/i), like the router's case ids.
 */
import { randomInt } from "node:crypto";
import { type Result, ok, err } from "../../../lib/result.ts";

declare const brand: unique symbol;
export type DigestItemId = string & { readonly [brand]: "DigestItemId" };

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const ID_LENGTH = 6;
// "d" for digest: tells an item id apart from a case id ("r…") and a convening id ("c…").
const ID_PREFIX = "d";
const ITEM_ID = new RegExp(`^${ID_PREFIX}[${ALPHABET}]{${ID_LENGTH}}$`);

/**
 * A fresh item id, e.g. `dk7m2pq`: 31^6 ids, so a network's items do not collide in practice;
 * the caller still checks for an existing item with the same id.
 *
 * @param pick returns a whole number in [0, size); crypto-random unless a test fixes it.
 */
export function newItemId(pick: (size: number) => number = randomInt): DigestItemId {
  const chars = Array.from({ length: ID_LENGTH }, () => ALPHABET[pick(ALPHABET.length)] ?? "");
  return `${ID_PREFIX}${chars.join("")}` as DigestItemId;
}

/** An item id as typed, in any case and with surrounding spaces. */
export function parseItemId(input: string): Result<DigestItemId, string> {
  const id = input.trim().toLowerCase();
  return ITEM_ID.test(id)
    ? ok(id as DigestItemId)
    : err(`"${input}" is not a digest item id (d and ${ID_LENGTH} letters or digits)`);
}
