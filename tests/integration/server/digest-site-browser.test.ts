/**
 * The digest site in headless Chromium against a corpus of XSS payloads: items whose titles,
 * authors, texts, ids, languages and tags try to run script (each payload would set
 * `window.__xss` or open a dialog). The item, edition, latest and search pages must run none,
 * report no CSP violation (the policy is the second line, not the first), carry no event
 * handler attribute and no `javascript:` link. The live-update script is run for real: an
 * open page shows its banner when the bot publishes. A screenshot of the edition page is kept
 * in tests/artifacts/.
 */
import { mkdir } from "node:fs/promises";
import { Redis } from "ioredis";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DigestIndexKeys,
  digestIndexKeys,
  type PublishedDigestItem,
  putPublishedEdition,
  putPublishedItem,
} from "../../../lib/digest-index/index.ts";
import { silentLogger } from "../../../lib/logger.ts";
import { type Hub, startHub } from "../../../server/start-hub.ts";
import { ensureChromium } from "../../support/chromium.ts";
import {
  BASE_TIME,
  publishedItem,
  realisticEdition,
  SITE_NETWORK,
} from "../../support/digest-site-fixtures.ts";
import { startRedisServer, type RedisServer } from "../../support/redis-server.ts";

const ARTIFACTS = new URL("../../artifacts/", import.meta.url);
const PREFIX = "test-digest-browser";
const keys: DigestIndexKeys = digestIndexKeys(PREFIX, SITE_NETWORK.network.id);

/** Each one, if it ran, would set window.__xss or open a dialog. */
const PAYLOADS = [
  `<script>window.__xss="script"</script>`,
  `<img src=x onerror="window.__xss='img'">`,
  `<svg onload="window.__xss='svg'">`,
  `<svg><script>window.__xss='svg-script'</script></svg>`,
  `javascript:window.__xss='bare-js'`,
  `<a href="javascript:window.__xss='a-js'">click me</a>`,
  `[click](javascript:alert('md'))`,
  `</script><script>alert('break')</script>`,
  `"><script>alert('attr')</script>`,
  `' onmouseover='alert("quote")' x='`,
  `<iframe src="javascript:alert('iframe')"></iframe>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>`,
  `<body onload=alert('body')>`,
  `<details open ontoggle=alert('details')>`,
  `<!--<img src="--><img src=x onerror=alert('comment')//">`,
  `<<script>script>alert('nested')<</script>/script>`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
  `https://example.org/"><img src=x onerror=alert('url-break')>`,
  `http://example.org/?q=<script>alert('url-query')</script>`,
  `<input autofocus onfocus=alert('focus')>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('meta')">`,
  `<base href="javascript:alert('base')//">`,
  `<form action="javascript:alert('form')"><button>go</button></form>`,
  `<p <b>unclosed <div class="`,
  `&lt;script&gt;alert('entity')&lt;/script&gt;`,
  `<scr\u0000ipt>alert('nul')</scr\u0000ipt>`,
  `\u202Egnp.exe \u2066isolate https://example.org/\u202Etxt.exe`,
  `<style>body{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>`,
  `<object data="javascript:alert('object')"></object><embed src="javascript:alert('embed')">`,
  `<a href="&#106;avascript:alert('entity-href')">x</a>`,
];

function hostileItem(
  index: number,
  payload: string,
  fields: Partial<PublishedDigestItem> = {},
): PublishedDigestItem {
  return publishedItem(`xss-${String(index).padStart(2, "0")}`, {
    title: `Hostile ${index} ${payload}`,
    language: index % 3 === 0 ? "ar" : "en",
    publishedAt: BASE_TIME + index * 60_000,
    regions: ["mena"],
    topics: ["online-recruitment"],
    messages: [
      { author: payload, pseudonymous: index % 2 === 0, text: `Before ${payload} after.\n\n${payload}` },
      {
        author: `Named ${index}`,
        pseudonymous: false,
        text: `Line with a link https://example.org/${index} and ${payload}`,
      },
    ],
    ...fields,
  });
}

const hostile = [
  ...PAYLOADS.map((payload, index) => hostileItem(index, payload)),
  // Ids, languages and tags come from the index too.
  hostileItem(PAYLOADS.length, "id", { id: `"><script>window.__xss='id'</script>` }),
  hostileItem(PAYLOADS.length + 1, "lang", {
    language: `en" onmouseover="window.__xss='lang'`,
    topics: [`<img src=x onerror="window.__xss='topic'">`],
    regions: [`"><svg onload=alert('region')>`],
  }),
];
const { items: normal, edition: normalEdition } = realisticEdition(8, "2026-W48");
const edition = {
  ...normalEdition,
  id: "2026-W49",
  closedAt: BASE_TIME + 2 * 86_400_000,
  items: [...normal, ...hostile].map((item) => item.id),
};

/** Undone in reverse order after the tests, as far as the setup got. */
const cleanups: (() => Promise<unknown> | undefined)[] = [];
let redis: Redis;
let subscriber: Redis;
let hub: Hub;
let browser: Browser;

type Visit = { page: Page; dialogs: string[]; violations: string[]; csp: string | undefined };

async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Injected by the browser itself (not subject to the page's CSP): collects violations.
  await page.addInitScript(() => {
    const found: string[] = [];
    Object.assign(window, { __violations: found });
    document.addEventListener("securitypolicyviolation", (event) => {
      found.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(`${hub.url}${path}`, { waitUntil: "load" });
  expect(response?.status(), path).toBe(200);
  // Give focus- and toggle-driven handlers their chance, as a reader's tab key would.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const violations = await page.evaluate(
    () => (window as unknown as { __violations: string[] }).__violations,
  );
  return { page, dialogs, violations, csp: response?.headers()["content-security-policy"] };
}

async function expectNothingRan({ page, dialogs, violations, csp }: Visit): Promise<void> {
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("script-src-attr 'none'");
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      handlers: all.flatMap((element) =>
        [...element.attributes]
          .filter((attr) => attr.name.startsWith("on"))
          .map((attr) => `${element.tagName} ${attr.name}`),
      ),
      scriptLinks: [...document.querySelectorAll("a[href], link[href], form[action], iframe, object, embed")]
        .map((element) => element.getAttribute("href") ?? element.getAttribute("action") ?? element.tagName)
        .filter((url) => !/^(https?:\/\/|\/|#)/i.test(url) && url !== "data:,"),
      scripts: [...document.scripts].map((script) => script.getAttribute("src") ?? "(inline)"),
      injected: [
        ...document.querySelectorAll(
          "img, svg, iframe, math, details, base, object, embed, style, meta[http-equiv]",
        ),
      ].map((element) => element.tagName),
      stylesheets: [...document.querySelectorAll("link[rel~=stylesheet]")].map((link) =>
        link.getAttribute("href"),
      ),
    };
  });
  expect(found.handlers).toEqual([]);
  expect(found.scriptLinks).toEqual([]);
  expect(found.injected).toEqual([]);
  for (const src of found.scripts) expect(src).toMatch(/^\/digest\/assets\/live\.js\?v=/);
  for (const href of found.stylesheets) expect(href).toMatch(/^\/digest\/assets\/site\.css\?v=/);
  // Every javascript: link people wrote is text, not a link.
  expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
}

beforeAll(async () => {
  // Generous: on a fresh machine this installs Chromium with apt-get first.
  const executablePath = await ensureChromium();
  const server: RedisServer = await startRedisServer();
  cleanups.push(() => server.stop());
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  subscriber = new Redis(server.url);
  cleanups.push(() => {
    redis.disconnect();
    subscriber.disconnect();
    return undefined;
  });
  for (const item of [...normal, ...hostile]) await putPublishedItem(redis, keys, item);
  await putPublishedEdition(redis, keys, edition);
  hub = await startHub(
    { host: "127.0.0.1", port: 0, network: SITE_NETWORK },
    { logger: silentLogger(), readiness: [], digestIndex: { redis, redisPrefix: PREFIX, subscriber } },
  );
  cleanups.push(() => hub.stop());
  browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  cleanups.push(() => browser.close());
}, 15 * 60_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("XSS payloads in the digest", () => {
  it.each(hostile.map((item) => [item.id, item] as const))(
    "run nothing on the page of item %s",
    async (_id, item) => {
      const visited = await visit(`/digest/items/${encodeURIComponent(item.id)}`);
      await expectNothingRan(visited);
      // The payload is there, as text.
      const text = await visited.page.locator("main").innerText();
      expect(text).toContain("Before");
      expect(text).toContain(item.messages[1]?.author ?? "");
      await visited.page.close();
    },
  );

  it("run nothing on the edition page, which holds all of them", async () => {
    const visited = await visit("/digest/editions/2026-W49");
    await expectNothingRan(visited);
    expect(await visited.page.locator("article.item").count()).toBe(edition.items.length);
    await visited.page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await mkdir(ARTIFACTS, { recursive: true });
    await visited.page.screenshot({
      path: new URL("digest-edition.png", ARTIFACTS).pathname,
      fullPage: false,
    });
    await visited.page.close();
  });

  it("run nothing on the latest page, in Arabic too", async () => {
    for (const path of ["/digest", "/digest?lang=ar", "/digest?topic=online-recruitment&region=mena"]) {
      const visited = await visit(path);
      await expectNothingRan(visited);
      await visited.page.close();
    }
  });

  it("run nothing on the search page, with a payload as the query", async () => {
    for (const query of ["Hostile", PAYLOADS[0] ?? "", `"><img src=x onerror=alert('q')>`]) {
      const visited = await visit(`/digest/search?q=${encodeURIComponent(query)}`);
      await expectNothingRan(visited);
      expect(await visited.page.locator('input[name="q"]').inputValue()).toBe(query);
      await visited.page.close();
    }
  });
});

describe("live updates", () => {
  it("show the banner on an open page when an edition is published, and reload into it", async () => {
    // Wait until the page's script has joined the room, as the hub's socket.io sees it.
    const joined = new Promise<void>((resolve) => {
      hub.io.of("/").adapter.on("join-room", (room: string) => {
        if (room === "digest") resolve();
      });
    });
    const visited = await visit("/digest");
    const banner = visited.page.locator("#digest-live");
    expect(await banner.isHidden()).toBe(true);
    await joined;
    const fresh = publishedItem("live-1", {
      title: "Published while you read",
      publishedAt: BASE_TIME + 3 * 86_400_000,
    });
    await putPublishedItem(redis, keys, fresh);
    await putPublishedEdition(redis, keys, {
      version: 1,
      id: "2026-W50",
      closedAt: BASE_TIME + 4 * 86_400_000,
      items: ["live-1"],
    });
    await banner.waitFor({ state: "visible", timeout: 10_000 });
    await Promise.all([visited.page.waitForEvent("load"), banner.locator("button").click()]);
    expect(await visited.page.locator("main h2").first().innerText()).toBe("Edition of Week 50, 2026");
    await expectNothingRan(visited);
    await visited.page.close();
  });
});
