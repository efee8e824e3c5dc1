import { describe, expect, it } from "vitest";
import { HubError } from "../../../server/hub-error.ts";
import {
  failingCheck,
  hangingCheck,
  passingCheck,
  routeModule,
  sampleValue,
  startTestHub,
} from "./hub-test-helpers.ts";

describe("GET /health", () => {
  it("answers 200 ok even when dependencies are down", async () => {
    const hub = await startTestHub({}, { readiness: [failingCheck("redis", "redis ping failed")] });
    const response = await fetch(`${hub.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("GET /ready", () => {
  it("answers 200 with every check ok when all pass", async () => {
    const hub = await startTestHub(
      {},
      { readiness: [passingCheck("redis"), passingCheck("homeserver:north")] },
    );
    const response = await fetch(`${hub.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ready",
      checks: { redis: "ok", "homeserver:north": "ok" },
    });
  });

  it("answers 503 naming the failing check and its reason", async () => {
    const hub = await startTestHub(
      {},
      {
        readiness: [
          passingCheck("redis"),
          failingCheck("homeserver:north", "homeserver north answered HTTP 502"),
        ],
      },
    );
    const response = await fetch(`${hub.url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not_ready",
      checks: { redis: "ok", "homeserver:north": "homeserver north answered HTTP 502" },
    });
  });

  it("answers 503 when a check hangs past the timeout", async () => {
    const hub = await startTestHub(
      { readinessTimeoutMs: 100 },
      { readiness: [passingCheck("redis"), hangingCheck("homeserver:south")] },
    );
    const started = performance.now();
    const response = await fetch(`${hub.url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not_ready",
      checks: { redis: "ok", "homeserver:south": "timed out after 100 ms" },
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("never shows credentials a check put in its reason", async () => {
    const hub = await startTestHub(
      {},
      { readiness: [failingCheck("upstream", "cannot reach https://admin:hunter2@example.org/x")] },
    );
    const body = await (await fetch(`${hub.url}/ready`)).text();
    expect(body).not.toContain("hunter2");
    expect(body).toContain("https://REDACTED@example.org/x");
  });

  it("includes checks added after start", async () => {
    const hub = await startTestHub({}, { readiness: [passingCheck("redis")] });
    hub.addReadinessCheck(failingCheck("bot:digest", "not running"));
    const response = await fetch(`${hub.url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not_ready",
      checks: { redis: "ok", "bot:digest": "not running" },
    });
    expect(() => {
      hub.addReadinessCheck(passingCheck("redis"));
    }).toThrow(/already registered/);
  });
});

describe("GET /metrics", () => {
  it("serves Prometheus text with process, http and readiness metrics", async () => {
    const hub = await startTestHub(
      {},
      { readiness: [passingCheck("redis"), failingCheck("homeserver:north", "down")] },
    );
    await fetch(`${hub.url}/health`);
    const response = await fetch(`${hub.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(
      sampleValue(text, "meridian_hub_http_requests_total", {
        method: "GET",
        route: "/health",
        status: "200",
      }),
    ).toBe(1);
    expect(sampleValue(text, "meridian_hub_http_request_duration_seconds_count", { route: "/health" })).toBe(
      1,
    );
    // Refreshed on scrape, so present without anyone calling /ready first.
    expect(sampleValue(text, "meridian_hub_readiness_check", { check: "redis" })).toBe(1);
    expect(sampleValue(text, "meridian_hub_readiness_check", { check: "homeserver:north" })).toBe(0);
    expect(sampleValue(text, "meridian_hub_socketio_connected_clients")).toBe(0);
  });

  it("labels requests by route template, not raw path, and unknown paths as unmatched", async () => {
    const things = routeModule("/things", (router) => {
      router.get("/:thingId", (req, res) => {
        res.json({ id: req.params["thingId"] });
      });
    });
    const hub = await startTestHub({}, { routes: [things] });
    await fetch(`${hub.url}/things/a`);
    await fetch(`${hub.url}/things/b`);
    await fetch(`${hub.url}/no/such/path`);
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    expect(
      sampleValue(text, "meridian_hub_http_requests_total", { route: "/things/:thingId", status: "200" }),
    ).toBe(2);
    expect(sampleValue(text, "meridian_hub_http_requests_total", { route: "unmatched", status: "404" })).toBe(
      1,
    );
    expect(text).not.toContain("/things/a");
    expect(text).not.toContain("/no/such/path");
  });

  it("lets later modules register metrics on the hub registry", async () => {
    const hub = await startTestHub();
    const { Counter } = await import("prom-client");
    new Counter({ name: "meridian_bot_test_total", help: "test", registers: [hub.metrics] }).inc(3);
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    expect(sampleValue(text, "meridian_bot_test_total")).toBe(3);
  });
});

describe("security headers", () => {
  it("sends a strict CSP, no-referrer and no x-powered-by", async () => {
    const hub = await startTestHub();
    const response = await fetch(`${hub.url}/health`);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("upgrades insecure requests and sends HSTS only when served over https", async () => {
    const hub = await startTestHub({ publicUrl: "https://hub.example.org" });
    const response = await fetch(`${hub.url}/health`);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  it("sends the headers on error responses too", async () => {
    const hub = await startTestHub();
    const response = await fetch(`${hub.url}/nope`);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});

describe("errors", () => {
  const failing = routeModule("/test", (router) => {
    router.get("/throws", () => {
      throw new Error("database password is hunter2");
    });
    router.get("/rejects", async () => {
      await Promise.resolve();
      throw new Error("async detail");
    });
    router.get("/forbidden", () => {
      throw new HubError(403, "M_FORBIDDEN", "You are not a member of this network");
    });
    router.post("/echo", (req, res) => {
      res.json({ received: req.body as unknown });
    });
  });

  it("answers unknown routes with 404 M_NOT_FOUND JSON", async () => {
    const hub = await startTestHub();
    const response = await fetch(`${hub.url}/does-not-exist`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ errcode: "M_NOT_FOUND", error: "No such resource" });
  });

  it("answers a throwing route with a generic 500 and no detail", async () => {
    const hub = await startTestHub({}, { routes: [failing] });
    for (const path of ["/test/throws", "/test/rejects"]) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ errcode: "M_UNKNOWN", error: "Internal error" });
      expect(body).not.toMatch(/hunter2|detail|at .*\.ts/);
    }
  });

  it("answers a HubError with its status, errcode and message", async () => {
    const hub = await startTestHub({}, { routes: [failing] });
    const response = await fetch(`${hub.url}/test/forbidden`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      errcode: "M_FORBIDDEN",
      error: "You are not a member of this network",
    });
  });

  it("parses JSON bodies and rejects malformed or oversized ones", async () => {
    const hub = await startTestHub({}, { routes: [failing] });
    const post = (body: string): Promise<Response> =>
      fetch(`${hub.url}/test/echo`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });

    const good = await post(JSON.stringify({ a: 1 }));
    expect(await good.json()).toEqual({ received: { a: 1 } });

    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      errcode: "M_NOT_JSON",
      error: "Request body is not valid JSON",
    });

    const huge = await post(JSON.stringify({ a: "x".repeat(70 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ errcode: "M_TOO_LARGE", error: "Request body is too large" });
  });
});
