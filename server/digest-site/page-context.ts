/**
 * What every page renderer is given: the network, the reader's locale (strings, dates,
 * labels) and the links. Renderers are pure functions of it and the index's data.
 */
import { type CurrentPage, siteLinks, type SiteLinks } from "./site-links.ts";
import { chooseLocale } from "./choose-locale.ts";
import { type DigestSiteNetwork, type SiteLabels, siteLabelsOf } from "./digest-site-network.ts";
import { formatFor, type LocaleFormat } from "./format-for-locale.ts";

/** Versions of the stylesheet and the live-update script, to bust caches when they change. */
export type AssetVersions = { readonly css: string; readonly live: string };

export type PageContext = {
  readonly network: DigestSiteNetwork;
  readonly format: LocaleFormat;
  readonly labels: SiteLabels;
  readonly links: SiteLinks;
  readonly assets: AssetVersions;
  /** Where the hub's socket.io answers, for the live-update script. */
  readonly socketPath: string;
};

/** What a request tells about how to render a page. */
export type PageRequest = {
  /** `?lang=`, if given. */
  readonly lang: string | undefined;
  readonly acceptLanguage: string | undefined;
  /** Where the site lives, e.g. `/digest`, or an absolute URL for feeds. */
  readonly base: string;
  readonly current: CurrentPage;
  readonly socketPath: string;
};

/** The page context for a request. */
export function pageContextOf(
  network: DigestSiteNetwork,
  assets: AssetVersions,
  request: PageRequest,
): PageContext {
  const choice = chooseLocale(request.lang, request.acceptLanguage, network.network.defaultLanguage);
  return {
    network,
    format: formatFor(choice.locale),
    labels: siteLabelsOf(network, choice.locale),
    links: siteLinks(request.base, choice.explicit ? choice.locale : undefined, request.current),
    assets,
    socketPath: request.socketPath,
  };
}
