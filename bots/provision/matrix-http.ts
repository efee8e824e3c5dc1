/**
 * A small client for the Matrix client-server API, just what the provisioner needs. It is not
 * matrix-js-sdk because the provisioner never syncs, never encrypts and runs to completion;
 * and because every request goes through one place here, it can be counted (the issue asks
 * how many requests an apply makes, and that no state is written twice).
 */
import { type Result, err, ok } from "../../lib/result.ts";

/** A refused or failed request, with what the homeserver said. */
export interface MatrixHttpError {
  readonly method: string;
  readonly path: string;
  /** HTTP status, or 0 when the homeserver could not be reached. */
  readonly status: number;
  readonly errcode: string;
  readonly message: string;
}

/** Requests made, for reports and for checking that no write is repeated. */
export interface RequestCounter {
  reads: number;
  writes: number;
  /** Write requests by what they write (method, path and target), to find repeats. */
  readonly writeKeys: Map<string, number>;
}

export function createRequestCounter(): RequestCounter {
  return { reads: 0, writes: 0, writeKeys: new Map() };
}

/** Writes made more than once (key → count); empty when no state was written twice. */
export function repeatedWrites(counter: RequestCounter): Map<string, number> {
  return new Map([...counter.writeKeys].filter(([, count]) => count > 1));
}

export interface MatrixHttpOptions {
  readonly baseUrl: string;
  readonly accessToken?: string;
  readonly counter: RequestCounter;
  readonly fetch?: typeof fetch;
  /** Retries after a rate-limit refusal; default 5. */
  readonly maxRateLimitRetries?: number;
}

export interface MatrixRequest {
  readonly method: "GET" | "POST" | "PUT";
  /** Path from the base URL, with every id already encoded, e.g. `/_matrix/client/v3/joined_rooms`. */
  readonly path: string;
  readonly body?: unknown;
  /** Distinguishes writes to one path (e.g. the user an invite is for). */
  readonly target?: string;
}

export type MatrixHttp = (request: MatrixRequest) => Promise<Result<unknown, MatrixHttpError>>;

const MAX_WAIT_MS = 30_000;

function errorOf(request: MatrixRequest, status: number, body: unknown, fallback: string): MatrixHttpError {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  return {
    method: request.method,
    path: request.path,
    status,
    errcode: typeof record.errcode === "string" ? record.errcode : "M_UNKNOWN",
    message: typeof record.error === "string" ? record.error : fallback,
  };
}

/** `encodeURIComponent` for a path segment (room ids and user ids contain `!`, `:` and `@`). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export function createMatrixHttp(options: MatrixHttpOptions): MatrixHttp {
  const doFetch = options.fetch ?? fetch;
  const maxRetries = options.maxRateLimitRetries ?? 5;
  return async (request) => {
    const isWrite = request.method !== "GET";
    if (isWrite) {
      const key = `${request.method} ${options.baseUrl}${request.path}${request.target === undefined ? "" : ` ${request.target}`}`;
      options.counter.writeKeys.set(key, (options.counter.writeKeys.get(key) ?? 0) + 1);
    }
    for (let attempt = 0; ; attempt += 1) {
      if (isWrite) options.counter.writes += 1;
      else options.counter.reads += 1;
      let response: Response;
      try {
        response = await doFetch(new URL(request.path, options.baseUrl), {
          method: request.method,
          headers: {
            ...(options.accessToken === undefined ? {} : { authorization: `Bearer ${options.accessToken}` }),
            ...(request.body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          signal: AbortSignal.timeout(60_000),
        });
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        return err(errorOf(request, 0, undefined, `could not reach ${options.baseUrl}: ${reason}`));
      }
      const text = await response.text();
      let body: unknown;
      try {
        body = text === "" ? {} : JSON.parse(text);
      } catch {
        body = undefined;
      }
      if (response.ok) return ok(body);
      const failure = errorOf(request, response.status, body, `HTTP ${response.status}`);
      const rateLimited = response.status === 429 || failure.errcode === "M_LIMIT_EXCEEDED";
      if (!rateLimited || attempt >= maxRetries) return err(failure);
      const hinted =
        typeof body === "object" && body !== null && "retry_after_ms" in body
          ? Number(body.retry_after_ms)
          : Number.NaN;
      const waitMs = Math.min(MAX_WAIT_MS, Number.isFinite(hinted) ? hinted : 1_000 * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  };
}
