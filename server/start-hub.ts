/**
 * The hub's composition root: builds the express app, socket.io and metrics from what it is
 * given and starts listening. It reads no environment or files and never exits the process,
 * so tests and the CLI start it the same way.
 */
import type { Express } from "express";
import type { Redis } from "ioredis";
import { Registry } from "prom-client";
import type { Server as SocketIoServer } from "socket.io";
import { conveningIndexKeys } from "../lib/convening-index/index.ts";
import type { Logger } from "../lib/logger.ts";
import { createHubAuth, type HubAuthOptions } from "./auth/hub-auth.ts";
import type { HubNetwork } from "./calendars/hub-network.ts";
import type { CalendarFeeds } from "./calendars/render-subject-feed.ts";
import { createHubApp } from "./create-hub-app.ts";
import { asDigestSiteNetwork } from "./digest-site/digest-site-network.ts";
import {
  type DigestIndexDeps,
  type DigestSiteSources,
  digestSiteSources,
} from "./digest-source/connect-digest-site.ts";
import { createGracefulHttpServer, listen, localUrl } from "./http-lifecycle.ts";
import { createHubMetrics, recordReadiness } from "./metrics.ts";
import { createReadinessRegistry, type ReadinessCheck } from "./readiness.ts";
import { connectPracticeRequests } from "./requests/practice-requests.ts";
import { type HubRateLimitOptions, createHubRateLimits } from "./rate-limit.ts";
import { HUB_ROUTE_MODULES } from "./routes/hub-routes.ts";
import type { HubRouteModule } from "./routes/route-module.ts";
import { attachSocketServer } from "./socket-server.ts";

export type { HubAuthOptions } from "./auth/hub-auth.ts";
export type { HubDirectory } from "./auth/hub-directory.ts";
export type { HubNetwork } from "./calendars/hub-network.ts";
export type { DigestSiteNetwork } from "./digest-site/digest-site-network.ts";
export type { ReadinessCheck } from "./readiness.ts";
export { homeserverReadinessCheck, redisReadinessCheck } from "./readiness-checks.ts";

/** Default cap on one `/ready` run; above the 2 s homeserver check so that reports its own reason. */
export const DEFAULT_READINESS_TIMEOUT_MS = 2_500;
/** Default time in-flight requests get to finish on `stop()`. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 5_000;

/** Where and how the hub serves. */
export type HubConfig = {
  readonly host: string;
  /** 0 picks a free port; read the bound one from `Hub.port`. */
  readonly port: number;
  /** The URL browsers use (behind a proxy); socket.io refuses browser origins other than this one. */
  readonly publicUrl?: string;
  /** Trust `X-Forwarded-*` headers; only behind a reverse proxy that sets them. */
  readonly trustProxy?: boolean;
  /** Cap on one readiness run; a check still pending then counts as failed. */
  readonly readinessTimeoutMs?: number;
  /** Cap on waiting for in-flight requests in `stop()`. */
  readonly shutdownGraceMs?: number;
  /**
   * The network the hub serves (the loaded network config fits): its id scopes the convening
   * index and calendar UIDs, its names title the feeds. Needed with `conveningIndex`; with
   * `digestIndex` it must also be a `DigestSiteNetwork` (region languages and homeservers,
   * network names, topic labels), as the loaded network config is.
   */
  readonly network?: HubNetwork;
};

/** What the hub is given rather than creating itself. */
export type HubDeps = {
  readonly logger: Logger;
  /** Checks behind `GET /ready` (Redis, each homeserver); more can be added via the hub. */
  readonly readiness: readonly ReadinessCheck[];
  /** Registry for `/metrics`; a fresh one is created if absent. One registry serves one hub. */
  readonly metrics?: Registry;
  /** Route modules mounted after the built-in ones (`HUB_ROUTE_MODULES`). */
  readonly routes?: readonly HubRouteModule[];
  /**
   * The Redis the convene bot publishes its convening index to, and the prefix its bots run
   * under (NETWORK_BOTS_REDIS_PREFIX for the network's bots), as for bot health. Without it
   * the hub serves no calendar feeds.
   */
  readonly conveningIndex?: { readonly redis: Redis; readonly redisPrefix: string };
  /**
   * The Redis the digest bot publishes its digest index to and the prefix its bots run under
   * (NETWORK_BOTS_REDIS_PREFIX for the network's bots); optionally a subscriber connection of
   * its own, for its announcements (fresh pages at once, and live updates to open pages).
   * Needs `config.network`. Without it the hub serves no digest site.
   */
  readonly digestIndex?: DigestIndexDeps;
  /**
   * Budgets per client address for `/api` and for sign-in, kept in this Redis so hub processes
   * share them. Without it the API is not rate-limited (tests).
   */
  readonly rateLimit?: HubRateLimitOptions;
  /**
   * socket.io's Redis adapter: a publishing connection and a subscriber connection of its own,
   * and a key prefix. Needed when more than one hub process serves the same clients.
   */
  readonly socketAdapter?: { readonly pub: Redis; readonly sub: Redis; readonly key: string };
  /**
   * Sign-in with Matrix (OpenID tokens checked with the network's homeservers) and sessions.
   * Without it the hub serves nothing that needs a person (`/api/v1/...`).
   */
  readonly auth?: HubAuthOptions;
  /**
   * The Redis the route bot takes practice requests from (pub/sub) and publishes its case
   * index to, and the prefix its bots run under; optionally how long to wait for its answer
   * (default 20 s). Needs `auth` and `config.network`. Without it the hub takes no requests.
   */
  readonly requests?: {
    readonly redis: Redis;
    readonly redisPrefix: string;
    readonly askTimeoutMs?: number;
  };
};

/** A running hub. */
export type Hub = {
  /** Where this process listens, e.g. `http://127.0.0.1:40123` (not the public URL). */
  readonly url: string;
  readonly port: number;
  readonly io: SocketIoServer;
  readonly app: Express;
  /** The registry behind `/metrics`; later modules register their metrics here. */
  readonly metrics: Registry;
  /** Adds a readiness check (e.g. a bot's health). Throws if the name is taken. */
  addReadinessCheck(check: ReadinessCheck): void;
  /** Stops serving: graceful, capped, idempotent (later calls return the same promise). */
  stop(): Promise<void>;
};

/** Starts the hub and resolves once it is listening. */
export async function startHub(config: HubConfig, deps: HubDeps): Promise<Hub> {
  const logger = deps.logger.child({ component: "hub" });
  const registry = deps.metrics ?? new Registry();

  // The readiness gauge refreshes on scrape and each run records into the gauge, so each needs
  // the other; `onReport` only runs on a request, long after `metrics` is assigned.
  const readiness = createReadinessRegistry({
    checks: deps.readiness,
    timeoutMs: config.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS,
    logger,
    onReport: (report) => {
      recordReadiness(metrics, report);
    },
  });
  const metrics = createHubMetrics(registry, { refreshReadiness: () => readiness.run() });

  const https = config.publicUrl !== undefined && new URL(config.publicUrl).protocol === "https:";
  const auth = deps.auth === undefined ? undefined : createHubAuth(deps.auth, https);
  const digest = digestSiteOf(config, deps, logger);
  const requests = practiceRequestsOf(config, deps, logger);
  const app = createHubApp({
    logger,
    metrics,
    routeContext: {
      logger,
      readiness,
      metrics: registry,
      calendars: calendarFeedsOf(config, deps),
      auth,
      requests,
      digestSite: digest?.site,
    },
    routes: [...HUB_ROUTE_MODULES, ...(deps.routes ?? [])],
    trustProxy: config.trustProxy ?? false,
    https,
    ...(deps.rateLimit === undefined ? {} : { rateLimits: createHubRateLimits(deps.rateLimit) }),
  });
  const http = createGracefulHttpServer(app);
  const io = attachSocketServer(http.server, {
    logger,
    metrics,
    ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
    ...(deps.socketAdapter === undefined ? {} : { adapter: deps.socketAdapter }),
  });

  // Followed before listening, so the first page served already learns of the next change.
  const digestLive = await digest?.connectLive(io);

  let port: number;
  try {
    port = await listen(http.server, config.host, config.port);
  } catch (error: unknown) {
    // Release socket.io's hold on the server; the listen error is what the caller needs.
    await io.close();
    await requests?.close();
    await digestLive?.stop();
    throw new Error(`hub could not listen on ${config.host}:${config.port}`, { cause: error });
  }
  const url = localUrl(config.host, port);
  logger.info({ url, checks: readiness.names() }, "hub listening");

  const graceMs = config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    io,
    app,
    metrics: registry,
    addReadinessCheck: (check) => {
      readiness.add(check);
    },
    stop: () => {
      stopping ??= http
        .close(io, graceMs, logger)
        .then(() => requests?.close())
        .then(() => digestLive?.stop())
        .then(() => {
          logger.info("hub stopped");
        });
      return stopping;
    },
  };
}

/** The calendar feeds' sources, when the hub was given an index to read. */
function calendarFeedsOf(config: HubConfig, deps: HubDeps): CalendarFeeds | undefined {
  if (deps.conveningIndex === undefined) return undefined;
  // A composition-root mistake, not something a request can cause: fail at start.
  if (config.network === undefined) throw new Error("startHub: conveningIndex needs config.network");
  const { redis, redisPrefix } = deps.conveningIndex;
  return { redis, keys: conveningIndexKeys(redisPrefix, config.network.network.id), network: config.network };
}

/** The digest site's sources, when the hub was given a digest index to read. */
function digestSiteOf(config: HubConfig, deps: HubDeps, logger: Logger): DigestSiteSources | undefined {
  if (deps.digestIndex === undefined) return undefined;
  // Composition-root mistakes, not something a request can cause: fail at start.
  if (config.network === undefined) throw new Error("startHub: digestIndex needs config.network");
  const network = asDigestSiteNetwork(config.network);
  if (network === undefined)
    throw new Error(
      "startHub: digestIndex needs config.network with network languages, region languages and homeservers, network names and routing topics (the loaded network config has them)",
    );
  return digestSiteSources(
    deps.digestIndex,
    network,
    config.publicUrl,
    logger.child({ component: "digest-site" }),
  );
}

/** The practice requests' connections, when the hub was given a Redis to reach the route bot. */
function practiceRequestsOf(config: HubConfig, deps: HubDeps, logger: Logger) {
  if (deps.requests === undefined) return undefined;
  // Composition-root mistakes, not something a request can cause: fail at start.
  if (config.network === undefined) throw new Error("startHub: requests needs config.network");
  if (deps.auth === undefined) throw new Error("startHub: requests needs auth (only people may ask)");
  const { redis, redisPrefix, askTimeoutMs } = deps.requests;
  return connectPracticeRequests(
    {
      redis,
      redisPrefix,
      networkId: config.network.network.id,
      ...(askTimeoutMs === undefined ? {} : { askTimeoutMs }),
    },
    logger,
  );
}
