/**
 * People's own time zones (`!convene tz`), kept in the convene bot's account data on its
 * homeserver: one entry per person, so two people setting theirs at once never overwrite each
 * other, and like the convenings themselves they survive the loss of Redis. The account data
 * is private to the bot's account. What is read back is checked again: an entry that is not a
 * valid zone (written by hand, or a zone the runtime no longer knows) is ignored.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import { type Result, ok } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure } from "../../runtime/matrix/bot-matrix.ts";
import { readZone } from "../time/read-zone.ts";

const ZONE_TYPE_PREFIX = "org.meridian.convene.zone.";

export interface SavedZones {
  get(user: UserId): string | undefined;
  set(user: UserId, zone: string): Promise<Result<void, MatrixFailure>>;
}

export function savedZones(matrix: Pick<BotMatrix, "accountData" | "setAccountData">): SavedZones {
  return {
    get(user) {
      const zone = matrix.accountData(`${ZONE_TYPE_PREFIX}${user}`)?.["zone"];
      if (typeof zone !== "string") return undefined;
      const valid = readZone(zone);
      return valid.ok ? valid.value : undefined;
    },
    async set(user, zone) {
      const written = await matrix.setAccountData(`${ZONE_TYPE_PREFIX}${user}`, { zone });
      return written.ok ? ok(undefined) : written;
    },
  };
}
