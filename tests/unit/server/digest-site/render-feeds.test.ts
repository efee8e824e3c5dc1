import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { feedEntries, FEED_ITEMS } from "../../../../server/digest-site/feeds/feed-entries.ts";
import { renderAtomFeed } from "../../../../server/digest-site/feeds/render-atom-feed.ts";
import { renderJsonFeed } from "../../../../server/digest-site/feeds/render-json-feed.ts";
import { renderRssFeed } from "../../../../server/digest-site/feeds/render-rss-feed.ts";
import { BASE_TIME, publishedItem, realisticEdition } from "../../../support/digest-site-fixtures.ts";
import { siteContext } from "./site-context.ts";

const BASE = "https://hub.example.org/digest";
/** After the realistic edition (items an hour apart from BASE_TIME, closed after the third). */
const HOSTILE_AT = BASE_TIME + 5 * 3_600_000;
const context = siteContext({ base: BASE });
const hostileTitle = `Tom & Jerry <script>alert("x")</script> ]]> \u0000\u0008 done 😀`;
const hostile = publishedItem("h1", {
  title: hostileTitle,
  publishedAt: HOSTILE_AT,
  updatedAt: HOSTILE_AT + 9_000,
  topics: ["online-recruitment", "gone-topic"],
  messages: [
    {
      author: "<b>Ann</b>",
      pseudonymous: true,
      text: "See https://example.org/a?b=1&c=2\u0001 <img src=x onerror=alert(1)>",
    },
  ],
});
const { items, edition } = realisticEdition(3);
const newestFirst = [hostile, ...[...items].reverse()];
const entries = feedEntries(context, newestFirst, [{ edition, items }]);
const cleanTitle = 'Tom & Jerry <script>alert("x")</script> ]]>  done 😀';

describe("feed entries", () => {
  it("list items and editions newest first, with absolute page URLs", () => {
    expect(entries.map((entry) => entry.url)).toEqual([
      `${BASE}/items/h1`,
      `${BASE}/editions/2026-W49`,
      `${BASE}/items/item-0002`,
      `${BASE}/items/item-0001`,
      `${BASE}/items/item-0000`,
    ]);
    const many = Array.from({ length: 80 }, (_, index) =>
      publishedItem(`m${index}`, { publishedAt: BASE_TIME - index }),
    );
    expect(feedEntries(context, many, [])).toHaveLength(FEED_ITEMS);
  });
});

describe("the Atom feed", () => {
  it("reads back with an independent parser: titles, links, ids and dates", () => {
    const feed = parseAtomFeed(renderAtomFeed(context, entries));
    expect(feed.id).toBe(`${BASE}/feed.atom`);
    expect(feed.title?.value).toBe("Meridian Test Network: digest");
    expect(feed.updated).toBe(new Date(HOSTILE_AT + 9_000).toISOString());
    expect(feed.links?.find((link) => link.rel === "self")?.href).toBe(`${BASE}/feed.atom`);
    const entry = feed.entries?.find((e) => e.id === `${BASE}/items/h1`);
    expect(entry?.title?.value).toBe(cleanTitle);
    expect(entry?.links?.[0]?.href).toBe(`${BASE}/items/h1`);
    expect(entry?.published).toBe(new Date(HOSTILE_AT).toISOString());
    expect(entry?.updated).toBe(new Date(HOSTILE_AT + 9_000).toISOString());
    expect(entry?.categories?.map((c) => c.term)).toEqual(["Online recruitment", "gone-topic"]);
    // The HTML content is the site's own escaping: the payload is text inside it.
    expect(entry?.content?.value).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(entry?.content?.value).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener noreferrer ugc">',
    );
    expect(entry?.content?.value).toContain("&lt;b&gt;Ann&lt;/b&gt;");
    const editionEntry = feed.entries?.find((e) => e.id === `${BASE}/editions/2026-W49`);
    expect(editionEntry?.title?.value).toBe("Edition of Week 49, 2026");
    expect(editionEntry?.content?.value).toContain(`<a href="${BASE}/items/item-0000">`);
  });

  it("is well-formed XML with no forbidden characters", () => {
    const xml = renderAtomFeed(context, entries);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(
      xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'),
    ).toBe(true);
  });

  it("is valid when empty", () => {
    const feed = parseAtomFeed(renderAtomFeed(context, []));
    expect(feed.updated).toBe("1970-01-01T00:00:00.000Z");
    expect(feed.entries ?? []).toEqual([]);
  });
});

describe("the RSS feed", () => {
  it("reads back with an independent parser", () => {
    const feed = parseRssFeed(renderRssFeed(context, entries));
    expect(feed.title).toBe("Meridian Test Network: digest");
    expect(feed.link).toBe(BASE);
    expect(feed.language).toBe("en");
    const item = feed.items?.find((i) => i.link === `${BASE}/items/h1`);
    expect(item?.title).toBe(cleanTitle);
    expect(item?.guid?.value).toBe(`${BASE}/items/h1`);
    expect(item?.pubDate).toBe(new Date(HOSTILE_AT).toUTCString());
    expect(item?.description).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("the JSON feed", () => {
  it("reads back with an independent parser", () => {
    const feed = parseJsonFeed(JSON.parse(renderJsonFeed(context, entries)));
    expect(feed.title).toBe("Meridian Test Network: digest");
    expect(feed.feed_url).toBe(`${BASE}/feed.json`);
    expect(feed.home_page_url).toBe(BASE);
    const item = feed.items?.find((i) => i.id === `${BASE}/items/h1`);
    expect(item?.url).toBe(`${BASE}/items/h1`);
    // JSON can carry any character; only the HTML content was sanitised.
    expect(item?.title).toBe(hostileTitle);
    expect(item?.date_published).toBe(new Date(HOSTILE_AT).toISOString());
    expect(item?.date_modified).toBe(new Date(HOSTILE_AT + 9_000).toISOString());
    expect(item?.content_html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(renderJsonFeed(context, entries)).not.toContain("<script>");
  });
});
