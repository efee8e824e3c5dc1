/** The digest as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
import type { PageContext } from "../page-context.ts";
import type { FeedEntry } from "./feed-entries.ts";

export const JSON_FEED_CONTENT_TYPE = "application/feed+json; charset=utf-8";

export function renderJsonFeed(context: PageContext, entries: readonly FeedEntry[]): string {
  const { format, links, network } = context;
  const iso = (epochMs: number) => new Date(epochMs).toISOString();
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: format.text.feedTitle(network.network.name),
    home_page_url: links.latest(),
    feed_url: links.feed("json"),
    description: format.text.feedDescription(network.network.name),
    language: format.locale,
    authors: [{ name: network.network.name }],
    items: entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      content_html: entry.contentHtml.toString(),
      summary: entry.summary,
      date_published: iso(entry.published),
      date_modified: iso(entry.updated),
      language: entry.language,
      ...(entry.tags.length === 0 ? {} : { tags: entry.tags }),
    })),
  };
  // `<` escaped too: the feed stays inert even if something ever served it as HTML.
  return `${JSON.stringify(feed, null, 1).replace(/</g, "\\u003c")}\n`;
}
