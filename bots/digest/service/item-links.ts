/**
 * What ties an item to people and events, kept in the bot's own account data (private to its
 * account), never in room state: which user each author key stands for, the language to
 * write to them in, who nominated, which steering-room message shows which preview (so a
 * reaction on it approves exactly that preview), the public room's posts, and the topics
 * chosen for it. One account data event per item: `org.meridian.digest.item.<id>`.
 */
import type { EventId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, ok } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure } from "../../runtime/matrix/bot-matrix.ts";
import { type AuthorKey, type DigestItemId, parseItemId } from "../item/index.ts";

export const ITEM_LINK_TYPE_PREFIX = "org.meridian.digest.item.";

export interface ItemLink {
  readonly item: DigestItemId;
  readonly authors: Readonly<Record<string, UserId>>;
  readonly languages: Readonly<Record<string, string>>;
  readonly nominator: UserId;
  /** Preview number → the steering-room message showing it. */
  readonly previews: Readonly<Record<string, EventId>>;
  /** The item's posts in the public digest room (one per publication). */
  readonly publicEvents: readonly EventId[];
  /** Topic ids (config routing.topics) chosen at nomination or by steering. */
  readonly topics: readonly string[];
}

export interface PreviewRef {
  readonly item: DigestItemId;
  readonly preview: number;
}

function parseLink(content: Record<string, unknown> | undefined): ItemLink | undefined {
  if (content === undefined) return undefined;
  const item = typeof content["item"] === "string" ? parseItemId(content["item"]) : undefined;
  const isRecord = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
  const valid =
    item?.ok === true &&
    isRecord(content["authors"]) &&
    isRecord(content["languages"]) &&
    typeof content["nominator"] === "string" &&
    isRecord(content["previews"]) &&
    Array.isArray(content["publicEvents"]) &&
    Array.isArray(content["topics"]);
  return valid ? (content as unknown as ItemLink) : undefined;
}

export interface ItemLinks {
  get(item: DigestItemId): ItemLink | undefined;
  /** The user an author key stands for in an item. */
  userOf(item: DigestItemId, author: AuthorKey): UserId | undefined;
  /** The item and preview a steering-room message shows. */
  previewOf(event: EventId): PreviewRef | undefined;
  /** Reads every link back from account data (after a start). */
  loadAll(): number;
  save(link: ItemLink): Promise<Result<void, MatrixFailure>>;
}

export function createItemLinks(matrix: BotMatrix): ItemLinks {
  const links = new Map<DigestItemId, ItemLink>();
  const previews = new Map<EventId, PreviewRef>();
  const remember = (link: ItemLink): void => {
    links.set(link.item, link);
    for (const [preview, event] of Object.entries(link.previews))
      previews.set(event, { item: link.item, preview: Number(preview) });
  };
  return {
    get: (item) => links.get(item),
    userOf: (item, author) => links.get(item)?.authors[author],
    previewOf: (event) => previews.get(event),
    loadAll() {
      let loaded = 0;
      for (const type of matrix.accountDataTypes(ITEM_LINK_TYPE_PREFIX)) {
        const link = parseLink(matrix.accountData(type));
        if (link === undefined) continue;
        remember(link);
        loaded++;
      }
      return loaded;
    },
    async save(link) {
      const saved = await matrix.setAccountData(`${ITEM_LINK_TYPE_PREFIX}${link.item}`, { ...link });
      if (!saved.ok) return saved;
      remember(link);
      return ok(undefined);
    },
  };
}
