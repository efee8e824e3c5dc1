/**
 * The public digest site end to end: a private Redis seeded with the digest bot's writers
 * (lib/digest-index), a hub started with `startHub`, pages and feeds fetched over HTTP, feeds
 * read back with an independent parser (feedsmith), a withdrawal followed out of every page
 * and feed, and the socket.io push to open pages.
 */
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DigestIndexKeys,
  digestIndexKeys,
  putPublishedEdition,
  putPublishedItem,
  removePublishedItem,
} from "../../../lib/digest-index/index.ts";
import { silentLogger } from "../../../lib/logger.ts";
import { cachedDigestIndex } from "../../../server/digest-source/cached-digest-index.ts";
import { type Hub, startHub } from "../../../server/start-hub.ts";
import { joinDigestRoom, type DigestRoomClient } from "../../support/digest-changes.ts";
import {
  BASE_TIME,
  publishedItem,
  realisticEdition,
  SITE_NETWORK,
} from "../../support/digest-site-fixtures.ts";
import { startRedisServer, type RedisServer } from "../../support/redis-server.ts";
import { capturingLogger } from "../../unit/server/hub-test-helpers.ts";

const PUBLIC_URL = "https://digest.example.org";
const SITE = `${PUBLIC_URL}/digest`;
const PREFIX = "test-digest-site";
const keys: DigestIndexKeys = digestIndexKeys(PREFIX, SITE_NETWORK.network.id);
const { items, edition } = realisticEdition(6);
/** Published after the edition closed, in no edition yet. */
const late = publishedItem("late-1", {
  title: "Helpline volunteers: what we learnt",
  publishedAt: BASE_TIME + 30 * 3_600_000,
  regions: ["mena"],
  topics: ["mothers-engagement"],
  messages: [
    { author: "Hodan", pseudonymous: true, text: "Secret-ish sentence: the evening shift works best." },
  ],
});

let server: RedisServer;
let redis: Redis;
let subscriber: Redis;
let hub: Hub;
let room: DigestRoomClient;
const log = capturingLogger();

const page = (path: string, init?: RequestInit) => fetch(`${hub.url}/digest${path}`, init);

async function text(path: string, init?: RequestInit): Promise<string> {
  const response = await page(path, init);
  expect(response.status, path).toBe(200);
  return response.text();
}

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  subscriber = new Redis(server.url);
  for (const item of items) await putPublishedItem(redis, keys, item);
  await putPublishedEdition(redis, keys, edition);
  await putPublishedItem(redis, keys, late);
  hub = await startHub(
    { host: "127.0.0.1", port: 0, network: SITE_NETWORK, publicUrl: PUBLIC_URL },
    { logger: log.logger, readiness: [], digestIndex: { redis, redisPrefix: PREFIX, subscriber } },
  );
  room = await joinDigestRoom(hub.url);
});

afterAll(async () => {
  room.close();
  await hub.stop();
  redis.disconnect();
  subscriber.disconnect();
  await server.stop();
});

describe("pages", () => {
  it("serve the latest edition as cacheable HTML under the strict CSP", async () => {
    const response = await page("");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(response.headers.get("vary")).toBe("Accept-Language");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const body = await response.text();
    for (const item of items) expect(body).toContain(`href="/digest/items/${item.id}"`);
    expect(body).not.toContain("/digest/items/late-1");
    expect(body).toContain('<script src="/digest/assets/live.js?v=');
  });

  it("serve the archive, an edition, an item, a search and the directory", async () => {
    expect(await text("/editions")).toContain('href="/digest/editions/2026-W49"');
    const editionPage = await text("/editions/2026-W49?region=mena");
    const inMena = items.filter((item) => item.regions.includes("mena"));
    expect(inMena.length).toBeGreaterThan(0);
    for (const item of items)
      expect(editionPage.includes(`href="/digest/items/${item.id}"`)).toBe(inMena.includes(item));
    const itemPage = await text("/items/late-1");
    expect(itemPage).toContain("Helpline volunteers: what we learnt");
    expect(itemPage).toContain("(pseudonym)");
    expect(await text("/search?q=VOLUNTEERS+evening")).toContain('href="/digest/items/late-1"');
    expect(await text("/directory")).toContain("matrix.mena.example.org");
  });

  it("speak the reader's language: ?lang= first, then Accept-Language", async () => {
    const french = await text("", { headers: { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" } });
    expect(french).toContain('<html lang="fr" dir="ltr">');
    expect(french).toContain("Dernière édition");
    const arabic = await text("?lang=ar", { headers: { "accept-language": "fr" } });
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('href="/digest/editions?lang=ar"');
  });

  it("answer unknown ids with the hub's plain 404", async () => {
    for (const path of ["/items/nope", "/editions/2020-W01", "/items/", "/feed.xml", "/assets/evil.js"]) {
      const response = await page(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ errcode: "M_NOT_FOUND", error: "No such resource" });
    }
  });

  it("answer HEAD like GET without a body, and 304 to a matching If-None-Match", async () => {
    for (const path of ["", "/items/late-1", "/feed.atom", "/feed.json"]) {
      const get = await page(path);
      await get.arrayBuffer();
      const head = await page(path, { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
      expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
      expect(await head.text()).toBe("");
      const again = await page(path, { headers: { "if-none-match": get.headers.get("etag") ?? "" } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
    }
  });

  it("serve the stylesheet and the live script as files, long-cached when versioned", async () => {
    const css = await page("/assets/site.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain("inset-inline-start");
    const latest = await text("");
    const script = /src="(\/digest\/assets\/live\.js\?v=[^"]+)"/.exec(latest)?.[1] ?? "";
    const live = await fetch(`${hub.url}${script}`);
    expect(live.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(live.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await live.text()).toContain("digest:join");
  });
});

describe("behind a reverse proxy with a path prefix", () => {
  it("links pages, assets, socket.io and feeds below the public URL's path", async () => {
    const prefixed = await startHub(
      { host: "127.0.0.1", port: 0, network: SITE_NETWORK, publicUrl: "https://example.org/meridian/" },
      { logger: silentLogger(), readiness: [], digestIndex: { redis, redisPrefix: PREFIX } },
    );
    try {
      const body = await (await fetch(`${prefixed.url}/digest`)).text();
      expect(body).toContain('href="/meridian/digest/editions/2026-W49"');
      expect(body).toContain('src="/meridian/digest/assets/live.js?v=');
      expect(body).toContain('data-socket="/meridian/socket.io/"');
      expect(body).not.toMatch(/(href|src|action)="\/digest/);
      const feed = parseAtomFeed(await (await fetch(`${prefixed.url}/digest/feed.atom`)).text());
      expect(feed.id).toBe("https://example.org/meridian/digest/feed.atom");
      expect(feed.entries?.[0]?.id).toBe("https://example.org/meridian/digest/items/late-1");
    } finally {
      await prefixed.stop();
    }
  });
});

describe("feeds", () => {
  it("are Atom 1.0 with absolute links from the public URL, read back by an independent parser", async () => {
    const response = await page("/feed.atom");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const feed = parseAtomFeed(await response.text());
    expect(feed.id).toBe(`${SITE}/feed.atom`);
    expect(feed.entries?.map((entry) => entry.id)).toEqual([
      `${SITE}/items/late-1`,
      `${SITE}/editions/2026-W49`,
      ...[...items].reverse().map((item) => `${SITE}/items/${item.id}`),
    ]);
    const first = feed.entries?.[0];
    expect(first?.title?.value).toBe(late.title);
    expect(first?.links?.[0]?.href).toBe(`${SITE}/items/late-1`);
    expect(first?.published).toBe(new Date(late.publishedAt).toISOString());
    expect(feed.entries?.[1]?.title?.value).toBe("Edition of Week 49, 2026");
  });

  it("are RSS 2.0, read back by an independent parser", async () => {
    const response = await page("/feed.rss");
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const feed = parseRssFeed(await response.text());
    expect(feed.link).toBe(SITE);
    const first = feed.items?.[0];
    expect(first?.title).toBe(late.title);
    expect(first?.guid?.value).toBe(`${SITE}/items/late-1`);
    expect(first?.pubDate).toBe(new Date(late.publishedAt).toUTCString());
  });

  it("are JSON Feed 1.1, read back by an independent parser", async () => {
    const response = await page("/feed.json");
    expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = parseJsonFeed(await response.json());
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.items?.map((item) => item.id)).toHaveLength(items.length + 2);
    expect(feed.items?.[0]?.date_published).toBe(new Date(late.publishedAt).toISOString());
  });

  it("can be had in another language", async () => {
    const feed = parseAtomFeed(await text("/feed.atom?lang=fr"));
    expect(feed.title?.value).toBe("Meridian Test Network : digest");
    expect(feed.id).toBe(`${SITE}/feed.atom?lang=fr`);
  });
});

describe("changes", () => {
  it("are pushed to the digest room, and a published item shows at once", async () => {
    const before = await page("/feed.json");
    const etag = before.headers.get("etag") ?? "";
    await before.arrayBuffer();
    const fresh = publishedItem("fresh-1", {
      title: "Just published",
      publishedAt: BASE_TIME + 40 * 3_600_000,
    });
    const pushed = room.next((change) => change.kind === "published" && change.item === "fresh-1");
    await putPublishedItem(redis, keys, fresh);
    expect(await pushed).toEqual({ kind: "published", item: "fresh-1" });
    expect(await text("/items/fresh-1")).toContain("Just published");
    const after = await page("/feed.json", { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect((parseJsonFeed(await after.json()).items ?? [])[0]?.id).toBe(`${SITE}/items/fresh-1`);
  });

  it("take a withdrawn item off every page and all three feeds", async () => {
    const withdrawn = items[2];
    if (withdrawn === undefined) throw new Error("fixture has too few items");
    const url = `${SITE}/items/${withdrawn.id}`;
    const link = `href="/digest/items/${withdrawn.id}"`;
    // Seen everywhere first (and so cached), so the test shows the caches let go of it.
    expect(await text("")).toContain(link);
    expect(await text("/editions/2026-W49")).toContain(link);
    expect(await text("/feed.atom")).toContain(url);
    const removed = room.next((change) => change.kind === "removed" && change.item === withdrawn.id);
    await removePublishedItem(redis, keys, withdrawn.id, [edition.id]);
    await removed;

    expect((await page(`/items/${withdrawn.id}`)).status).toBe(404);
    for (const path of ["", "/editions/2026-W49", `/search?q=${encodeURIComponent(withdrawn.title)}`])
      expect(await text(path), path).not.toContain(link);
    const atom = parseAtomFeed(await text("/feed.atom"));
    expect(atom.entries?.map((entry) => entry.id)).not.toContain(url);
    expect(
      atom.entries?.find((entry) => entry.id === `${SITE}/editions/2026-W49`)?.content?.value,
    ).not.toContain(url);
    expect(parseRssFeed(await text("/feed.rss")).items?.map((item) => item.link)).not.toContain(url);
    const json = parseJsonFeed(JSON.parse(await text("/feed.json")));
    expect(json.items?.map((item) => item.id)).not.toContain(url);
    expect(JSON.stringify(json)).not.toContain(url);
    expect(await text("/editions")).toContain(`${items.length - 1} items`);
  });

  it("never put message text in the logs", () => {
    const logged = JSON.stringify(log.lines);
    expect(log.lines.length).toBeGreaterThan(10);
    expect(logged).not.toContain("evening shift");
    expect(logged).not.toContain("listening circle");
  });
});

describe("the cached index", () => {
  it("re-reads when old, serves an old snapshot when Redis fails, but never one an announcement made stale", async () => {
    const connection = new Redis(server.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
    });
    await connection.connect();
    let clock = 0;
    const cache = cachedDigestIndex({
      redis: connection,
      keys,
      logger: silentLogger(),
      maxAgeMs: 1_000,
      now: () => clock,
    });
    const first = await cache.current();
    if (!first.ok) throw new Error("the index should be readable");
    expect(first.value.snapshot.itemsById.has("late-1")).toBe(true);
    expect((await cache.current()).ok && (await cache.current())).toEqual(first);

    await putPublishedItem(
      redis,
      keys,
      publishedItem("cache-1", { publishedAt: BASE_TIME + 50 * 3_600_000 }),
    );
    // Not announced to this cache: it keeps its snapshot until it is a second old.
    const held = await cache.current();
    expect(held.ok && held.value).toBe(first.value);
    clock += 1_001;
    const reread = await cache.current();
    expect(reread.ok && reread.value.snapshot.itemsById.has("cache-1")).toBe(true);

    const ended = new Promise((resolve) => connection.once("end", resolve));
    connection.disconnect();
    await ended;
    clock += 1_001;
    const older = await cache.current();
    expect(older.ok && older.value).toBe(reread.ok && reread.value);
    cache.invalidate();
    expect(await cache.current()).toEqual({ ok: false, error: "unavailable" });

    await connection.connect();
    const back = await cache.current();
    expect(back.ok && back.value.snapshot.itemsById.has("cache-1")).toBe(true);
    connection.disconnect();
  });
});
