/**
 * What the three feeds list, decided once: the newest published items and the newest
 * editions, newest first, each with its HTML content built by the same escaping templates
 * as the pages (so a feed reader gets text that is already safe) and absolute links.
 */
import type { PublishedDigestItem, PublishedEdition } from "../../../lib/digest-index/index.ts";
import { html, type SafeHtml } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { excerptOf } from "../pages/render-item-summary.ts";
import { renderPlainText } from "../render-plain-text.ts";

/** Items and editions in a feed: enough for a reader polling hourly, small enough to poll. */
export const FEED_ITEMS = 50;
export const FEED_EDITIONS = 10;

export type FeedEntry = {
  readonly kind: "item" | "edition";
  /** The page's absolute URL; also the entry's stable id. */
  readonly url: string;
  readonly title: string;
  /** The language of the entry's content. */
  readonly language: string;
  readonly published: number;
  readonly updated: number;
  /** Topic labels. */
  readonly tags: readonly string[];
  readonly summary: string;
  readonly contentHtml: SafeHtml;
};

/** An edition and the items it lists, as far as they are still published. */
export type FeedEdition = {
  readonly edition: PublishedEdition;
  readonly items: readonly PublishedDigestItem[];
};

/** Feed entries from `items` (newest first) and `editions` (newest first), `context` with absolute links. */
export function feedEntries(
  context: PageContext,
  items: readonly PublishedDigestItem[],
  editions: readonly FeedEdition[],
): FeedEntry[] {
  const entries = [
    ...items.slice(0, FEED_ITEMS).map((item) => itemEntry(context, item)),
    ...editions.slice(0, FEED_EDITIONS).map((edition) => editionEntry(context, edition)),
  ];
  // Ties keep editions after items, so the order does not depend on the sort's stability.
  return entries.sort(
    (a, b) => b.published - a.published || a.kind.localeCompare(b.kind) || a.url.localeCompare(b.url),
  );
}

function itemEntry(context: PageContext, item: PublishedDigestItem): FeedEntry {
  const { format, labels, links } = context;
  const content = item.messages.map(
    (message) =>
      html`<p>
          <strong>${message.author}</strong>${message.pseudonymous ? ` (${format.text.pseudonym})` : ""}
        </p>
        ${renderPlainText(message.text)}`,
  );
  return {
    kind: "item",
    url: links.item(item.id),
    title: item.title,
    language: item.language,
    published: item.publishedAt,
    updated: Math.max(item.updatedAt, item.publishedAt),
    tags: item.topics.map((id) => labels.topic(id)),
    summary: excerptOf(item.messages[0]?.text ?? ""),
    contentHtml: html`${content}`,
  };
}

function editionEntry(context: PageContext, { edition, items }: FeedEdition): FeedEntry {
  const { format, links } = context;
  const summary = format.count(format.text.items, items.length);
  return {
    kind: "edition",
    url: links.edition(edition.id),
    title: format.text.editionEntryTitle(format.week(edition.id)),
    language: format.locale,
    published: edition.closedAt,
    updated: Math.max(edition.closedAt, ...items.map((item) => item.updatedAt)),
    tags: [],
    summary,
    contentHtml: html`<p>${summary}</p>
      <ul>
        ${items.map((item) => html`<li><a href="${links.item(item.id)}">${item.title}</a></li>`)}
      </ul>`,
  };
}

/** The feed's own date: its newest entry's, or the epoch for an empty feed (so the body is stable). */
export function feedUpdated(entries: readonly FeedEntry[]): number {
  return entries.reduce((latest, entry) => Math.max(latest, entry.updated), 0);
}
