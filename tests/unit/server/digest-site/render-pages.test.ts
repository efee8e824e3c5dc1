import { describe, expect, it } from "vitest";
import type { PublishedDigestItem, PublishedEdition } from "../../../../lib/digest-index/index.ts";
import { renderArchivePage } from "../../../../server/digest-site/pages/render-archive-page.ts";
import { renderDirectoryPage } from "../../../../server/digest-site/pages/render-directory-page.ts";
import { renderEditionPage } from "../../../../server/digest-site/pages/render-edition-page.ts";
import { renderItemPage } from "../../../../server/digest-site/pages/render-item-page.ts";
import {
  LATEST_ITEMS_SHOWN,
  renderLatestPage,
} from "../../../../server/digest-site/pages/render-latest-page.ts";
import { renderSearchPage } from "../../../../server/digest-site/pages/render-search-page.ts";
import {
  BASE_TIME,
  publishedItem,
  realisticEdition,
  SITE_NETWORK,
} from "../../../support/digest-site-fixtures.ts";
import { elementsOf, expectInert, select, squash } from "./parsed-page.ts";
import { siteContext } from "./site-context.ts";

const { items, edition } = realisticEdition(20);
const withItems = { edition, items };

function articleTitles(page: string): string[] {
  return select(page, "article", { class: "item" }).map((article) =>
    squash(article.children.find((child) => /^h[23]$/.test(child.tag))?.text ?? ""),
  );
}

describe("the latest-edition page", () => {
  it("shows the latest edition's items in order, with links to the feeds", () => {
    const page = renderLatestPage(siteContext(), { kind: "edition", edition: withItems }, {});
    expect(articleTitles(page)).toEqual(items.map((item) => item.title));
    expect(squash(select(page, "h1")[0]?.text ?? "")).toBe("Latest edition");
    expect(select(page, "a", { href: "/digest/editions/2026-W49" })).toHaveLength(1);
    for (const [type, href] of [
      ["application/atom+xml", "/digest/feed.atom"],
      ["application/rss+xml", "/digest/feed.rss"],
      ["application/feed+json", "/digest/feed.json"],
    ] as const) {
      expect(select(page, "link", { rel: "alternate", type, href })).toHaveLength(1);
      expect(select(page, "a", { href, type })).toHaveLength(1);
    }
    expect(expectInert(page)).toEqual([]);
  });

  it("before any edition, shows the newest published items, at most a page of them", () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      publishedItem(`n${index}`, { publishedAt: BASE_TIME - index * 1000 }),
    );
    const page = renderLatestPage(siteContext(), { kind: "items", items: many }, {});
    expect(articleTitles(page)).toEqual(many.slice(0, LATEST_ITEMS_SHOWN).map((item) => item.title));
    expect(squash(elementsOf(page).find((e) => e.tag === "main")?.text ?? "")).toContain(
      "No edition has closed yet",
    );
    const empty = renderLatestPage(siteContext(), { kind: "items", items: [] }, {});
    expect(squash(select(empty, "main")[0]?.text ?? "")).toContain("Nothing has been published yet.");
  });

  it("is under 50 KB for a realistic edition of 20 items, in every language", () => {
    for (const lang of ["en", "fr", "ar"]) {
      const latest = renderLatestPage(siteContext({ lang }), { kind: "edition", edition: withItems }, {});
      const single = renderEditionPage(siteContext({ lang }), withItems, {});
      expect(Buffer.byteLength(latest, "utf8")).toBeLessThan(50 * 1024);
      expect(Buffer.byteLength(single, "utf8")).toBeLessThan(50 * 1024);
      // Not trivially small either: the test must be about a real page.
      expect(Buffer.byteLength(single, "utf8")).toBeGreaterThan(10 * 1024);
    }
  });
});

describe("an edition page", () => {
  it("filters by topic and by region, with the filters as a GET form and plain links", () => {
    const context = siteContext({ path: "/editions/2026-W49", params: { topic: "reintegration" } });
    const page = renderEditionPage(context, withItems, { topic: "reintegration" });
    const expected = items.filter((item) => item.topics.includes("reintegration")).map((item) => item.title);
    expect(expected.length).toBeGreaterThan(0);
    expect(articleTitles(page)).toEqual(expected);
    const form = select(page, "form")[0];
    expect(form?.attrs).toMatchObject({ method: "get", action: "/digest/editions/2026-W49" });
    expect(select(page, "option", { value: "reintegration", selected: "" })).toHaveLength(1);
    expect(select(page, "a", { href: "/digest/editions/2026-W49" }).map((a) => squash(a.text))).toContain(
      "Clear filters",
    );
    // Each item's tags link to the same edition filtered by that tag.
    expect(select(page, "a", { href: "/digest/editions/2026-W49?region=europe" }).length).toBeGreaterThan(0);

    const both = renderEditionPage(context, withItems, { topic: "reintegration", region: "mena" });
    expect(articleTitles(both)).toEqual(
      items
        .filter((item) => item.topics.includes("reintegration") && item.regions.includes("mena"))
        .map((item) => item.title),
    );
    const none = renderEditionPage(
      context,
      { edition, items: items.slice(0, 1) },
      { topic: "reintegration" },
    );
    expect(squash(select(none, "main")[0]?.text ?? "")).toContain("No item matches these filters.");
  });

  it("renders 500 items", () => {
    const big = realisticEdition(500);
    const page = renderEditionPage(siteContext(), big, {});
    expect(select(page, "article", { class: "item" })).toHaveLength(500);
  });
});

describe("an item page", () => {
  const item = publishedItem("it1", {
    title: "Mentors who have been there",
    language: "fr",
    publishedAt: BASE_TIME,
    updatedAt: BASE_TIME + 2 * 86_400_000,
    edition: "2026-W49",
    regions: ["europe", "mena"],
    topics: ["reintegration"],
    messages: [
      {
        author: "Léa Martin",
        pseudonymous: false,
        text: "Premier paragraphe.\n\nDeuxième, avec https://example.org/guide.",
      },
      { author: "Voix 2", pseudonymous: true, text: "Une seule ligne." },
    ],
  });

  it("shows every message with its author, marks pseudonyms, and keeps paragraphs", () => {
    const page = renderItemPage(siteContext(), item);
    const messages = select(page, "section", { class: "message" });
    expect(messages).toHaveLength(2);
    const [named, pseudonymous] = messages;
    expect(squash(named?.children[0]?.text ?? "")).toBe("Léa Martin");
    expect(squash(pseudonymous?.children[0]?.text ?? "")).toBe("Voix 2 (pseudonym)");
    expect(select(named?.children ?? [], "div")[0]?.children.map((p) => squash(p.text))).toEqual([
      "Premier paragraphe.",
      "Deuxième, avec https://example.org/guide.",
    ]);
    expect(
      select(page, "a", { href: "https://example.org/guide", rel: "nofollow noopener noreferrer ugc" }),
    ).toHaveLength(1);
    expect(expectInert(page)).toEqual([]);
  });

  it("marks the item's content with its language, and the page with the reader's", () => {
    const page = renderItemPage(siteContext({ acceptLanguage: "ar" }), item);
    const elements = elementsOf(page);
    expect(elements[0]?.attrs).toMatchObject({ lang: "ar", dir: "rtl" });
    expect(select(elements, "h1")[0]?.attrs).toMatchObject({ lang: "fr", dir: "ltr" });
    for (const text of select(elements, "div", { class: "text" }))
      expect(text.attrs).toMatchObject({ lang: "fr", dir: "ltr" });
    const arabic = renderItemPage(siteContext(), { ...item, language: "ar" });
    expect(select(arabic, "h1")[0]?.attrs).toMatchObject({ lang: "ar", dir: "rtl" });
    expect(elementsOf(arabic)[0]?.attrs).toMatchObject({ lang: "en", dir: "ltr" });
  });

  it("dates the item in the reader's locale and links its edition", () => {
    const page = renderItemPage(siteContext({ lang: "fr" }), item);
    const meta = select(page, "p", { class: "meta" }).map((p) => squash(p.text));
    expect(meta[0]).toContain("Publié le 1 décembre 2026");
    expect(meta[1]).toBe("mis à jour le 3 décembre 2026");
    expect(select(page, "time")[0]?.attrs["datetime"]).toBe("2026-12-01T09:00:00.000Z");
    expect(
      select(page, "a", { href: "/digest/editions/2026-W49?lang=fr" }).map((a) => squash(a.text)),
    ).toEqual(["Semaine 49, 2026"]);
  });
});

describe("languages", () => {
  it("carry an explicit ?lang= in every link and the filter form, but not one from Accept-Language", () => {
    const explicit = renderLatestPage(
      siteContext({ lang: "fr" }),
      { kind: "edition", edition: withItems },
      {},
    );
    const siteLinks = select(explicit, "a").filter((a) => (a.attrs["href"] ?? "").startsWith("/digest"));
    expect(siteLinks.length).toBeGreaterThan(40);
    for (const a of siteLinks) expect(a.attrs["href"]).toMatch(/[?&]lang=[a-z]{2}(&|$)/);
    expect(select(explicit, "input", { type: "hidden", name: "lang", value: "fr" })).toHaveLength(1);
    const negotiated = renderLatestPage(
      siteContext({ acceptLanguage: "fr" }),
      { kind: "edition", edition: withItems },
      {},
    );
    expect(elementsOf(negotiated)[0]?.attrs["lang"]).toBe("fr");
    expect(select(negotiated, "a").filter((a) => (a.attrs["href"] ?? "").includes("lang=")).length).toBe(3);
  });

  it("switch to the same page with its query kept", () => {
    const context = siteContext({ path: "/search", params: { q: "mères & pères", topic: "reintegration" } });
    const page = renderSearchPage(context, "mères & pères", { topic: "reintegration" }, []);
    const switches = select(page, "a", { hreflang: "ar" });
    expect(switches).toHaveLength(1);
    const href = new URL(switches[0]?.attrs["href"] ?? "", "http://x");
    expect(href.pathname).toBe("/digest/search");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      q: "mères & pères",
      topic: "reintegration",
      lang: "ar",
    });
  });

  it("write the whole interface in Arabic, right to left", () => {
    const page = renderLatestPage(siteContext({ lang: "ar" }), { kind: "edition", edition: withItems }, {});
    expect(elementsOf(page)[0]?.attrs).toMatchObject({ lang: "ar", dir: "rtl" });
    expect(squash(select(page, "h1")[0]?.text ?? "")).toBe("أحدث إصدار");
    expect(squash(select(page, "button", { type: "submit" })[0]?.text ?? "")).toBe("تطبيق");
  });
});

describe("the archive", () => {
  it("lists editions by week, newest first, grouped by year", () => {
    const editions: PublishedEdition[] = [
      { version: 1, id: "2027-W02", closedAt: Date.UTC(2027, 0, 15), items: ["a"] },
      { version: 1, id: "2026-W49", closedAt: Date.UTC(2026, 11, 4), items: ["a", "b"] },
      { version: 1, id: "2026-W48", closedAt: Date.UTC(2026, 10, 27), items: [] },
    ];
    const page = renderArchivePage(siteContext(), editions);
    expect(select(page, "h2").map((h) => squash(h.text))).toEqual(["2027", "2026"]);
    expect(
      select(page, "li")
        .filter((li) => li.text.includes("Week"))
        .map((li) => squash(li.text)),
    ).toEqual([
      "Week 2, 2027 · Closed on January 15, 2027 · 1 item",
      "Week 49, 2026 · Closed on December 4, 2026 · 2 items",
      "Week 48, 2026 · Closed on November 27, 2026 · 0 items",
    ]);
    expect(squash(select(renderArchivePage(siteContext(), []), "main")[0]?.text ?? "")).toContain(
      "No edition has closed yet.",
    );
  });
});

describe("the directory", () => {
  it("lists regions with their languages and homeservers, networks with their regions, and how to join", () => {
    const page = renderDirectoryPage(siteContext({ lang: "fr" }), SITE_NETWORK);
    const text = squash(select(page, "main")[0]?.text ?? "");
    expect(text).toContain("Middle East and North Africa");
    expect(text).toContain("Langues : arabe, français, anglais".replace(" : ", ": "));
    expect(select(page, "code").map((code) => code.text)).toEqual([
      "matrix.ea.example.org",
      "matrix.mena.example.org",
      "matrix.eu.example.org",
    ]);
    expect(text).toContain("Women-led civil society organisations working on peace and prevention.");
    expect(text).toContain("Régions: Middle East and North Africa, Europe");
    expect(text).toContain("Comment nous rejoindre");
    expect(text).toContain("client Matrix");
    expect(expectInert(page)).toEqual([]);
  });
});

describe("hostile text", () => {
  const payloads = [
    `<script>window.__xss=1</script>`,
    `<img src=x onerror="window.__xss=1">`,
    `"><svg onload=alert(1)>`,
    `javascript:alert(1)`,
    `</title><script>alert(1)</script>`,
    `<a href="javascript:alert(1)">click</a>`,
    `' onmouseover='alert(1)`,
    `<style>body{display:none}</style>`,
    `<!-- <p id="x"> -->`,
    `\u202Eevil\u202C <b>bold`,
  ];
  const hostile: PublishedDigestItem = publishedItem("x1", {
    title: payloads.join(" "),
    language: `en" onclick="alert(1)`,
    messages: payloads.map((payload) => ({
      author: payload,
      pseudonymous: true,
      text: `${payload}\n\n${payload}`,
    })),
  });

  it("is shown as text on every page, never as markup", () => {
    const pages = [
      renderItemPage(siteContext(), hostile),
      renderEditionPage(siteContext(), { edition: { ...edition, items: ["x1"] }, items: [hostile] }, {}),
      renderLatestPage(siteContext(), { kind: "items", items: [hostile] }, {}),
      renderSearchPage(
        siteContext({ path: "/search", params: { q: payloads.join(" ") } }),
        payloads.join(" "),
        {},
        [hostile],
      ),
    ];
    for (const page of pages) {
      expect(expectInert(page)).toEqual([]);
      expect(select(page, "script").length).toBeLessThanOrEqual(1);
      expect(select(page, "title")).toHaveLength(1);
      expect(select(page, "b")).toHaveLength(0);
      expect(select(page, "p", { id: "x" })).toHaveLength(0);
      expect(select(page, "main")[0]?.text).toContain(payloads[0]);
    }
    const item = pages[0] ?? "";
    expect(select(item, "title")[0]?.text).toContain("</title><script>alert(1)</script>");
    expect(select(item, "div", { class: "text" })[0]?.children.map((p) => p.text)).toEqual([
      payloads[0],
      payloads[0],
    ]);
    expect(select(pages[3] ?? "", "input", { name: "q" })[0]?.attrs["value"]).toBe(payloads.join(" "));
  });
});
