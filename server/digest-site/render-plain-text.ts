/**
 * Message text is plain text: paragraphs separated by blank lines, nothing else. It is
 * escaped like any text, and only http(s) URLs become links, re-parsed with the WHATWG URL
 * parser so the href is the normalised URL and can never carry another scheme. Links are
 * marked as user content (`ugc`) and open nothing about the reader to the target.
 */
import { html, type SafeHtml } from "./html-template.ts";

/** The `rel` of every link people wrote. */
export const USER_LINK_REL = "nofollow noopener noreferrer ugc";

// A URL runs to whitespace, a quote or angle bracket, or a control, invisible or
// direction-changing character (which could make the shown text differ from where it goes).
const URL_PATTERN =
  // eslint-disable-next-line no-control-regex -- stopping at control characters is the point
  /\bhttps?:\/\/[^\s<>"'`\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]+/giu;
// Sentence punctuation that usually follows a URL rather than belonging to it.
const TRAILING_PUNCTUATION = /[.,;:!?»”’…)\]}]+$/u;

/** `text` as paragraphs, with line breaks kept and web addresses as links. */
export function renderPlainText(text: string): SafeHtml[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => html`<p>${renderLines(paragraph)}</p>`);
}

function renderLines(paragraph: string): SafeHtml[] {
  return paragraph
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? renderLinks(line) : html`<br />${renderLinks(line)}`));
}

/** One line with its http(s) URLs as links; everything else escaped text. */
export function renderLinks(line: string): SafeHtml {
  const parts: (SafeHtml | string)[] = [];
  let from = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const candidate = trimTrailing(match[0]);
    const start = match.index;
    const href = webAddressOf(candidate);
    if (href === undefined) continue;
    parts.push(line.slice(from, start), html`<a href="${href}" rel="${USER_LINK_REL}">${candidate}</a>`);
    from = start + candidate.length;
  }
  parts.push(line.slice(from));
  return html`${parts}`;
}

/** Drops trailing punctuation, keeping a closing parenthesis the URL itself opened. */
function trimTrailing(candidate: string): string {
  let url = candidate.replace(TRAILING_PUNCTUATION, "");
  const rest = candidate.slice(url.length);
  // "(see https://en.wikipedia.org/wiki/Foo_(bar))": give back one ")" per unmatched "(".
  let opened = url.split("(").length - url.split(")").length;
  for (const char of rest) {
    if (char !== ")" || opened <= 0) break;
    url += char;
    opened--;
  }
  return url;
}

/** The normalised URL when `candidate` is an http(s) URL with a host; undefined otherwise. */
export function webAddressOf(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.hostname === "" || url.username !== "" || url.password !== "") return undefined;
  return url.href;
}
