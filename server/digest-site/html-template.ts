/**
 * The one escaping function of the digest site, behind a tagged template so it cannot be
 * forgotten: every `${…}` in an `html` template is escaped unless it is already {@link SafeHtml}
 * (another template's result, or `raw()` for the few fragments we wrote ourselves). All text in
 * the digest index is what people wrote, so a template that forgets nothing is the defence.
 *
 * The same escaping serves the XML feeds: the five entities it writes are XML's own, and it
 * drops the control characters XML 1.0 forbids (and HTML calls parse errors), so one stray byte
 * in a message cannot make a whole feed unreadable.
 */

/** Markup that is safe to write as it is: built by `html` or vouched for with `raw`. */
export class SafeHtml {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  toString(): string {
    return this.#text;
  }
}

/** What a template may interpolate. Arrays are written one after another; nothing for the empty ones. */
export type HtmlValue = SafeHtml | string | number | readonly HtmlValue[] | false | null | undefined;

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

// C0 controls but tab, LF and CR; DEL and C1 controls; U+FFFE/U+FFFF; lone surrogates.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu;

/** `text` escaped for element content and for quoted attribute values, in HTML and XML alike. */
export function escapeText(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Vouches for `text` as markup. Only for fragments written in this codebase, never for input. */
export function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}

function write(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (value === false || value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeText(value);
  if (Array.isArray(value)) {
    let out = "";
    for (const entry of value as readonly HtmlValue[]) out += write(entry);
    return out;
  }
  // Only reachable when a type was lied about (parsed data cast to a type): escape anyway.
  return escapeText(String(value));
}

/**
 * A template whose interpolations are escaped (see the module comment). Attributes must be
 * quoted. The indentation of the template's own text (Prettier lays the markup out for
 * reading) is dropped: a line break stays, so no two words or tags are glued together, but
 * a 500-item page does not carry kilobytes of spaces.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  const parts = compacted(strings);
  let out = parts[0] ?? "";
  for (let index = 0; index < values.length; index++) {
    out += write(values[index]);
    out += parts[index + 1] ?? "";
  }
  return new SafeHtml(out);
}

// A call site's strings array is the same object on every call, so each is compacted once.
const compactedTemplates = new WeakMap<TemplateStringsArray, readonly string[]>();

function compacted(strings: TemplateStringsArray): readonly string[] {
  let parts = compactedTemplates.get(strings);
  if (parts === undefined) {
    parts = strings.map((part) => part.replace(/\n\s+/g, "\n"));
    compactedTemplates.set(strings, parts);
  }
  return parts;
}

/** The feeds' templates: the same function, named for what it writes. */
export const xml = html;

/**
 * A sentence from a message table with markup put into its `{name}` placeholders (e.g. a
 * `<time>` element into "Published on {date}"). The sentence itself is escaped like any text.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, HtmlValue>>): SafeHtml {
  const parts = template.split(/\{(\w+)\}/);
  return html`${parts.map((part, index) => (index % 2 === 0 ? part : html`${values[part] ?? `{${part}}`}`))}`;
}
