/**
 * Search: a GET form (so a search is a URL) with the topic and region filters, and the
 * matching items, newest first. The words searched for are shown back in the field, escaped
 * like every other text.
 */
import type { PublishedDigestItem } from "../../../lib/digest-index/index.ts";
import type { ItemFilter } from "../filter-items.ts";
import { html } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { MAX_QUERY_LENGTH } from "../search-items.ts";
import { renderFilterForm } from "./render-filter-form.ts";
import { renderItemList } from "./render-item-list.ts";
import { renderLayout } from "./render-layout.ts";

/** Most results shown on one page. */
export const SEARCH_RESULTS_SHOWN = 50;

/** `/search`: `results` are every match, newest first, or undefined when nothing was asked. */
export function renderSearchPage(
  context: PageContext,
  query: string,
  filter: ItemFilter,
  results: readonly PublishedDigestItem[] | undefined,
): string {
  const { format, links } = context;
  const { text } = format;
  const shown = results?.slice(0, SEARCH_RESULTS_SHOWN) ?? [];
  const outcome =
    results === undefined
      ? html`<p class="hint">${text.searchHint}</p>`
      : html`<p class="count" role="status">${format.count(text.results, results.length)}</p>
          ${results.length > shown.length ? html`<p class="hint">${text.searchLimited(format.number(shown.length))}</p>` : ""}
          ${renderItemList(context, shown, filter, (tag) => links.search(query, tag), 2)}`;
  const searchField = html`<label class="query"
    >${text.searchLabel}
    <input type="search" name="q" value="${query}" maxlength="${MAX_QUERY_LENGTH}" dir="auto"
  /></label>`;
  const main = html`<h1>${text.searchHeading}</h1>
    ${renderFilterForm(context, links.search(), filter, links.search(query), { leading: searchField, submitLabel: text.searchButton, className: "filters search" })}
    ${outcome}`;
  return renderLayout(context, { title: text.searchHeading, section: "search", live: false, main });
}
