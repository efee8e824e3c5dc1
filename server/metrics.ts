/**
 * The hub's Prometheus metrics. Every metric lives in a registry passed in (or made per hub),
 * never the prom-client global one, so that two hubs in one test process do not collide and
 * later modules register their own metrics on `hub.metrics`.
 */
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { ReadinessReport } from "./readiness.ts";
import { requestContext, routeTemplateOf } from "./request-context.ts";

/** The hub's own metrics, created by {@link createHubMetrics}. */
export type HubMetrics = {
  readonly httpRequests: Counter<"method" | "route" | "status">;
  readonly httpDuration: Histogram<"method" | "route" | "status">;
  /** 1 when the named readiness check passed on its last run, 0 when it failed. */
  readonly readiness: Gauge<"check">;
  readonly socketClients: Gauge;
};

/** What the metrics read from the rest of the hub at scrape time. */
export type HubMetricsSources = {
  /**
   * Runs the readiness checks and records them with {@link recordReadiness}. Called on every
   * scrape so the gauge is current even when nothing probes `/ready`.
   */
  refreshReadiness(): Promise<unknown>;
};

/**
 * Registers the default process metrics (unless the registry already has them) and the hub's
 * metrics on `registry`. Throws if the hub's metrics are already registered there: one registry
 * serves one hub.
 */
export function createHubMetrics(registry: Registry, sources: HubMetricsSources): HubMetrics {
  // collectDefaultMetrics throws on a registry that already has them (e.g. one the caller shares).
  if (registry.getSingleMetric("process_cpu_user_seconds_total") === undefined) {
    collectDefaultMetrics({ register: registry });
  }
  return {
    httpRequests: new Counter({
      name: "meridian_hub_http_requests_total",
      help: "HTTP requests served, by method, route template and status code.",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "meridian_hub_http_request_duration_seconds",
      help: "Time from request arrival to response finish, by method, route template and status code.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    readiness: new Gauge({
      name: "meridian_hub_readiness_check",
      help: "Result of the last run of each readiness check: 1 passed, 0 failed.",
      labelNames: ["check"],
      registers: [registry],
      async collect() {
        await sources.refreshReadiness();
      },
    }),
    socketClients: new Gauge({
      name: "meridian_hub_socketio_connected_clients",
      help: "socket.io clients currently connected.",
      registers: [registry],
    }),
  };
}

/** Sets the readiness gauge from a report. */
export function recordReadiness(metrics: HubMetrics, report: ReadinessReport): void {
  for (const [check, outcome] of Object.entries(report.checks)) {
    metrics.readiness.set({ check }, outcome === "ok" ? 1 : 0);
  }
}

// Node's parser accepts a few dozen methods; label the rare ones together to bound cardinality.
const LABELLED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Middleware counting and timing each request once its response has finished. */
export function httpMetricsMiddleware(metrics: HubMetrics): RequestHandler {
  return (req, res, next) => {
    res.once("finish", () => {
      const labels = {
        method: LABELLED_METHODS.has(req.method) ? req.method : "OTHER",
        route: routeTemplateOf(req, res),
        status: String(res.statusCode),
      };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, (performance.now() - requestContext(res).startedAt) / 1000);
    });
    next();
  };
}
