/**
 * A filtered list of items, with the filter form above it and a line saying so when nothing
 * matches; shared by the latest-edition, edition and search pages.
 */
import type { PublishedDigestItem } from "../../../lib/digest-index/index.ts";
import { isFiltered, type ItemFilter } from "../filter-items.ts";
import { html, type SafeHtml } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { renderItemSummary, type TagLink } from "./render-item-summary.ts";

export function renderItemList(
  context: PageContext,
  items: readonly PublishedDigestItem[],
  filter: ItemFilter,
  tagLink: TagLink,
  level: 2 | 3,
): SafeHtml {
  if (items.length === 0)
    return isFiltered(filter) ? html`<p class="empty">${context.format.text.noMatch}</p>` : html``;
  return html`<div class="items">
    ${items.map((item) => renderItemSummary(context, item, level, tagLink))}
  </div>`;
}
