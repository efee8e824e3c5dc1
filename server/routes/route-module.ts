/**
 * How a feature plugs HTTP routes into the hub: one module per feature (health, site, feeds,
 * calendars, client API), each building its own express Router from a narrow context. They are
 * listed in `hub-routes.ts` and mounted by {@link mountRouteModules}, in one place.
 */
import type { Express, Router } from "express";
import type { Registry } from "prom-client";
import type { Logger } from "../../lib/logger.ts";
import type { HubAuth } from "../auth/hub-auth.ts";
import type { CalendarFeeds } from "../calendars/render-subject-feed.ts";
import type { DigestSite } from "../digest-source/connect-digest-site.ts";
import type { ReadinessRegistry } from "../readiness.ts";
import { requestContext } from "../request-context.ts";
import type { PracticeRequests } from "../requests/practice-requests.ts";

/** What a route module may use. Grows as features need more (e.g. a Matrix client). */
export type HubRouteContext = {
  readonly logger: Logger;
  readonly readiness: ReadinessRegistry;
  readonly metrics: Registry;
  /** The convening index behind calendar feeds; undefined when the hub was given none. */
  readonly calendars: CalendarFeeds | undefined;
  /** Sign-in and sessions; undefined when the hub was given none (the API is then not served). */
  readonly auth: HubAuth | undefined;
  /** Practice requests (intake and statistics); undefined when the hub was given none. */
  readonly requests: PracticeRequests | undefined;
  /** The digest index, network and public URL behind the public digest site; undefined without an index. */
  readonly digestSite: DigestSite | undefined;
};

/** A feature's routes. */
export type HubRouteModule = {
  /** Short feature name, used in logs. */
  readonly name: string;
  /** Where the router is mounted, e.g. `/` or `/api/v1`. A template: it appears in metric labels. */
  readonly mountPath: string;
  createRouter(context: HubRouteContext): Router;
};

/** Mounts each module's router on `app`, in order. */
export function mountRouteModules(
  app: Express,
  modules: readonly HubRouteModule[],
  context: HubRouteContext,
): void {
  for (const module of modules) {
    const routeBase = module.mountPath === "/" ? "" : module.mountPath.replace(/\/+$/, "");
    const router = module.createRouter({ ...context, logger: context.logger.child({ routes: module.name }) });
    app.use(
      module.mountPath,
      (_req, res, next) => {
        // Express restores `req.baseUrl` when a request leaves a router, so record the mount
        // template here for the metrics and log label of whichever route ends up answering.
        requestContext(res).routeBase = routeBase;
        next();
      },
      router,
    );
  }
}
