/**
 * Case ids and requester handles. A case id is typed by people (`!case close rk7m2pq` in a
 * direct chat with the bot), so it is short and drawn from an alphabet without look-alikes
 * (no 0/o, 1/l/i). The handle is what experts call an anonymous requester.
 */
import { createHash, randomInt } from "node:crypto";
import { type Result, ok, err } from "../../../lib/result.ts";

declare const brand: unique symbol;
export type CaseId = string & { readonly [brand]: "CaseId" };

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const ID_LENGTH = 6;
// "r" for request: tells a case id apart from a convening id ("c" and four characters).
const ID_PREFIX = "r";
const CASE_ID = new RegExp(`^${ID_PREFIX}[${ALPHABET}]{${ID_LENGTH}}$`);
const HANDLE_LENGTH = 4;

/**
 * A fresh case id, e.g. `rk7m2pq`: 31^6 (about 887 million) ids, so a network's cases do
 * not collide in practice; the caller still checks for an existing case room.
 *
 * @param pick returns a whole number in [0, size); crypto-random unless a test fixes it.
 */
export function newCaseId(pick: (size: number) => number = randomInt): CaseId {
  const chars = Array.from({ length: ID_LENGTH }, () => ALPHABET[pick(ALPHABET.length)] ?? "");
  return `${ID_PREFIX}${chars.join("")}` as CaseId;
}

/** A case id as typed, in any case and with surrounding spaces. */
export function parseCaseId(input: string): Result<CaseId, string> {
  const id = input.trim().toLowerCase();
  return CASE_ID.test(id)
    ? ok(id as CaseId)
    : err(`"${input}" is not a case id (r and ${ID_LENGTH} letters or digits)`);
}

/**
 * How experts and the bot name the requester of case `id`, e.g. `Requester K7QM`. Derived
 * from a hash of the id so the bot needs to store nothing to keep it stable, and about a
 * thousand ids share each handle, so a handle quoted outside the case room cannot be turned
 * back into the case (or its room). Two open cases of one requester may, rarely, share a
 * handle; the case id tells them apart.
 */
export function caseHandle(id: CaseId): string {
  const digest = createHash("sha256").update(`meridian/case-handle/${id}`).digest();
  const chars = [...digest.subarray(0, HANDLE_LENGTH)].map((byte) => ALPHABET[byte % ALPHABET.length] ?? "");
  return `Requester ${chars.join("").toUpperCase()}`;
}
