/** The digest as an Atom 1.0 feed (RFC 4287). */
import { xml } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { type FeedEntry, feedUpdated } from "./feed-entries.ts";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

export function renderAtomFeed(context: PageContext, entries: readonly FeedEntry[]): string {
  const { format, links, network } = context;
  const feedUrl = links.feed("atom");
  const iso = (epochMs: number) => new Date(epochMs).toISOString();
  return xml`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${format.locale}">
<title>${format.text.feedTitle(network.network.name)}</title>
<subtitle>${format.text.feedDescription(network.network.name)}</subtitle>
<id>${feedUrl}</id>
<link rel="self" type="application/atom+xml" href="${feedUrl}"/>
<link rel="alternate" type="text/html" href="${links.latest()}"/>
<updated>${iso(feedUpdated(entries))}</updated>
<author><name>${network.network.name}</name></author>
<generator>Meridian</generator>
${entries.map(
  (entry) => xml`<entry xml:lang="${entry.language}">
<title type="text">${entry.title}</title>
<id>${entry.url}</id>
<link rel="alternate" type="text/html" href="${entry.url}"/>
<published>${iso(entry.published)}</published>
<updated>${iso(entry.updated)}</updated>
${entry.tags.map((tag) => xml`<category term="${tag}"/>`)}
<summary type="text">${entry.summary}</summary>
<content type="html">${entry.contentHtml.toString()}</content>
</entry>
`,
)}</feed>
`.toString();
}
