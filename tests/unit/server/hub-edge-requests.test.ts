/**
 * Requests at the hub's edges. The hub's API is for its own pages and client only: no response, preflight included, carries
 * CORS headers, so a browser on another origin can neither read an answer nor send a request
 * with credentials or JSON (the preflight fails). The socket.io origin check has its own test
 * (hub-socket.test.ts). A request Node itself refuses (headers over 16 KB) still gets the
 * hub's JSON error shape.
 */
import { describe, expect, it } from "vitest";
import { startTestHub } from "./hub-test-helpers.ts";

const FOREIGN = "https://evil.example";

describe("cross-origin requests to the hub", () => {
  it("get no CORS headers, for simple requests and preflights alike", async () => {
    const hub = await startTestHub({ publicUrl: "https://hub.example.org" });
    const preflight = await fetch(`${hub.url}/api/v1/session`, {
      method: "OPTIONS",
      headers: {
        origin: FOREIGN,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    const simple = await fetch(`${hub.url}/api/v1/requests/stats`, { headers: { origin: FOREIGN } });
    const page = await fetch(`${hub.url}/health`, { headers: { origin: FOREIGN } });
    for (const response of [preflight, simple, page]) {
      for (const header of [
        "access-control-allow-origin",
        "access-control-allow-credentials",
        "access-control-allow-methods",
        "access-control-allow-headers",
      ])
        expect(response.headers.get(header), `${response.url} ${header}`).toBeNull();
    }
    // Nor does it tell other sites it may be framed or sniffed.
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("requests Node refuses before the app sees them", () => {
  it("still get the Matrix-style JSON error", async () => {
    const hub = await startTestHub();
    const response = await fetch(`${hub.url}/digest/search?q=${"a".repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(await response.json()).toEqual({
      errcode: "M_UNKNOWN",
      error: "The request's headers or path are too large",
    });
  });
});
