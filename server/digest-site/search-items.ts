/**
 * Full-text search over the published items, in memory: the index holds hundreds of items,
 * not millions, so a scan of pre-folded text is fast enough and needs no search engine.
 *
 * Text is folded before comparing, the same way for the query and the items: case and
 * accents go (é → e), and so do the Arabic marks a writer may or may not put (harakat,
 * tatweel), with the letter shapes people type interchangeably made one (أ إ آ → ا,
 * ى → ي, ة → ه) and Arabic-Indic digits read as digits. Every word of the query must occur
 * somewhere in the item (as a substring, so "recruit" finds "recruitment").
 */
import type { PublishedDigestItem } from "../../lib/digest-index/index.ts";

/** Longest query considered; the rest is ignored rather than scanned. */
export const MAX_QUERY_LENGTH = 200;
/** Most words of a query used. */
const MAX_WORDS = 12;

const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  ـ: "",
  ى: "ي",
  ة: "ه",
  œ: "oe",
  æ: "ae",
  ß: "ss",
};

/** `text` folded for comparison (see the module comment). */
export function foldForSearch(text: string): string {
  return (
    text
      // NFKD splits letters from their marks (and the hamza and madda from alef), and
      // compatibility forms (ligatures, full-width, Arabic presentation forms) from their letters.
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[ـىةœæß]/g, (char) => LETTER_VARIANTS[char] ?? char)
      .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
      .replace(/[\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
  );
}

/** The words of a query, folded; empty when there is nothing to search for. */
export function queryWords(query: string): string[] {
  return foldForSearch(query.slice(0, MAX_QUERY_LENGTH))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "")
    .slice(0, MAX_WORDS);
}

/** An item with its text folded once, for searching many times. */
export type SearchableItem = {
  readonly item: PublishedDigestItem;
  readonly folded: string;
};

/** Folds what a search looks at: title, author labels, texts, and the names of its topics and regions. */
export function searchableItem(
  item: PublishedDigestItem,
  extraNames: readonly string[] = [],
): SearchableItem {
  const parts = [
    item.title,
    ...item.messages.flatMap((message) => [message.author, message.text]),
    ...extraNames,
  ];
  return { item, folded: foldForSearch(parts.join("\n")) };
}

/** The items (in the order given) that contain every word of `query`; none for an empty query. */
export function searchItems(items: readonly SearchableItem[], query: string): PublishedDigestItem[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  return items.filter(({ folded }) => words.every((word) => folded.includes(word))).map(({ item }) => item);
}
