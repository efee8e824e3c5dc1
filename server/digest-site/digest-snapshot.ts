/**
 * One consistent view of the digest index, as the pages read it: items newest first and by
 * id, editions newest first and by id, and (built on first use) the folded text search
 * scans. A snapshot never changes; a change in the index makes a new one.
 */
import type { PublishedDigestItem, PublishedEdition } from "../../lib/digest-index/index.ts";
import { searchableItem, type SearchableItem } from "./search-items.ts";

export type DigestSnapshot = {
  /** Newest first. */
  readonly items: readonly PublishedDigestItem[];
  readonly itemsById: ReadonlyMap<string, PublishedDigestItem>;
  /** Newest first. */
  readonly editions: readonly PublishedEdition[];
  readonly editionsById: ReadonlyMap<string, PublishedEdition>;
  /** The items `edition` lists that are still published, in its order (oldest first). */
  itemsOf(edition: PublishedEdition): PublishedDigestItem[];
  /** Every item with its text folded for search, newest first. */
  searchable(): readonly SearchableItem[];
};

/**
 * A snapshot of `items` and `editions` (both newest first, as the index reads them).
 * `searchNames` gives the names a search should also find an item by (its topics' labels in
 * every language, its regions' names).
 */
export function digestSnapshotOf(
  items: readonly PublishedDigestItem[],
  editions: readonly PublishedEdition[],
  searchNames: (item: PublishedDigestItem) => readonly string[] = () => [],
): DigestSnapshot {
  const itemsById = new Map(items.map((item) => [item.id, item]));
  let searchable: readonly SearchableItem[] | undefined;
  return {
    items,
    itemsById,
    editions,
    editionsById: new Map(editions.map((edition) => [edition.id, edition])),
    itemsOf: (edition) =>
      edition.items.flatMap((id) => {
        const item = itemsById.get(id);
        return item === undefined ? [] : [item];
      }),
    searchable: () => (searchable ??= items.map((item) => searchableItem(item, searchNames(item)))),
  };
}
