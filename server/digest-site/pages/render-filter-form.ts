/**
 * The topic and region filters as a plain GET form (and a link that clears them): it works
 * without JavaScript, and its URL is one a reader can bookmark or share.
 */
import type { ItemFilter } from "../filter-items.ts";
import { html, type SafeHtml } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";

/** Extra fields of a filter form: the search page puts its search field first. */
export type FilterFormOptions = {
  readonly leading?: SafeHtml;
  readonly submitLabel?: string;
  readonly className?: string;
};

/** A filter form that submits to `action`, and a link to `clearHref` when a filter is on. */
export function renderFilterForm(
  context: PageContext,
  action: string,
  filter: ItemFilter,
  clearHref: string,
  options: FilterFormOptions = {},
): SafeHtml {
  const { text } = context.format;
  const { labels, links } = context;
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}" ${selected ? html` selected` : ""}>${label}</option>`;
  return html`<form class="${options.className ?? "filters"}" method="get" action="${action}">
    ${links.lang === undefined ? "" : html`<input type="hidden" name="lang" value="${links.lang}" />`}
    ${options.leading ?? ""}
    <label
      >${text.topics}
      <select name="topic">
        ${option("", text.allTopics, filter.topic === undefined)}${labels.topics.map(({ id, label }) => option(id, label, filter.topic === id))}
      </select></label
    >
    <label
      >${text.regions}
      <select name="region">
        ${option("", text.allRegions, filter.region === undefined)}${labels.regions.map(({ id, label }) => option(id, label, filter.region === id))}
      </select></label
    >
    <button type="submit">${options.submitLabel ?? text.applyFilter}</button>
    ${filter.topic === undefined && filter.region === undefined ? "" : html`<a href="${clearHref}">${text.clearFilters}</a>`}
  </form>`;
}
