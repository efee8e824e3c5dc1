/**
 * One structured log line per request. It records what is needed to follow a request through
 * the logs (id, method, route, path, status, duration) and deliberately nothing else: no
 * query string (it may carry tokens), no headers (Authorization), no bodies.
 */
import type { RequestHandler } from "express";
import { requestContext, routeTemplateOf } from "./request-context.ts";

/** Middleware logging each request when its response finishes or the client goes away. */
export function requestLogMiddleware(): RequestHandler {
  return (req, res, next) => {
    const context = requestContext(res);
    // Read now: inside a mounted router `req.path` is relative to the mount point.
    const path = req.path;
    // `close` fires after `finish` too, so one listener sees both completed and aborted requests.
    res.once("close", () => {
      const fields = {
        method: req.method,
        route: routeTemplateOf(req, res),
        path: context.logPath ?? path,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - context.startedAt) * 10) / 10,
      };
      if (res.writableFinished) {
        context.log.info(fields, "request");
      } else {
        context.log.warn(fields, "request aborted before the response finished");
      }
    });
    next();
  };
}
