/**
 * An edition: the week's items in the order they were published, filterable by topic and
 * region. The latest-edition page shows the same block under its own heading.
 */
import type { PublishedDigestItem, PublishedEdition } from "../../../lib/digest-index/index.ts";
import { filterItems, type ItemFilter } from "../filter-items.ts";
import { fillTemplate, html, type SafeHtml } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { renderDate } from "./render-item-summary.ts";
import { renderFilterForm } from "./render-filter-form.ts";
import { renderItemList } from "./render-item-list.ts";
import { renderLayout } from "./render-layout.ts";

/** An edition with its items, resolved from the index (withdrawn ones already gone). */
export type EditionWithItems = {
  readonly edition: PublishedEdition;
  readonly items: readonly PublishedDigestItem[];
};

/** `/editions/:id`. */
export function renderEditionPage(
  context: PageContext,
  edition: EditionWithItems,
  filter: ItemFilter,
): string {
  const { format } = context;
  const title = format.text.editionHeading(format.week(edition.edition.id));
  const main = html`<h1>${title}</h1>
    ${renderEditionBody(context, edition, filter, 2)}`;
  return renderLayout(context, { title, section: "archive", live: true, main });
}

/** The edition's date line, filters and items, with items under headings of `level`. */
export function renderEditionBody(
  context: PageContext,
  { edition, items }: EditionWithItems,
  filter: ItemFilter,
  level: 2 | 3,
): SafeHtml {
  const { format, links } = context;
  const tagLink = (tag: ItemFilter) => links.edition(edition.id, tag);
  return html`<p class="meta">
      ${fillTemplate(format.text.closedOn, { date: renderDate(context, edition.closedAt) })} ·
      ${format.count(format.text.items, items.length)}
    </p>
    ${renderFilterForm(context, links.edition(edition.id), filter, links.edition(edition.id))}
    ${renderItemList(context, filterItems(items, filter), filter, tagLink, level)}`;
}
