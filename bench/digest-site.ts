/**
 * bench/digest-site: how fast the hub serves the public digest, against a static file of the
 * same size served by the same hub (express.static, measured side by side in the same run),
 * and how long an edition of 500 items takes to build.
 *
 * In this process: a private redis-server seeded through the digest bot's writers with 500
 * realistic items (2-3 messages of a few hundred characters each, English, French, Arabic)
 * in one edition, and a hub started with `startHub` and the index, plus a bench-only route
 * serving two static files: the edition page's and an item page's own bytes. autocannon runs
 * its connections in a worker thread (so load generation does not share the hub's event loop),
 * on loopback, each URL in turn, twice (static, page, static, page…) so drift hits both alike;
 * figures are the better of the two runs of each.
 *
 * Figures: `page_rps`, `page_p99_ms` (the 500-item edition page), `static_rps`, `ratio` =
 * page_rps / static_rps (target ≥ 0.5), `item_page_rps`, `item_page_p99_ms`, `item_static_rps`,
 * `item_ratio`; `edition_500_ms`: median time to build the 500-item edition page from a cold
 * start (read the index from Redis, snapshot, render; target < 1000), `edition_500_render_ms`
 * (render only); `page_kb` (the 500-item page), `edition_20_kb` (a 20-item edition, target
 * < 50). `BENCH_DIGEST_SECONDS` (default 5) sets each run's length.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import express from "express";
import { Redis } from "ioredis";
import { digestIndexKeys, putPublishedEdition, putPublishedItem } from "../lib/digest-index/index.ts";
import { silentLogger } from "../lib/logger.ts";
import { pageContextOf } from "../server/digest-site/page-context.ts";
import { renderEditionPage } from "../server/digest-site/pages/render-edition-page.ts";
import { cachedDigestIndex } from "../server/digest-source/cached-digest-index.ts";
import { startHub } from "../server/start-hub.ts";
import { realisticEdition, SITE_NETWORK } from "../tests/support/digest-site-fixtures.ts";
import { startRedisServer } from "../tests/support/redis-server.ts";
import type { Benchmark } from "./run.ts";
import { median, round } from "./report.ts";

const SECONDS = Number(process.env["BENCH_DIGEST_SECONDS"] ?? 5);
const CONNECTIONS = 10;
const ROUNDS = 2;
const BUILD_RUNS = 9;
const PREFIX = "bench-digest";

type Load = { rps: number; p99: number };

async function load(url: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, workers: 1 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** The better run (by throughput) of `ROUNDS` runs of each URL, interleaved. */
async function loadSideBySide(urls: readonly string[], log: (line: string) => void): Promise<Load[]> {
  const best: Load[] = urls.map(() => ({ rps: 0, p99: Number.POSITIVE_INFINITY }));
  for (let round = 0; round < ROUNDS; round++)
    for (const [index, url] of urls.entries()) {
      const measured = await load(url, SECONDS);
      log(`${new URL(url).pathname}: ${Math.round(measured.rps)} req/s, p99 ${measured.p99} ms`);
      const previous = best[index];
      if (previous !== undefined && measured.rps > previous.rps) best[index] = measured;
    }
  return best;
}

export const benchmark: Benchmark = {
  name: "digest-site",
  key: "digest_site",
  async run(log) {
    const redisServer = await startRedisServer();
    const redis = new Redis(redisServer.url);
    const subscriber = new Redis(redisServer.url);
    const staticDir = await mkdtemp(join(tmpdir(), "bench-digest-"));
    const keys = digestIndexKeys(PREFIX, SITE_NETWORK.network.id);
    try {
      const { items, edition } = realisticEdition(500);
      for (const item of items) await putPublishedItem(redis, keys, item);
      await putPublishedEdition(redis, keys, edition);
      log(`seeded ${items.length} items in edition ${edition.id}`);

      const staticRoutes = {
        name: "bench-static",
        mountPath: "/bench-static",
        createRouter: () => express.Router().use(express.static(staticDir)),
      };
      const hub = await startHub(
        { host: "127.0.0.1", port: 0, network: SITE_NETWORK },
        {
          logger: silentLogger(),
          readiness: [],
          digestIndex: { redis, redisPrefix: PREFIX, subscriber },
          routes: [staticRoutes],
        },
      );
      try {
        const editionUrl = `${hub.url}/digest/editions/${edition.id}`;
        const itemUrl = `${hub.url}/digest/items/${items[250]?.id ?? ""}`;
        const editionPage = Buffer.from(await (await fetch(editionUrl)).arrayBuffer());
        const itemPage = Buffer.from(await (await fetch(itemUrl)).arrayBuffer());
        await writeFile(join(staticDir, "edition.html"), editionPage);
        await writeFile(join(staticDir, "item.html"), itemPage);
        log(
          `edition page ${round(editionPage.length / 1024, 1)} KB, item page ${round(itemPage.length / 1024, 1)} KB`,
        );

        const urls = [
          `${hub.url}/bench-static/edition.html`,
          editionUrl,
          `${hub.url}/bench-static/item.html`,
          itemUrl,
        ];
        // Warm-up: JIT, caches, keep-alive pools.
        for (const url of urls) await load(url, 1);
        const [staticEdition, page, staticItem, item] = await loadSideBySide(urls, log);
        if (
          staticEdition === undefined ||
          page === undefined ||
          staticItem === undefined ||
          item === undefined
        )
          throw new Error("a load run is missing");

        const build = await measureBuild(redis, keys, edition.id, log);
        const small = realisticEdition(20);
        const smallPage = renderEditionPage(contextFor(), small, {});
        const ratio = page.rps / staticEdition.rps;
        const itemRatio = item.rps / staticItem.rps;
        const edition20Kb = Buffer.byteLength(smallPage, "utf8") / 1024;
        return {
          figures: {
            page_rps: round(page.rps, 0),
            page_p99_ms: page.p99,
            static_rps: round(staticEdition.rps, 0),
            ratio: round(ratio),
            item_page_rps: round(item.rps, 0),
            item_page_p99_ms: item.p99,
            item_static_rps: round(staticItem.rps, 0),
            item_ratio: round(itemRatio),
            edition_500_ms: round(build.coldMs, 1),
            edition_500_render_ms: round(build.renderMs, 1),
            page_kb: round(editionPage.length / 1024, 1),
            edition_20_kb: round(edition20Kb, 1),
            connections: CONNECTIONS,
            seconds_per_run: SECONDS,
          },
          targets: [
            {
              figure: "ratio",
              target: ">= 0.5",
              met: ratio >= 0.5,
              baseline: `static_rps ${round(staticEdition.rps, 0)}`,
            },
            {
              figure: "item_ratio",
              target: ">= 0.5",
              met: itemRatio >= 0.5,
              baseline: `item_static_rps ${round(staticItem.rps, 0)}`,
            },
            { figure: "edition_500_ms", target: "< 1000", met: build.coldMs < 1000 },
            { figure: "edition_20_kb", target: "< 50", met: edition20Kb < 50 },
          ],
          notes: [
            "Pages are served from the snapshot's page cache (rendered once per index change); the static file is the same bytes served by express.static through the same hub middleware.",
            `${CONNECTIONS} connections on loopback, autocannon in a worker thread, ${ROUNDS} interleaved runs of ${SECONDS} s per URL, best run kept.`,
          ],
        };
      } finally {
        await hub.stop();
      }
    } finally {
      redis.disconnect();
      subscriber.disconnect();
      await redisServer.stop();
      await rm(staticDir, { recursive: true, force: true });
    }
  },
};

function contextFor() {
  return pageContextOf(
    SITE_NETWORK,
    { css: "bench", live: "bench" },
    {
      lang: undefined,
      acceptLanguage: undefined,
      base: "/digest",
      current: { path: "", params: {} },
      socketPath: "/socket.io/",
    },
  );
}

/**
 * Median times to build the 500-item edition page: cold (a fresh cache reads the index from
 * Redis, snapshots it, and the page is rendered) and render only.
 */
async function measureBuild(
  redis: Redis,
  keys: ReturnType<typeof digestIndexKeys>,
  editionId: string,
  log: (line: string) => void,
): Promise<{ coldMs: number; renderMs: number }> {
  const cold: number[] = [];
  const render: number[] = [];
  for (let run = 0; run < BUILD_RUNS; run++) {
    const started = performance.now();
    const index = cachedDigestIndex({ redis, keys, logger: silentLogger(), maxAgeMs: 60_000 });
    const view = await index.current();
    if (!view.ok) throw new Error("the digest index could not be read");
    const edition = view.value.snapshot.editionsById.get(editionId);
    if (edition === undefined) throw new Error(`edition ${editionId} is not in the index`);
    const items = view.value.snapshot.itemsOf(edition);
    const renderStarted = performance.now();
    const page = renderEditionPage(contextFor(), { edition, items }, {});
    const done = performance.now();
    if (page.length === 0) throw new Error("empty page");
    cold.push(done - started);
    render.push(done - renderStarted);
  }
  log(
    `edition of 500: cold build median ${round(median(cold), 1)} ms, render median ${round(median(render), 1)} ms`,
  );
  return { coldMs: median(cold), renderMs: median(render) };
}
