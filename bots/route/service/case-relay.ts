/**
 * The anonymous relay between a requester's own room and the case room. Each message is
 * rebuilt from its text (relay/relay-content.ts): nothing of the original crosses, the
 * requester's names are scrubbed on the way to the experts, and reply/edit relations are
 * remapped through the pairs of event ids kept in Redis (ids only, never text).
 */
import { replyLocale } from "./reply-locale.ts";
import { personByUserId } from "../../../config/queries.ts";
import type { EventId, RoomId } from "../../../lib/matrix-ids.ts";
import { transactionIdFor } from "../../runtime/ledger/index.ts";
import type { IncomingRoomMessage } from "../../runtime/intake/incoming-room-message.ts";
import type { CaseRecord } from "../case/index.ts";
import { type RequesterIdentity, relayContent } from "../relay/index.ts";
import type { CaseLink } from "./case-links.ts";
import { ct } from "./i18n/case-texts.ts";
import type { RouteDeps } from "./route-deps.ts";

export interface Relay {
  /** Passes `message` to the other side of the case: the experts, or the requester. */
  pass(
    link: CaseLink,
    record: CaseRecord,
    message: IncomingRoomMessage,
    to: "requester" | "case-room",
  ): Promise<void>;
  /** Every name the requester could be recognised by (also what the leak check looks for). */
  identityOf(link: CaseLink): Promise<RequesterIdentity>;
}

const PAIRS_TTL_SECONDS = 180 * 24 * 3600;

export function createRelay(deps: RouteDeps): Relay {
  const { config, matrix, redis, logger } = deps;
  const pairsKey = (caseId: string): string => `${deps.prefix}:relay-pairs:${caseId}`;

  const identityOf = async (link: CaseLink): Promise<RequesterIdentity> => {
    const profile = await matrix.profile(link.requester);
    const person = personByUserId(config, link.requester);
    const displayNames = [
      profile.ok ? profile.value.displayName : undefined,
      matrix.memberName(link.requesterRoom, link.requester),
    ].filter((name): name is string => name !== undefined && name !== "");
    const avatar = profile.ok ? profile.value.avatarUrl : undefined;
    return {
      userId: link.requester,
      displayNames,
      otherNames: person === undefined ? [] : [person.displayName],
      avatarUrls: avatar === undefined ? [] : [avatar],
    };
  };

  const tell = async (roomId: RoomId, body: string, txnId: string): Promise<void> => {
    const sent = await matrix.sendMessage(roomId, { msgtype: "m.notice", body }, txnId);
    if (!sent.ok) logger.warn({ roomId, errcode: sent.error.errcode }, "could not send a relay notice");
  };

  return {
    identityOf,
    async pass(link, record, message, to) {
      const pairs = new Map(Object.entries(await redis.hgetall(pairsKey(link.caseId))));
      const mapEvent = (original: EventId): EventId | undefined => pairs.get(original) as EventId | undefined;
      const requesterLocale = replyLocale(config, link.requester);
      const relayed =
        to === "case-room"
          ? relayContent(message.content, {
              to: "experts",
              handle: record.handle,
              requester: await identityOf(link),
              mapEvent,
            })
          : relayContent(message.content, {
              to: "requester",
              expertDisplay: personByUserId(config, message.sender)?.displayName,
              mapEvent,
            });
      const txn = (purpose: string): string => transactionIdFor(message.eventId, purpose);
      if (!relayed.ok) {
        // Told to whoever wrote it, in their room: nothing crossed.
        const locale = to === "case-room" ? requesterLocale : config.network.defaultLanguage;
        await tell(message.roomId, ct(locale, "relay.refused"), txn("relay-refused"));
        return;
      }
      const target = to === "case-room" ? link.caseRoom : link.requesterRoom;
      const sent = await matrix.sendMessage(target, { ...relayed.value.content }, txn("relay"));
      if (!sent.ok) throw new Error(`relay send failed: ${sent.error.errcode}`);
      await redis
        .multi()
        .hset(pairsKey(link.caseId), message.eventId, sent.value, sent.value, message.eventId)
        .expire(pairsKey(link.caseId), PAIRS_TTL_SECONDS)
        .exec();
      logger.info({ caseId: link.caseId, from: message.eventId, to: sent.value }, "relayed a message");
      if (to === "case-room" && relayed.value.scrubbed.length > 0)
        await tell(link.requesterRoom, ct(requesterLocale, "requester.scrubbed"), txn("relay-scrubbed"));
      if (to === "case-room" && relayed.value.shortNamesSeen.length > 0)
        await tell(
          link.requesterRoom,
          ct(requesterLocale, "requester.shortNames", { names: relayed.value.shortNamesSeen.join(", ") }),
          txn("relay-short-names"),
        );
    },
  };
}
