/**
 * What the digest bot tells people, and where: consent requests and author notices by
 * encrypted direct message in the author's language, previews and notices in the steering
 * room in the network's language, the nominator by direct message. Texts are composed here
 * from the catalogues and sent at once; none is stored or logged.
 */
import { personById, personByUserId } from "../../../config/queries.ts";
import type { EventId, UserId } from "../../../lib/matrix-ids.ts";
import type { AuthorKey, AuthorNotice, DigestItem, NominatorNotice, SteeringNotice } from "../item/index.ts";
import { approvalsOf, quorumOf } from "../item/index.ts";
import { renderPreview } from "../redact/index.ts";
import type { DigestDeps } from "./digest-deps.ts";
import type { DigestRooms } from "./digest-rooms.ts";
import { localeOfUser, textsFor } from "./digest-texts.ts";
import type { ItemContent } from "./item-content.ts";
import type { ItemLink } from "./item-links.ts";

export interface DigestNotices {
  askConsent(
    link: ItemLink,
    record: DigestItem,
    ask: { readonly author: AuthorKey; readonly deadline: number },
    txn: string,
  ): Promise<void>;
  /** Posts the preview in the steering room; its event id, for reactions, or undefined. */
  postPreview(
    link: ItemLink,
    record: DigestItem,
    preview: number,
    content: ItemContent,
    txn: string,
  ): Promise<EventId | undefined>;
  toSteering(record: DigestItem, notice: SteeringNotice, txn: string): Promise<void>;
  toAuthors(
    link: ItemLink,
    record: DigestItem,
    authors: readonly AuthorKey[],
    notice: AuthorNotice,
    txn: string,
  ): Promise<void>;
  toNominator(link: ItemLink, record: DigestItem, notice: NominatorNotice, txn: string): Promise<void>;
  /** An instant in a person's own zone and language (the network's when not a person). */
  when(user: UserId | undefined, at: number): string;
}

export function itemUrl(siteUrl: string, item: string): string {
  return `${siteUrl}/digest/items/${item}`;
}

export function createDigestNotices(deps: DigestDeps, rooms: DigestRooms): DigestNotices {
  const { config, matrix, logger } = deps;
  const networkTexts = textsFor(config.network.defaultLanguage);
  const notice = (body: string) => ({ msgtype: "m.notice", body });

  const when = (user: UserId | undefined, at: number): string => {
    const person = user === undefined ? undefined : personByUserId(config, user);
    const zone = person?.timeZone ?? config.regions[0]?.timeZones[0] ?? "UTC";
    const locale = user === undefined ? config.network.defaultLanguage : localeOfUser(config, user);
    return new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: zone,
    }).format(at);
  };

  const direct = async (user: UserId, body: string, txn: string, what: string): Promise<void> => {
    const sent = await matrix.sendDirect(user, notice(body), txn);
    if (!sent.ok)
      logger.warn({ user, errcode: sent.error.errcode, what }, "could not send a digest direct message");
  };

  const steeringMessage = async (body: string, txn: string): Promise<EventId | undefined> => {
    const room = await rooms.steering();
    if (room === undefined) {
      logger.error("the digest bot is in no steering room");
      return undefined;
    }
    const sent = await matrix.sendMessage(room, notice(body), txn);
    if (!sent.ok) {
      logger.warn({ roomId: room, errcode: sent.error.errcode }, "could not post to the steering room");
      return undefined;
    }
    return sent.value;
  };

  return {
    when,
    async askConsent(link, record, ask, txn) {
      const user = link.authors[ask.author];
      if (user === undefined) return;
      const thread = await matrix.readThread(record.source, record.root);
      const mine = new Set(record.messages.filter((m) => m.author === ask.author).map((m) => m.event));
      const quotes = thread.ok
        ? thread.value
            .filter((message) => mine.has(message.eventId))
            .map((message) => (typeof message.content["body"] === "string" ? message.content["body"] : ""))
        : [];
      const room = rooms.nameOf(await rooms.configOf(record.source));
      const texts = textsFor(link.languages[ask.author] ?? localeOfUser(config, user));
      const body = texts.consentRequest({
        item: record.id,
        room,
        quotes,
        deadline: when(user, ask.deadline),
      });
      await direct(user, body, txn, "consent request");
    },
    async postPreview(link, record, preview, content, txn) {
      const room = rooms.nameOf(await rooms.configOf(record.source));
      const quorum = quorumOf({ now: deps.now(), digest: config.digest, isRedactionClean: () => false });
      const body = networkTexts.preview({
        item: record.id,
        preview,
        room,
        text: renderPreview(content.redacted),
        quorum,
        left: quorum - approvalsOf(record),
        topics: link.topics,
      });
      return steeringMessage(body, txn);
    },
    async toSteering(record, kind, txn) {
      await steeringMessage(networkTexts.steering(record.id, kind, itemUrl(deps.siteUrl, record.id)), txn);
    },
    async toAuthors(link, record, authors, kind, txn) {
      let index = 0;
      for (const author of authors) {
        const user = link.authors[author];
        index++;
        if (user === undefined) continue;
        const texts = textsFor(link.languages[author] ?? localeOfUser(config, user));
        await direct(
          user,
          texts.author(record.id, kind, itemUrl(deps.siteUrl, record.id)),
          `${txn}-${index}`,
          kind,
        );
      }
    },
    async toNominator(link, record, kind, txn) {
      const user = link.nominator;
      const person = personById(config, record.nominatedBy);
      const texts = textsFor(localeOfUser(config, person?.userId ?? user));
      await direct(user, texts.nominator(record.id, kind, itemUrl(deps.siteUrl, record.id)), txn, kind);
    },
  };
}
