/**
 * The only code that writes to public outputs: the public digest room and the index the
 * hub's site and feeds read. It takes a `PublishableItem`, the proof only `checkPublishable`
 * can make, and publishes nothing unless the thread, read again now, redacts to exactly the
 * content the proof names and the checker still finds it clean. Taking down is the reverse,
 * index first (the site and feeds follow within their one-minute cache), then the room.
 */
import type { PublishedDigestItem } from "../../../lib/digest-index/index.ts";
import type { EventId, RoomId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { DigestItem, DigestItemId, PublishableItem } from "../item/index.ts";
import type { DigestDeps } from "./digest-deps.ts";
import { itemUrl } from "./digest-notices.ts";
import type { DigestRooms } from "./digest-rooms.ts";
import { readItemContent } from "./item-content.ts";
import type { ItemLink, ItemLinks } from "./item-links.ts";
import { publicItemOf, publicPostOf } from "./public-item.ts";

export type PublishFailure = "thread-unreadable" | "content-changed" | "no-public-room" | "room-refused";

export interface DigestPublisher {
  /**
   * Publishes the proven item to the index and, unless `post` is false (a change of topics
   * only), to the public room. Idempotent: a retry posts nothing twice.
   */
  publish(
    proof: PublishableItem,
    record: DigestItem,
    link: ItemLink,
    options?: { readonly post: boolean },
  ): Promise<Result<PublishedDigestItem, PublishFailure>>;
  unpublishEverywhere(item: DigestItemId, editions: readonly string[]): Promise<void>;
  /** Notes an item an edition collects (the `add-to-edition` effect); see `takeCollected`. */
  collect(edition: string, proof: PublishableItem): void;
  takeCollected(edition: string): DigestItemId[];
  /** Posts an edition's summary in the public room; `txn` makes a repeat a no-op. */
  postEdition(edition: string, items: readonly PublishedDigestItem[], txn: string): Promise<void>;
}

export function createDigestPublisher(
  deps: DigestDeps,
  rooms: DigestRooms,
  links: ItemLinks,
): DigestPublisher {
  const { config, matrix, logger } = deps;
  const collected = new Map<string, DigestItemId[]>();

  const postsKey = (edition: string): string => `${deps.prefix}:edition-posts:${edition}`;

  const postEdition = async (
    edition: string,
    items: readonly PublishedDigestItem[],
    txn: string,
  ): Promise<void> => {
    const publicRoom = await rooms.publicDigest();
    if (publicRoom === undefined || items.length === 0) return;
    const url = `${deps.siteUrl}/digest/editions/${edition}`;
    const body = [
      `${config.network.name}: digest ${edition}`,
      "",
      ...items.map((item) => `• ${item.title} ${itemUrl(deps.siteUrl, item.id)}`),
      "",
      url,
    ].join("\n");
    const sent = await matrix.sendMessage(
      publicRoom,
      { msgtype: "m.text", body, "org.meridian.digest.edition": { id: edition } },
      txn,
    );
    if (sent.ok) await deps.redis.sadd(postsKey(edition), sent.value);
    else logger.warn({ edition, errcode: sent.error.errcode }, "could not post a digest edition");
  };

  const repostEdition = async (publicRoom: RoomId, edition: string, removed: DigestItemId): Promise<void> => {
    for (const event of await deps.redis.smembers(postsKey(edition))) {
      const redacted = await matrix.redact(publicRoom, event as EventId, "an item was taken off the digest");
      if (redacted.ok) await deps.redis.srem(postsKey(edition), event);
      else logger.warn({ edition, errcode: redacted.error.errcode }, "could not redact an edition post");
    }
    const left = (await deps.index.edition(edition))?.items ?? [];
    const items: PublishedDigestItem[] = [];
    for (const id of left) {
      const entry = await deps.index.item(id);
      if (entry !== undefined) items.push(entry);
    }
    await postEdition(edition, items, `digest-edition-${edition}-without-${removed}`);
  };

  return {
    async publish(proof, record, link, options = { post: true }) {
      const content = await readItemContent(config, matrix, record, link, proof.messages);
      if (!content.ok) return err("thread-unreadable");
      // The proof was made moments ago against this digest; a change in between is refused.
      if (content.value.digest !== proof.digest || !content.value.clean) return err("content-changed");
      const room = await rooms.configOf(record.source);
      const now = deps.now();
      const item = publicItemOf(
        config,
        room,
        {
          id: record.id,
          publishedAt: record.publishedAt ?? now,
          ...(record.edition === undefined ? {} : { edition: record.edition }),
        },
        content.value.redacted,
        link.topics,
        now,
      );
      if (options.post) {
        const publicRoom = await rooms.publicDigest();
        if (publicRoom === undefined) return err("no-public-room");
        const url = itemUrl(deps.siteUrl, record.id);
        const txn = `digest-publish-${record.id}-p${proof.preview}`;
        const sent = await matrix.sendMessage(publicRoom, publicPostOf(item, url), txn);
        if (!sent.ok) {
          logger.warn(
            { item: record.id, errcode: sent.error.errcode },
            "the public digest room refused a post",
          );
          return err("room-refused");
        }
        const current = links.get(record.id) ?? link;
        if (!current.publicEvents.includes(sent.value))
          await links.save({ ...current, publicEvents: [...current.publicEvents, sent.value] });
      }
      await deps.index.put(item);
      logger.info({ item: record.id, preview: proof.preview, posted: options.post }, "digest item published");
      return ok(item);
    },

    async unpublishEverywhere(item, editions) {
      await deps.index.remove(item, editions);
      const link = links.get(item);
      const publicRoom = await rooms.publicDigest();
      if (link === undefined || publicRoom === undefined) return;
      const left: EventId[] = [];
      for (const event of link.publicEvents) {
        const redacted = await matrix.redact(publicRoom, event, "taken off the digest");
        if (!redacted.ok) {
          left.push(event);
          logger.warn({ item, errcode: redacted.error.errcode }, "could not redact a public digest post");
        }
      }
      await links.save({ ...link, publicEvents: left });
      // An edition's post lists the item's title: every post of the edition goes, and one
      // listing what is left takes their place (an edit would keep the title in its history).
      for (const edition of editions) await repostEdition(publicRoom, edition, item);
      logger.info({ item, editions: editions.length }, "digest item taken off every public output");
    },

    collect(edition, proof) {
      collected.set(edition, [...(collected.get(edition) ?? []), proof.item]);
    },

    takeCollected(edition) {
      const items = collected.get(edition) ?? [];
      collected.delete(edition);
      return items;
    },

    postEdition,
  };
}
