/**
 * Answers a digest page or feed: renders it (or takes it from the snapshot's page cache),
 * tags it, and answers 304 when the client already has it. Public caching is short
 * (`max-age=60`): a withdrawn item must be gone from every cache within about a minute.
 */
import type { Request, Response } from "express";
import { entityTagOf, ifNoneMatchHits } from "../calendars/entity-tag.ts";
import type { DigestSiteNetwork } from "../digest-site/digest-site-network.ts";
import { ATOM_CONTENT_TYPE } from "../digest-site/feeds/render-atom-feed.ts";
import { JSON_FEED_CONTENT_TYPE } from "../digest-site/feeds/render-json-feed.ts";
import { RSS_CONTENT_TYPE } from "../digest-site/feeds/render-rss-feed.ts";
import { type AssetVersions, type PageContext, pageContextOf } from "../digest-site/page-context.ts";
import type { FeedKind } from "../digest-site/site-links.ts";
import type { DigestView, RenderedBody } from "./cached-digest-index.ts";

export const DIGEST_CACHE_CONTROL = "public, max-age=60";

const CONTENT_TYPES: Readonly<Record<"html" | FeedKind, string>> = {
  html: "text/html; charset=utf-8",
  atom: ATOM_CONTENT_TYPE,
  rss: RSS_CONTENT_TYPE,
  json: JSON_FEED_CONTENT_TYPE,
};

/** Where the site lives: its path below the public URL, and the origin feeds link to. */
export type SiteLocation = {
  readonly network: DigestSiteNetwork;
  readonly assets: AssetVersions;
  /** The public URL without a trailing slash; undefined to use the request's host. */
  readonly publicUrl: string | undefined;
  /** The public URL's path (a reverse proxy's prefix), without a trailing slash; usually "". */
  readonly basePath: string;
};

/** One page or feed to answer. */
export type DigestPageSpec = {
  readonly kind: "html" | FeedKind;
  /** What identifies the body besides the locale and base; undefined to render every time. */
  readonly cacheKey: string | undefined;
  /** The path below the site, for the language switch, e.g. `/editions/2026-W48`. */
  readonly path: string;
  /** The query that made this page (filters, search words), without `lang`. */
  readonly params: Readonly<Record<string, string>>;
  render(context: PageContext): string;
};

/** Renders (or reuses) `spec` for `req` from `view` and sends it. */
export function sendDigestPage(
  req: Request,
  res: Response,
  location: SiteLocation,
  view: DigestView,
  spec: DigestPageSpec,
): void {
  const feed = spec.kind !== "html";
  // Without a configured public URL (a devnet), feeds link to whatever host was asked for;
  // the cache key below keeps one host's feed from being served to another.
  const publicBase = location.publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`;
  const { basePath } = location;
  const lang = firstQueryValue(req.query["lang"]);
  const context = pageContextOf(location.network, location.assets, {
    lang,
    // Feeds are read by programs that rarely send a reader's languages: only ?lang= counts.
    acceptLanguage: feed ? undefined : req.get("accept-language"),
    base: feed ? `${publicBase}/digest` : `${basePath}/digest`,
    current: { path: spec.path, params: spec.params },
    socketPath: `${basePath}/socket.io/`,
  });
  const render = (): RenderedBody => {
    const text = spec.render(context);
    return {
      body: Buffer.from(text, "utf8"),
      etag: entityTagOf(text),
      contentType: CONTENT_TYPES[spec.kind],
    };
  };
  const key = [spec.cacheKey, context.format.locale, context.links.lang ?? "", feed ? publicBase : ""].join(
    "\n",
  );
  const rendered = spec.cacheKey === undefined ? render() : view.page(key, render);

  res.set({
    "content-type": rendered.contentType,
    "cache-control": DIGEST_CACHE_CONTROL,
    etag: rendered.etag,
    ...(feed ? {} : { vary: "Accept-Language" }),
  });
  if (ifNoneMatchHits(req.get("if-none-match"), rendered.etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).send(rendered.body);
}

/** A query parameter as one string (the first when repeated); undefined when absent or not text. */
export function firstQueryValue(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return undefined;
}
