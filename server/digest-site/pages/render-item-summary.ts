/**
 * An item as a list shows it (edition, latest, search): title, date, regions and topics as
 * filter links, and the start of its first message. The whole text is on the item's own
 * page, which keeps a 20-item edition light on a slow connection.
 */
import type { PublishedDigestItem } from "../../../lib/digest-index/index.ts";
import { directionOf } from "../choose-locale.ts";
import { fillTemplate, html, type SafeHtml } from "../html-template.ts";
import type { PageContext } from "../page-context.ts";

/** Longest excerpt, in characters, before it is cut at a word. */
export const EXCERPT_LENGTH = 280;

/** Where a tag links to: the same list, filtered by that tag. */
export type TagLink = (filter: { topic: string } | { region: string }) => string;

/** One item in a list, under a heading of `level`. */
export function renderItemSummary(
  context: PageContext,
  item: PublishedDigestItem,
  level: 2 | 3,
  tagLink: TagLink,
): SafeHtml {
  const { format, links } = context;
  const first = item.messages[0];
  const title = html`<a href="${links.item(item.id)}"><bdi>${item.title}</bdi></a>`;
  return html`<article class="item">
    ${level === 2 ? html`<h2 lang="${item.language}" dir="${directionOf(item.language)}">${title}</h2>` : html`<h3 lang="${item.language}" dir="${directionOf(item.language)}">${title}</h3>`}
    ${renderItemTags(context, item, tagLink)}
    ${first === undefined ? "" : html`<p class="excerpt" lang="${item.language}" dir="${directionOf(item.language)}"><bdi class="author">${first.author}</bdi>: ${excerptOf(first.text)}</p>`}
    <p class="more">
      <a href="${links.item(item.id)}">${format.text.readItem}</a>
      (${format.count(format.text.messages, item.messages.length)})
    </p>
  </article> `;
}

/** The date line and the tag links of an item. */
export function renderItemTags(context: PageContext, item: PublishedDigestItem, tagLink: TagLink): SafeHtml {
  const { format, labels } = context;
  const regions = item.regions.map(
    (id) => html`<a href="${tagLink({ region: id })}">${labels.region(id)}</a>`,
  );
  const topics = item.topics.map((id) => html`<a href="${tagLink({ topic: id })}">${labels.topic(id)}</a>`);
  return html`<p class="meta">
    ${fillTemplate(format.text.publishedOn, { date: renderDate(context, item.publishedAt) })}${tagList(format.text.regions, regions)}${tagList(format.text.topics, topics)}
  </p>`;
}

/** A `<time>` with the day in the reader's locale. */
export function renderDate(context: PageContext, epochMs: number): SafeHtml {
  return html`<time datetime="${new Date(epochMs).toISOString()}">${context.format.date(epochMs)}</time>`;
}

function tagList(label: string, tags: readonly SafeHtml[]): SafeHtml | "" {
  if (tags.length === 0) return "";
  return html` ·
    <span class="tags"
      ><span class="label">${label}:</span>
      ${tags.map((tag, index) => html`${index > 0 ? ", " : ""}${tag}`)}</span
    >`;
}

/** The first paragraph of `text`, cut at a word near {@link EXCERPT_LENGTH}, on one line. */
export function excerptOf(text: string): string {
  const paragraph = (text.trim().split(/\r?\n[ \t]*\r?\n/)[0] ?? "").replace(/\s+/g, " ");
  if (paragraph.length <= EXCERPT_LENGTH) return paragraph;
  const atWord = paragraph.slice(0, EXCERPT_LENGTH + 1).replace(/\s+\S*$/u, "");
  if (atWord.length > EXCERPT_LENGTH / 2 && atWord.length <= EXCERPT_LENGTH) return `${atWord}…`;
  // No word break near the end (a long URL, or a script written without spaces): cut
  // between characters as a reader sees them, never inside an emoji or a letter with marks.
  let cut = "";
  for (const { segment } of graphemes.segment(paragraph)) {
    if (cut.length + segment.length > EXCERPT_LENGTH) break;
    cut += segment;
  }
  return `${cut}…`;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
