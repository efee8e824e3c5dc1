/**
 * The digest's front page: the latest edition, or before the first edition closes, the
 * latest published items; and where to follow the digest from a feed reader.
 */
import type { PublishedDigestItem } from "../../../lib/digest-index/index.ts";
import { filterItems, type ItemFilter } from "../filter-items.ts";
import { html } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { type EditionWithItems, renderEditionBody } from "./render-edition-page.ts";
import { renderFilterForm } from "./render-filter-form.ts";
import { renderItemList } from "./render-item-list.ts";
import { renderLayout } from "./render-layout.ts";

/** Items shown on the front page before any edition has closed. */
export const LATEST_ITEMS_SHOWN = 30;

export type LatestContent =
  | { readonly kind: "edition"; readonly edition: EditionWithItems }
  /** Newest first. */
  | { readonly kind: "items"; readonly items: readonly PublishedDigestItem[] };

/** `/`. */
export function renderLatestPage(context: PageContext, content: LatestContent, filter: ItemFilter): string {
  const { format, links } = context;
  const { text } = format;
  const body =
    content.kind === "edition"
      ? html`<section>
          <h2>
            <a href="${links.edition(content.edition.edition.id)}"
              >${text.editionHeading(format.week(content.edition.edition.id))}</a
            >
          </h2>
          ${renderEditionBody(context, content.edition, filter, 3)}
        </section>`
      : content.items.length === 0
        ? html`<p class="empty">${text.nothingPublished}</p>`
        : html`<p>${text.noEditionYet}</p>
            ${renderFilterForm(context, links.latest(), filter, links.latest())}
            ${renderItemList(context, filterItems(content.items, filter).slice(0, LATEST_ITEMS_SHOWN), filter, (tag) => links.latest(tag), 2)}`;
  const main = html`<h1>${text.latestHeading}</h1>
    ${body}
    <section class="feeds">
      <h2>${text.feedsHeading}</h2>
      <ul>
        <li><a href="${links.feed("atom")}" type="application/atom+xml">${text.atomFeed}</a></li>
        <li><a href="${links.feed("rss")}" type="application/rss+xml">${text.rssFeed}</a></li>
        <li><a href="${links.feed("json")}" type="application/feed+json">${text.jsonFeed}</a></li>
      </ul>
    </section>`;
  return renderLayout(context, { title: text.latestHeading, section: "latest", live: true, main });
}
