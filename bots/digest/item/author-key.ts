/**
 * How an item names the author of a quoted message. Not their user id: the item lives in the
 * steering room's state, which every steering member can read and which is not end-to-end
 * encrypted, and a pseudonymous author's user id next to their message ids would undo the
 * pseudonym. The Matrix-facing layer derives the key (e.g. an HMAC of the item id and the user
 * id under a bot secret, so one author's keys differ between items) and keeps the way back.
 */
import { type Result, ok, err } from "../../../lib/result.ts";

declare const brand: unique symbol;
export type AuthorKey = string & { readonly [brand]: "AuthorKey" };

// URL-safe base64 or hex of a hash: long enough not to collide, short enough for room state.
const AUTHOR_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export function parseAuthorKey(input: string): Result<AuthorKey, string> {
  return AUTHOR_KEY.test(input)
    ? ok(input as AuthorKey)
    : err(`"${input}" is not an author key (8 to 64 letters, digits, "_" or "-")`);
}
