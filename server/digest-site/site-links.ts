/**
 * Every URL the site writes, in one place: paths under the site's base (which the public URL
 * may put below a prefix), ids percent-encoded, filters and the chosen language carried on.
 * Feeds use the same builder with an absolute base.
 */
import type { ItemFilter } from "./filter-items.ts";
import type { SiteLocale } from "./messages/site-messages.ts";

export type FeedKind = "atom" | "rss" | "json";

/** The page being served, so the language switch can point at it in another language. */
export type CurrentPage = {
  /** Below the site base, e.g. `/editions/2026-W48`; `` for the latest edition. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
};

export type SiteLinks = {
  /** The chosen language when a link must carry it (it came from `?lang=`). */
  readonly lang: SiteLocale | undefined;
  latest(filter?: ItemFilter): string;
  editions(): string;
  edition(id: string, filter?: ItemFilter): string;
  item(id: string): string;
  search(query?: string, filter?: ItemFilter): string;
  directory(): string;
  feed(kind: FeedKind): string;
  asset(file: string, version: string): string;
  /** The current page in `locale`. */
  inLocale(locale: SiteLocale): string;
};

const FEED_FILES: Readonly<Record<FeedKind, string>> = {
  atom: "/feed.atom",
  rss: "/feed.rss",
  json: "/feed.json",
};

/**
 * Links below `base` (e.g. `/digest` or `https://hub.example.org/digest`), carrying `lang`
 * when given.
 */
export function siteLinks(base: string, lang: SiteLocale | undefined, current: CurrentPage): SiteLinks {
  const to = (path: string, params: Readonly<Record<string, string | undefined>> = {}): string => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params))
      if (value !== undefined && value !== "") search.set(name, value);
    if (lang !== undefined) search.set("lang", lang);
    const query = search.toString();
    return `${base}${path}${query === "" ? "" : `?${query}`}`;
  };
  const filterParams = (filter: ItemFilter = {}) => ({ topic: filter.topic, region: filter.region });
  return {
    lang,
    latest: (filter) => to("", filterParams(filter)),
    editions: () => to("/editions"),
    edition: (id, filter) => to(`/editions/${encodeURIComponent(id)}`, filterParams(filter)),
    item: (id) => to(`/items/${encodeURIComponent(id)}`),
    search: (query, filter) => to("/search", { q: query, ...filterParams(filter) }),
    directory: () => to("/directory"),
    feed: (kind) => to(FEED_FILES[kind]),
    asset: (file, version) => `${base}/assets/${file}?v=${encodeURIComponent(version)}`,
    inLocale: (locale) => {
      const search = new URLSearchParams(current.params);
      search.set("lang", locale);
      return `${base}${current.path}?${search.toString()}`;
    },
  };
}
