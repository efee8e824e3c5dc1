/**
 * Bot replies as HTML with a plain-text fallback, built so that escaping cannot be forgotten:
 * every interpolated value and every literal piece of a `reply` template is escaped, and
 * markup comes only from the helpers here (bold, code, lists, safe links). A reply built by
 * these helpers can be nested in another; any other object is treated as untrusted text.
 *
 * The plain text stays as the user would read it (no entities, no markup), which is what
 * clients show in notifications and what screen readers get when HTML is stripped.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";

/** A message to send: `text` for the body, `html` for the formatted body. */
export interface Reply {
  readonly text: string;
  readonly html: string;
}

/** Anything that may be interpolated into a reply. */
export type ReplyValue = string | number | bigint | boolean | Reply | readonly ReplyValue[];

// Only replies made here carry trusted HTML; a look-alike `{ text, html }` object from
// elsewhere (say, event content) is escaped like any other text.
const trusted = new WeakSet<Reply>();

function trust(text: string, html: string): Reply {
  const made = Object.freeze({ text, html });
  trusted.add(made);
  return made;
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Escaped text with line breaks kept visible. */
function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, "<br>");
}

/** Turns any interpolated value into a reply fragment. */
export function toReply(value: ReplyValue): Reply {
  if (isList(value)) return join(value, "");
  if (typeof value === "object") return trusted.has(value) ? value : plain(value.text);
  return plain(String(value));
}

// Array.isArray does not narrow readonly arrays out of a union.
function isList(value: ReplyValue): value is readonly ReplyValue[] {
  return Array.isArray(value);
}

function plain(text: string): Reply {
  return trust(text, textToHtml(text));
}

/**
 * The reply template: `reply\`Hello ${name}\``. Literal parts are escaped too, so writing
 * `<` in a template shows a `<`; use the helpers for markup.
 */
export function reply(strings: TemplateStringsArray, ...values: readonly ReplyValue[]): Reply {
  let text = "";
  let html = "";
  strings.forEach((literal, index) => {
    text += literal;
    html += textToHtml(literal);
    if (index < values.length) {
      const part = toReply(values[index] ?? "");
      text += part.text;
      html += part.html;
    }
  });
  return trust(text, html);
}

/** Joins fragments with a separator (itself escaped when it is a string). */
export function join(values: readonly ReplyValue[], separator: ReplyValue = ""): Reply {
  const sep = toReply(separator);
  const parts = values.map(toReply);
  return trust(parts.map((p) => p.text).join(sep.text), parts.map((p) => p.html).join(sep.html));
}

/** Fragments on separate lines. */
export function lines(...values: readonly ReplyValue[]): Reply {
  const parts = values.map(toReply);
  let html = "";
  parts.forEach((part, index) => {
    const previous = parts[index - 1];
    // A list or code block already ends its line; a <br> after it would add a blank one.
    if (previous !== undefined && !/<\/(?:ul|pre)>$/.test(previous.html)) html += "<br>";
    html += part.html;
  });
  return trust(parts.map((p) => p.text).join("\n"), html);
}

/** Strong emphasis; the plain text is left unmarked. */
export function bold(value: ReplyValue): Reply {
  const inner = toReply(value);
  return trust(inner.text, `<strong>${inner.html}</strong>`);
}

/** Emphasis; the plain text is left unmarked. */
export function italic(value: ReplyValue): Reply {
  const inner = toReply(value);
  return trust(inner.text, `<em>${inner.html}</em>`);
}

/** Inline code: commands, ids. The plain text gets backticks, as people type it. */
export function code(text: string): Reply {
  return trust(`\`${text}\``, `<code>${escapeHtml(text)}</code>`);
}

/** A preformatted block, line breaks kept as they are. */
export function codeBlock(text: string): Reply {
  return trust(text, `<pre><code>${escapeHtml(text)}</code></pre>`);
}

/** A bulleted list; an empty list renders as nothing. */
export function list(items: readonly ReplyValue[]): Reply {
  if (items.length === 0) return trust("", "");
  const parts = items.map(toReply);
  return trust(
    parts.map((p) => `- ${p.text.replace(/\n/g, "\n  ")}`).join("\n"),
    `<ul>${parts.map((p) => `<li>${p.html}</li>`).join("")}</ul>`,
  );
}

/**
 * A link, only for http(s) URLs: anything else (`javascript:`, `data:`, relative paths) is
 * shown as plain text and never becomes an href.
 */
export function link(url: string, label?: ReplyValue): Reply {
  const parsed = URL.parse(url);
  const shown = toReply(label ?? url);
  if (parsed === null || (parsed.protocol !== "https:" && parsed.protocol !== "http:"))
    return label === undefined
      ? shown
      : trust(`${shown.text} (${url})`, `${shown.html} (${textToHtml(url)})`);
  const text = label === undefined ? parsed.href : `${shown.text} (${parsed.href})`;
  return trust(text, `<a href="${escapeHtml(parsed.href)}">${shown.html}</a>`);
}

/** A link to a user (clients render it as a mention pill); the text is the bare id. */
export function userLink(user: UserId): Reply {
  const href = `https://matrix.to/#/${encodeURIComponent(user)}`;
  return trust(user, `<a href="${escapeHtml(href)}">${escapeHtml(user)}</a>`);
}
