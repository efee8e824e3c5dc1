/**
 * Author keys: how an item's record (in the steering room's unencrypted state) names the
 * author of a quoted message. An HMAC of the item id and the user id under the bot's secret:
 * the same person gets a different key in every item, and nobody without the secret can test
 * a guess. The way back (key → user id) is kept in the bot's account data only.
 */
import { createHmac } from "node:crypto";
import type { UserId } from "../../../lib/matrix-ids.ts";
import type { AuthorKey } from "../item/index.ts";
import type { DigestItemId } from "../item/index.ts";

export function authorKeyOf(secret: string, item: DigestItemId, user: UserId): AuthorKey {
  const mac = createHmac("sha256", `meridian digest author key\u0000${secret}`)
    .update(`${item}\u0000${user}`)
    .digest("base64url");
  // 22 characters (132 bits) is plenty against collisions within an item, and short in state.
  return mac.slice(0, 22) as AuthorKey;
}
