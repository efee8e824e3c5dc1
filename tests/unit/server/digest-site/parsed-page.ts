/**
 * Pages read back with parse5 (the HTML standard's parsing algorithm, as browsers run it),
 * so tests look at the elements a browser would build, not at strings.
 */
import { type DefaultTreeAdapterTypes, parse } from "parse5";

export type PageElement = {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** The text inside, as a browser's textContent. */
  readonly text: string;
  readonly children: readonly PageElement[];
};

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!("childNodes" in node)) return "";
  return node.childNodes.map(textOf).join("");
}

function elementOf(node: DefaultTreeAdapterTypes.Element): PageElement {
  const children = node.childNodes.filter(
    (child): child is DefaultTreeAdapterTypes.Element => "tagName" in child,
  );
  return {
    tag: node.tagName,
    attrs: Object.fromEntries(node.attrs.map(({ name, value }) => [name, value])),
    text: textOf(node),
    children: children.map(elementOf),
  };
}

/** Every element of `page`, in document order. */
export function elementsOf(page: string): PageElement[] {
  const document = parse(page);
  const html = document.childNodes.find((node): node is DefaultTreeAdapterTypes.Element => "tagName" in node);
  if (html === undefined) return [];
  const all: PageElement[] = [];
  const walk = (element: PageElement): void => {
    all.push(element);
    element.children.forEach(walk);
  };
  walk(elementOf(html));
  return all;
}

/** The elements matching `tag` and, if given, having each of `attrs`. */
export function select(
  page: string | readonly PageElement[],
  tag: string,
  attrs: Readonly<Record<string, string>> = {},
): PageElement[] {
  const elements = typeof page === "string" ? elementsOf(page) : page;
  return elements.filter(
    (element) =>
      element.tag === tag && Object.entries(attrs).every(([name, value]) => element.attrs[name] === value),
  );
}

/** Whitespace collapsed, as text reads on screen. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * What must hold on every page the site serves: no inline script or style, no event
 * handler attribute, no script but the hub's own file, and no link with a scheme other
 * than http(s) (relative links are the site's own).
 */
export function expectInert(page: string): string[] {
  const problems: string[] = [];
  for (const element of elementsOf(page)) {
    for (const name of Object.keys(element.attrs)) {
      if (name.startsWith("on")) problems.push(`<${element.tag} ${name}>`);
      if (name === "style") problems.push(`<${element.tag} style>`);
    }
    if (element.tag === "style") problems.push("<style>");
    if (
      element.tag === "script" &&
      !/^\/(.*\/)?digest\/assets\/live\.js\?v=/.test(element.attrs["src"] ?? "")
    )
      problems.push(`<script src=${element.attrs["src"] ?? "(inline)"}>`);
    if (["iframe", "object", "embed", "img", "svg", "math", "base", "form"].includes(element.tag)) {
      if (
        element.tag !== "form" ||
        element.attrs["method"] !== "get" ||
        !(element.attrs["action"] ?? "").startsWith("/")
      )
        problems.push(`<${element.tag}>`);
    }
    for (const name of ["href", "src", "action", "formaction"]) {
      const url = element.attrs[name];
      if (url === undefined) continue;
      const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
      if (
        scheme !== undefined &&
        scheme !== "http" &&
        scheme !== "https" &&
        !(element.tag === "link" && url === "data:,")
      )
        problems.push(`<${element.tag} ${name}=${url}>`);
    }
  }
  return problems;
}
