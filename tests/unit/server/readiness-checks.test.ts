import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { homeserverReadinessCheck, redisReadinessCheck } from "../../../server/readiness-checks.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

/** A local HTTP server standing in for a homeserver's client API; resolves with its base URL. */
async function httpServer(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: bind one, then close it. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const never = new AbortController().signal;

describe("homeserverReadinessCheck", () => {
  it("passes when /_matrix/client/versions answers 200", async () => {
    const paths: string[] = [];
    const url = await httpServer((req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ versions: ["v1.11"] }));
    });
    const check = homeserverReadinessCheck("north", `${url}/`);
    expect(check.name).toBe("homeserver:north");
    expect(await check.check(never)).toEqual({ ok: true, value: undefined });
    expect(paths).toEqual(["/_matrix/client/versions"]);
  });

  it("fails with the status code on a non-200 answer", async () => {
    const url = await httpServer((_req, res) => res.writeHead(502).end("bad gateway"));
    expect(await homeserverReadinessCheck("north", url).check(never)).toEqual({
      ok: false,
      error: "homeserver north answered HTTP 502",
    });
  });

  it("fails as unreachable with the error code when nothing listens", async () => {
    const result = await homeserverReadinessCheck("north", await closedPortUrl()).check(never);
    expect(result).toEqual({ ok: false, error: "homeserver north unreachable (ECONNREFUSED)" });
  });

  it("refuses a URL with credentials without showing them", async () => {
    const url = (await closedPortUrl()).replace("http://", "http://admin:hunter2@");
    const result = await homeserverReadinessCheck("north", url).check(never);
    expect(result).toEqual({ ok: false, error: "homeserver north client URL must not contain credentials" });
  });

  it("fails as timed out when the caller's signal aborts", async () => {
    const url = await httpServer(() => undefined);
    const controller = new AbortController();
    const pending = homeserverReadinessCheck("north", url).check(controller.signal);
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: "homeserver north timed out" });
  });

  it("uses the fetch it is given", async () => {
    const seen: string[] = [];
    const fakeFetch: typeof fetch = (input) => {
      seen.push(input instanceof Request ? input.url : input.toString());
      return Promise.resolve(new Response("{}", { status: 200 }));
    };
    expect((await homeserverReadinessCheck("south", "http://hs.invalid", fakeFetch).check(never)).ok).toBe(
      true,
    );
    expect(seen).toEqual(["http://hs.invalid/_matrix/client/versions"]);
  });
});

describe("redisReadinessCheck", () => {
  it("passes on PONG and is named redis by default", async () => {
    const check = redisReadinessCheck({ ping: () => Promise.resolve("PONG") });
    expect(check.name).toBe("redis");
    expect(await check.check(never)).toEqual({ ok: true, value: undefined });
  });

  it("reports the error code, not the message, when ping fails", async () => {
    const failure = Object.assign(new Error("connect ECONNREFUSED redis://:pw@10.0.0.1:6379"), {
      code: "ECONNREFUSED",
    });
    const check = redisReadinessCheck({ ping: () => Promise.reject(failure) }, "redis:queue");
    expect(check.name).toBe("redis:queue");
    expect(await check.check(never)).toEqual({ ok: false, error: "redis ping failed (ECONNREFUSED)" });
  });

  it("stops waiting for a ping that never answers when the signal aborts", async () => {
    const controller = new AbortController();
    const pending = redisReadinessCheck({ ping: () => new Promise<string>(() => undefined) }).check(
      controller.signal,
    );
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: "redis ping timed out" });
  });
});
