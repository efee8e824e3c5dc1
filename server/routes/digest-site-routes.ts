/**
 * The public digest site under `/digest`: the latest edition, the archive by week, each
 * edition and item, search, the network directory, and Atom, RSS and JSON feeds (HEAD too).
 * Everything shown comes from the digest index (only what consent, redaction and approval let
 * through) and is escaped on the way out. Unknown ids get the hub's plain 404.
 *
 * Pages are rendered from an in-memory snapshot of the index, once per change, and cached
 * publicly for a minute at most; open pages learn about changes over socket.io.
 */
import { Router, type Request } from "express";
import { notFoundError } from "../error-middleware.ts";
import { HubError } from "../hub-error.ts";
import { ifNoneMatchHits } from "../calendars/entity-tag.ts";
import type { DigestView } from "../digest-source/cached-digest-index.ts";
import type { DigestSite } from "../digest-source/connect-digest-site.ts";
import { readSiteAssets } from "../digest-source/read-site-assets.ts";
import {
  type DigestPageSpec,
  firstQueryValue,
  sendDigestPage,
  type SiteLocation,
} from "../digest-source/send-digest-page.ts";
import { feedEntries } from "../digest-site/feeds/feed-entries.ts";
import { renderAtomFeed } from "../digest-site/feeds/render-atom-feed.ts";
import { renderJsonFeed } from "../digest-site/feeds/render-json-feed.ts";
import { renderRssFeed } from "../digest-site/feeds/render-rss-feed.ts";
import { filterItems, type ItemFilter, readItemFilter } from "../digest-site/filter-items.ts";
import type { PageContext } from "../digest-site/page-context.ts";
import { renderArchivePage } from "../digest-site/pages/render-archive-page.ts";
import { renderDirectoryPage } from "../digest-site/pages/render-directory-page.ts";
import { renderEditionPage } from "../digest-site/pages/render-edition-page.ts";
import { renderItemPage } from "../digest-site/pages/render-item-page.ts";
import { renderLatestPage } from "../digest-site/pages/render-latest-page.ts";
import { renderSearchPage } from "../digest-site/pages/render-search-page.ts";
import { searchItems } from "../digest-site/search-items.ts";
import type { FeedKind } from "../digest-site/site-links.ts";
import type { HubRouteModule } from "./route-module.ts";

/** Versioned asset URLs never change content; an unversioned or old one is kept briefly. */
const ASSET_CACHE_CONTROL = { versioned: "public, max-age=31536000, immutable", other: "public, max-age=60" };

const FEEDS: Readonly<Record<FeedKind, (context: PageContext, view: DigestView) => string>> = {
  atom: (context, view) => renderAtomFeed(context, entriesOf(context, view)),
  rss: (context, view) => renderRssFeed(context, entriesOf(context, view)),
  json: (context, view) => renderJsonFeed(context, entriesOf(context, view)),
};

/** `/digest/...`, when the hub was given a digest index. */
export const digestSiteRoutes: HubRouteModule = {
  name: "digest",
  mountPath: "/digest",
  createRouter: ({ digestSite }) => {
    const router = Router();
    if (digestSite === undefined) return router;
    const assets = readSiteAssets();
    const publicUrl = digestSite.publicUrl?.replace(/\/+$/, "");
    const location: SiteLocation = {
      network: digestSite.network,
      assets: assets.versions,
      publicUrl,
      basePath: publicUrl === undefined ? "" : new URL(publicUrl).pathname.replace(/\/+$/, ""),
    };
    const { network } = digestSite;
    const filterOf = (req: Request): ItemFilter =>
      readItemFilter(network, firstQueryValue(req.query["topic"]), firstQueryValue(req.query["region"]));

    router.get("/assets/:file", (req, res) => {
      const asset = assets.files.get(req.params.file);
      if (asset === undefined) throw notFoundError();
      const versioned = firstQueryValue(req.query["v"]) === asset.version;
      res.set({
        "content-type": asset.contentType,
        "cache-control": versioned ? ASSET_CACHE_CONTROL.versioned : ASSET_CACHE_CONTROL.other,
        etag: asset.etag,
      });
      if (ifNoneMatchHits(req.get("if-none-match"), asset.etag)) {
        res.status(304).end();
        return;
      }
      res.status(200).send(asset.body);
    });

    router.get("/", async (req, res) => {
      const view = await currentView(digestSite);
      const filter = filterOf(req);
      const latest = view.snapshot.editions[0];
      sendDigestPage(req, res, location, view, {
        kind: "html",
        cacheKey: `latest\n${filterKey(filter)}`,
        path: "",
        params: filterParams(filter),
        render: (context) =>
          renderLatestPage(
            context,
            latest === undefined
              ? { kind: "items", items: view.snapshot.items }
              : { kind: "edition", edition: { edition: latest, items: view.snapshot.itemsOf(latest) } },
            filter,
          ),
      });
    });

    router.get("/editions", async (req, res) => {
      const view = await currentView(digestSite);
      sendDigestPage(req, res, location, view, {
        kind: "html",
        cacheKey: "editions",
        path: "/editions",
        params: {},
        render: (context) => renderArchivePage(context, view.snapshot.editions),
      });
    });

    router.get("/editions/:id", async (req, res) => {
      const view = await currentView(digestSite);
      const edition = view.snapshot.editionsById.get(req.params.id);
      if (edition === undefined) throw notFoundError();
      const filter = filterOf(req);
      sendDigestPage(req, res, location, view, {
        kind: "html",
        cacheKey: `edition\n${edition.id}\n${filterKey(filter)}`,
        path: `/editions/${encodeURIComponent(edition.id)}`,
        params: filterParams(filter),
        render: (context) =>
          renderEditionPage(context, { edition, items: view.snapshot.itemsOf(edition) }, filter),
      });
    });

    router.get("/items/:id", async (req, res) => {
      const view = await currentView(digestSite);
      const item = view.snapshot.itemsById.get(req.params.id);
      if (item === undefined) throw notFoundError();
      sendDigestPage(req, res, location, view, {
        kind: "html",
        cacheKey: `item\n${item.id}`,
        path: `/items/${encodeURIComponent(item.id)}`,
        params: {},
        render: (context) => renderItemPage(context, item),
      });
    });

    router.get("/search", async (req, res) => {
      const view = await currentView(digestSite);
      const query = firstQueryValue(req.query["q"])?.trim() ?? "";
      const filter = filterOf(req);
      // Not cached: the words are anyone's, and a search costs a scan of folded text.
      const spec: DigestPageSpec = {
        kind: "html",
        cacheKey: undefined,
        path: "/search",
        params: { ...(query === "" ? {} : { q: query }), ...filterParams(filter) },
        render: (context) =>
          renderSearchPage(
            context,
            query,
            filter,
            query === "" ? undefined : filterItems(searchItems(view.snapshot.searchable(), query), filter),
          ),
      };
      sendDigestPage(req, res, location, view, spec);
    });

    router.get("/directory", async (req, res) => {
      const view = await currentView(digestSite);
      sendDigestPage(req, res, location, view, {
        kind: "html",
        cacheKey: "directory",
        path: "/directory",
        params: {},
        render: (context) => renderDirectoryPage(context, network),
      });
    });

    for (const kind of ["atom", "rss", "json"] as const) {
      router.get(`/feed.${kind}`, async (req, res) => {
        const view = await currentView(digestSite);
        sendDigestPage(req, res, location, view, {
          kind,
          cacheKey: `feed\n${kind}`,
          path: `/feed.${kind}`,
          params: {},
          render: (context) => FEEDS[kind](context, view),
        });
      });
    }

    return router;
  },
};

async function currentView(site: DigestSite): Promise<DigestView> {
  const view = await site.index.current();
  if (!view.ok)
    throw new HubError(503, "M_UNKNOWN", "The digest cannot be read right now; try again shortly");
  return view.value;
}

function entriesOf(context: PageContext, view: DigestView) {
  const { snapshot } = view;
  return feedEntries(
    context,
    snapshot.items,
    snapshot.editions.map((edition) => ({ edition, items: snapshot.itemsOf(edition) })),
  );
}

function filterKey(filter: ItemFilter): string {
  return `${filter.topic ?? ""}\n${filter.region ?? ""}`;
}

function filterParams(filter: ItemFilter): Record<string, string> {
  return {
    ...(filter.topic === undefined ? {} : { topic: filter.topic }),
    ...(filter.region === undefined ? {} : { region: filter.region }),
  };
}
