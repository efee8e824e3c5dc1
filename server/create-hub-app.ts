/**
 * The express app: middleware in the order that matters (request id and logging first so
 * every response, errors included, is logged and counted; security headers before any route;
 * 404 and the error middleware last).
 */
import express, { type Express } from "express";
import type { Logger } from "../lib/logger.ts";
import { errorMiddleware, notFoundMiddleware } from "./error-middleware.ts";
import { httpMetricsMiddleware, type HubMetrics } from "./metrics.ts";
import { requestContextMiddleware } from "./request-context.ts";
import { requestLogMiddleware } from "./request-log.ts";
import { mountRouteModules, type HubRouteContext, type HubRouteModule } from "./routes/route-module.ts";
import { type HubRateLimits, rateLimitMiddleware } from "./rate-limit.ts";
import { securityHeadersMiddleware } from "./security-headers.ts";

/** Largest JSON body accepted; the hub's API takes small commands, never uploads. */
export const JSON_BODY_LIMIT = "64kb";

/** Options for {@link createHubApp}. */
export type HubAppOptions = {
  readonly logger: Logger;
  readonly metrics: HubMetrics;
  readonly routeContext: HubRouteContext;
  readonly routes: readonly HubRouteModule[];
  /** Trust `X-Forwarded-*` from a reverse proxy (for `req.ip` and `req.protocol`). */
  readonly trustProxy: boolean;
  /** Whether the hub is served over https (decides HSTS and `upgrade-insecure-requests`). */
  readonly https: boolean;
  /** Budgets per client address for the API and for sign-in; none when absent. */
  readonly rateLimits?: HubRateLimits;
};

/** Builds the hub's express app. */
export function createHubApp(options: HubAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy);
  // Express' ETags would make /ready and /metrics answer 304 to a conditional probe.
  app.set("etag", false);

  app.use(requestContextMiddleware(options.logger));
  app.use(requestLogMiddleware());
  app.use(httpMetricsMiddleware(options.metrics));
  app.use(securityHeadersMiddleware({ https: options.https }));
  // Budgets before the body is even parsed: a flood should cost as little as possible.
  if (options.rateLimits !== undefined) {
    const { api, signIn } = options.rateLimits;
    app.post("/api/v1/session", rateLimitMiddleware(signIn, "sign-in"));
    app.use("/api", rateLimitMiddleware(api, "api"));
  }
  app.use(express.json({ limit: JSON_BODY_LIMIT }));

  mountRouteModules(app, options.routes, options.routeContext);

  app.use(notFoundMiddleware());
  app.use(errorMiddleware());
  return app;
}
