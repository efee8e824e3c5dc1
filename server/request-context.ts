/**
 * Per-request data shared by the request log, the HTTP metrics and the error middleware:
 * the request id, a logger bound to it, and the route template the request matched.
 *
 * Kept in a WeakMap keyed by the response rather than on `res.locals`, because `locals` is typed
 * `any` and would let untyped values leak into handlers; the WeakMap entry dies with the response.
 */
import { randomUUID } from "node:crypto";
import type { Request, Response, RequestHandler } from "express";
import type { Logger } from "../lib/logger.ts";

/** What the hub knows about one request while it is being served. */
export type RequestContext = {
  readonly requestId: string;
  /** The hub logger with `reqId` bound, for anything logged while serving this request. */
  readonly log: Logger;
  /** `performance.now()` when the request entered the app. */
  readonly startedAt: number;
  /** Mount path of the route module serving the request (a template, e.g. `/rooms/:id`). */
  routeBase: string;
  /**
   * The path the request log shows instead of the real one, set by routes whose paths are
   * secrets (capability URLs such as calendar feeds).
   */
  logPath: string | undefined;
};

const contexts = new WeakMap<Response, RequestContext>();

// An incoming id is echoed into logs and a response header, so only accept a short, plain token.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Middleware that creates the request context: honours a well-formed incoming `x-request-id`
 * (so a reverse proxy's id ties its logs to ours), otherwise makes one, and echoes it back.
 */
export function requestContextMiddleware(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get("x-request-id");
    const requestId =
      incoming !== undefined && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    contexts.set(res, {
      requestId,
      log: logger.child({ reqId: requestId }),
      startedAt: performance.now(),
      routeBase: "",
      logPath: undefined,
    });
    res.setHeader("x-request-id", requestId);
    next();
  };
}

/**
 * The context of a request. Throws if the request-context middleware did not run, which is a
 * wiring bug in the composition root, not something a request can cause.
 */
export function requestContext(res: Response): RequestContext {
  const context = contexts.get(res);
  if (context === undefined)
    throw new Error("request context missing: requestContextMiddleware must run first");
  return context;
}

/**
 * The route template a finished request matched, e.g. `/rooms/:roomId`, or `unmatched`.
 * Metrics label by template, not raw path, so that ids in paths cannot blow up cardinality.
 */
export function routeTemplateOf(req: Request, res: Response): string {
  // Express types `req.route` as `any`; narrow it before use.
  const route: unknown = req.route;
  if (typeof route !== "object" || route === null || !("path" in route)) return "unmatched";
  const path = route.path;
  if (typeof path !== "string") return "unmatched";
  const base = contexts.get(res)?.routeBase ?? "";
  const joined = `${base}${path === "/" && base !== "" ? "" : path}`;
  return joined === "" ? "/" : joined;
}
