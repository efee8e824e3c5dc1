/**
 * Operational endpoints for orchestrators and Prometheus: liveness, readiness and metrics.
 * None of them is cached: a stale "ready" is worse than none.
 */
import { Router } from "express";
import type { HubRouteModule } from "./route-module.ts";

/** `GET /health`, `GET /ready`, `GET /metrics`. */
export const healthRoutes: HubRouteModule = {
  name: "health",
  mountPath: "/",
  createRouter: ({ readiness, metrics }) => {
    const router = Router();

    // Liveness: answering at all is the signal, so this never looks at dependencies.
    router.get("/health", (_req, res) => {
      res.set("cache-control", "no-store").json({ status: "ok" });
    });

    router.get("/ready", async (_req, res) => {
      const report = await readiness.run();
      res
        .status(report.ready ? 200 : 503)
        .set("cache-control", "no-store")
        .json({ status: report.ready ? "ready" : "not_ready", checks: report.checks });
    });

    router.get("/metrics", async (_req, res) => {
      const body = await metrics.metrics();
      res.status(200).set("cache-control", "no-store").type(metrics.contentType).send(body);
    });

    return router;
  },
};
