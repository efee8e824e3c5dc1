/**
 * The frame of every page: language and direction on `<html>`, the stylesheet and (on pages
 * that follow the index live) the one script, both files served by the hub since the CSP
 * allows nothing inline. Everything works without the script: it only reveals the
 * "changed, reload" banner that is already in the page, hidden. The empty icon saves a
 * browser's request for /favicon.ico, a round trip that counts on a slow connection.
 */
import { directionOf } from "../choose-locale.ts";
import { messagesOf } from "../format-for-locale.ts";
import { html, type SafeHtml } from "../html-template.ts";
import { SITE_LOCALES } from "../messages/site-messages.ts";
import type { PageContext } from "../page-context.ts";

export type SiteSection = "latest" | "archive" | "search" | "directory" | "item";

export type PageFrame = {
  /** The page's own title, before the site's name. */
  readonly title: string;
  readonly section: SiteSection;
  /** Whether the page loads the live-update script. */
  readonly live: boolean;
  readonly main: SafeHtml;
};

/** A whole HTML document. */
export function renderLayout(context: PageContext, frame: PageFrame): string {
  const { format, links, network, assets } = context;
  const { text, locale } = format;
  const siteName = `${network.network.name} · ${text.digest}`;
  const navLink = (section: SiteSection, href: string, label: string) =>
    html`<li>
      <a href="${href}" ${section === frame.section ? html` aria-current="page"` : ""}>${label}</a>
    </li>`;
  return html`<!doctype html>
    <html lang="${locale}" dir="${directionOf(locale)}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <title>${frame.title} · ${siteName}</title>
        <link rel="stylesheet" href="${links.asset("site.css", assets.css)}" />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="${text.atomFeed}"
          href="${links.feed("atom")}"
        />
        <link
          rel="alternate"
          type="application/rss+xml"
          title="${text.rssFeed}"
          href="${links.feed("rss")}"
        />
        <link
          rel="alternate"
          type="application/feed+json"
          title="${text.jsonFeed}"
          href="${links.feed("json")}"
        />
        ${frame.live ? html`<script src="${links.asset("live.js", assets.live)}" defer></script>` : ""}
      </head>
      <body>
        <a class="skip" href="#main">${text.skipToContent}</a>
        <header class="site">
          <p class="site-name">
            <a href="${links.latest()}"><bdi>${network.network.name}</bdi> · ${text.digest}</a>
          </p>
          <nav aria-label="${text.nav.label}">
            <ul>
              ${navLink("latest", links.latest(), text.nav.latest)}
              ${navLink("archive", links.editions(), text.nav.archive)}
              ${navLink("search", links.search(), text.nav.search)}
              ${navLink("directory", links.directory(), text.nav.directory)}
            </ul>
          </nav>
          <nav class="languages" aria-label="${text.languageLabel}">
            <ul>
              ${SITE_LOCALES.map(
                (other) =>
                  html`<li>
                    <a
                      href="${links.inLocale(other)}"
                      lang="${other}"
                      hreflang="${other}"
                      ${other === locale ? html` aria-current="true"` : ""}
                      >${messagesOf(other).autonym}</a
                    >
                  </li>`,
              )}
            </ul>
          </nav>
        </header>
        ${frame.live ? html`<div class="live" id="digest-live" data-socket="${context.socketPath}" role="status" hidden><span>${text.liveChanged}</span> <button type="button">${text.liveReload}</button></div>` : ""}
        <main id="main">${frame.main}</main>
        <footer class="site">
          <p>${text.footer}</p>
          <p>
            ${text.feedsHeading}: <a href="${links.feed("atom")}">${text.atomFeed}</a> ·
            <a href="${links.feed("rss")}">${text.rssFeed}</a> ·
            <a href="${links.feed("json")}">${text.jsonFeed}</a>
          </p>
        </footer>
      </body>
    </html> `.toString();
}
