/** The digest as an RSS 2.0 feed, with the Atom `self` link feed validators ask for. */
import { xml } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { type FeedEntry, feedUpdated } from "./feed-entries.ts";

export const RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8";

export function renderRssFeed(context: PageContext, entries: readonly FeedEntry[]): string {
  const { format, links, network } = context;
  // RFC 822 dates, as RSS 2.0 requires; toUTCString writes them with "GMT".
  const rfc822 = (epochMs: number) => new Date(epochMs).toUTCString();
  return xml`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${format.text.feedTitle(network.network.name)}</title>
<link>${links.latest()}</link>
<description>${format.text.feedDescription(network.network.name)}</description>
<language>${format.locale}</language>
<lastBuildDate>${rfc822(feedUpdated(entries))}</lastBuildDate>
<atom:link href="${links.feed("rss")}" rel="self" type="application/rss+xml"/>
<generator>Meridian</generator>
${entries.map(
  (entry) => xml`<item>
<title>${entry.title}</title>
<link>${entry.url}</link>
<guid isPermaLink="true">${entry.url}</guid>
<pubDate>${rfc822(entry.published)}</pubDate>
${entry.tags.map((tag) => xml`<category>${tag}</category>`)}
<description>${entry.contentHtml.toString()}</description>
</item>
`,
)}</channel>
</rss>
`.toString();
}
