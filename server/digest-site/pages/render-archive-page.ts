/** The archive: every edition by week, newest first, grouped by year. */
import type { PublishedEdition } from "../../../lib/digest-index/index.ts";
import { fillTemplate, html } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { renderDate } from "./render-item-summary.ts";
import { renderLayout } from "./render-layout.ts";

/** `/editions`: `editions` newest first. */
export function renderArchivePage(context: PageContext, editions: readonly PublishedEdition[]): string {
  const { format, links } = context;
  const { text } = format;
  const years = new Map<string, PublishedEdition[]>();
  for (const edition of editions) {
    const year =
      /^(\d{4})-W\d{2}$/.exec(edition.id)?.[1] ?? String(new Date(edition.closedAt).getUTCFullYear());
    years.set(year, [...(years.get(year) ?? []), edition]);
  }
  const main = html`<h1>${text.archiveHeading}</h1>
    ${editions.length === 0 ? html`<p class="empty">${text.noEditions}</p>` : ""}
    ${[...years].map(
      ([year, inYear]) =>
        html`<section class="year">
          <h2>${format.number(Number(year))}</h2>
          <ul class="editions">
            ${inYear.map(
              (edition) =>
                html`<li>
                  <a href="${links.edition(edition.id)}">${format.week(edition.id)}</a> ·
                  ${fillTemplate(text.closedOn, { date: renderDate(context, edition.closedAt) })} ·
                  ${format.count(text.items, edition.items.length)}
                </li>`,
            )}
          </ul>
        </section>`,
    )}`;
  return renderLayout(context, { title: text.archiveHeading, section: "archive", live: true, main });
}
