/**
 * The hub's only error handling: unknown routes become 404 and every error reaching Express
 * (thrown or rejected in a handler; Express 5 forwards async rejections) becomes Matrix-style
 * JSON `{ errcode, error }`. Only a {@link HubError}'s message is shown to the client; anything
 * else is logged in full and answered with a generic 500.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { HubError, type MatrixErrcode } from "./hub-error.ts";
import { requestContext } from "./request-context.ts";

/**
 * The 404 for anything not there. Routes whose resources are secret (feed tokens) throw this
 * very error, so their 404 cannot be told apart from an unknown path.
 */
export function notFoundError(): HubError {
  return new HubError(404, "M_NOT_FOUND", "No such resource");
}

/** Final middleware: any request no route answered gets a 404 in the Matrix error shape. */
export function notFoundMiddleware(): RequestHandler {
  return (_req, _res, next) => {
    next(notFoundError());
  };
}

/** The error middleware; register it last. */
export function errorMiddleware(): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    // Too late to send our JSON: let Express cut the connection so the client sees a failure.
    if (res.headersSent) {
      next(error);
      return;
    }
    const reply = toClientError(error);
    const log = requestContext(res).log;
    if (reply.status >= 500) {
      log.error({ err: error }, "request failed");
    } else if (!(error instanceof HubError)) {
      log.info({ errType: errorType(error) }, "request rejected by body parser");
    }
    res.status(reply.status).json({ errcode: reply.errcode, error: reply.message });
  };
}

type ClientError = { status: number; errcode: MatrixErrcode; message: string };

const INTERNAL: ClientError = { status: 500, errcode: "M_UNKNOWN", message: "Internal error" };

/** What the client is told about `error`. */
function toClientError(error: unknown): ClientError {
  if (error instanceof HubError)
    return { status: error.status, errcode: error.errcode, message: error.message };
  // express.json() (body-parser) signals client mistakes with http-errors carrying a `type`.
  const type = errorType(error);
  return (
    (type === undefined ? undefined : BODY_PARSER_ERRORS.get(type)) ?? untypedClientError(error) ?? INTERNAL
  );
}

/**
 * Client mistakes Express and body-parser mark with a 4xx `status` but no `type`: a path whose
 * %-escapes do not decode (the router's URIError), a body that does not decompress. Their own
 * messages may quote the request, so the client gets one of ours.
 */
function untypedClientError(error: unknown): ClientError | undefined {
  if (typeof error !== "object" || error === null || !("status" in error)) return undefined;
  const { status } = error;
  if (typeof status !== "number" || !Number.isInteger(status) || status < 400 || status > 499)
    return undefined;
  const message =
    error instanceof URIError
      ? "The request path is not validly percent-encoded"
      : "The request could not be read";
  return { status, errcode: "M_UNKNOWN", message };
}

const BODY_PARSER_ERRORS = new Map<string, ClientError>([
  ["entity.parse.failed", { status: 400, errcode: "M_NOT_JSON", message: "Request body is not valid JSON" }],
  ["entity.too.large", { status: 413, errcode: "M_TOO_LARGE", message: "Request body is too large" }],
  [
    "encoding.unsupported",
    { status: 415, errcode: "M_UNKNOWN", message: "Unsupported request body encoding" },
  ],
  ["charset.unsupported", { status: 415, errcode: "M_UNKNOWN", message: "Unsupported request body charset" }],
  ["request.aborted", { status: 400, errcode: "M_UNKNOWN", message: "Request aborted" }],
]);

function errorType(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "type" in error && typeof error.type === "string")
    return error.type;
  return undefined;
}
