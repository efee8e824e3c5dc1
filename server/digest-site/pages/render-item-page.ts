/**
 * One item's page: every message in full, each under its author's label, pseudonyms marked
 * as such. The item's language is on its content, so a screen reader reads an English item
 * in English inside the French interface; names are isolated (`<bdi>`) so a right-to-left
 * name cannot reorder the text around it.
 */
import type { PublishedDigestItem } from "../../../lib/digest-index/index.ts";
import { directionOf } from "../choose-locale.ts";
import { fillTemplate, html } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";
import { renderPlainText } from "../render-plain-text.ts";
import { renderDate, renderItemTags } from "./render-item-summary.ts";
import { renderLayout } from "./render-layout.ts";

export function renderItemPage(context: PageContext, item: PublishedDigestItem): string {
  const { format, links } = context;
  const { text } = format;
  const dir = directionOf(item.language);
  const updated =
    item.updatedAt > item.publishedAt
      ? html`<p class="meta">
          ${fillTemplate(text.updatedOn, { date: renderDate(context, item.updatedAt) })}
        </p>`
      : "";
  const edition =
    item.edition === undefined
      ? ""
      : html`<p class="meta">
          ${text.inEdition}: <a href="${links.edition(item.edition)}">${format.week(item.edition)}</a>
        </p>`;
  const main = html`<article class="item-page">
    <h1 lang="${item.language}" dir="${dir}"><bdi>${item.title}</bdi></h1>
    ${renderItemTags(context, item, (filter) => links.latest(filter))} ${updated} ${edition}
    ${item.messages.map(
      (message) =>
        html`<section class="message">
          <p class="author">
            <bdi lang="${item.language}">${message.author}</bdi
            >${message.pseudonymous ? html` <span class="pseudonym">(${text.pseudonym})</span>` : ""}
          </p>
          <div class="text" lang="${item.language}" dir="${dir}">${renderPlainText(message.text)}</div>
        </section>`,
    )}
  </article>`;
  return renderLayout(context, { title: item.title, section: "item", live: true, main });
}
