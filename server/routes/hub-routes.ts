/**
 * The hub's route modules, in mount order. Add a feature's router here (site, feeds,
 * calendars, client API) and nowhere else.
 */
import { calendarRoutes } from "./calendar-routes.ts";
import { digestSiteRoutes } from "./digest-site-routes.ts";
import { healthRoutes } from "./health-routes.ts";
import { practiceRequestRoutes } from "./practice-request-routes.ts";
import type { HubRouteModule } from "./route-module.ts";
import { sessionRoutes } from "./session-routes.ts";

/** Built-in route modules mounted by `startHub`. */
export const HUB_ROUTE_MODULES: readonly HubRouteModule[] = [
  healthRoutes,
  calendarRoutes,
  sessionRoutes,
  practiceRequestRoutes,
  digestSiteRoutes,
];
