import { describe, expect, it } from "vitest";
import { capturingLogger, routeModule, startTestHub } from "./hub-test-helpers.ts";

describe("request log", () => {
  it("logs one JSON line per request with id, method, route, status and duration", async () => {
    const log = capturingLogger();
    const things = routeModule("/things", (router) => {
      router.post("/:thingId", (_req, res) => {
        res.status(201).json({});
      });
    });
    const hub = await startTestHub({}, { logger: log.logger, routes: [things] });
    const response = await fetch(`${hub.url}/things/42?access_token=secret-in-query`, {
      method: "POST",
      headers: {
        authorization: "Bearer syt_secret",
        "content-type": "application/json",
        "x-request-id": "proxy-abc.123",
      },
      body: JSON.stringify({ body: "a private message" }),
    });
    expect(response.headers.get("x-request-id")).toBe("proxy-abc.123");

    const line = await log.waitFor((l) => l["msg"] === "request");
    expect(line).toMatchObject({
      reqId: "proxy-abc.123",
      method: "POST",
      route: "/things/:thingId",
      path: "/things/42",
      status: 201,
    });
    expect(typeof line["durationMs"]).toBe("number");
    const everything = JSON.stringify(log.lines);
    expect(everything).not.toContain("syt_secret");
    expect(everything).not.toContain("secret-in-query");
    expect(everything).not.toContain("a private message");
  });

  it("makes up a request id when none or a malformed one is sent", async () => {
    const log = capturingLogger();
    const hub = await startTestHub({}, { logger: log.logger });
    const plain = await fetch(`${hub.url}/health`);
    const generated = plain.headers.get("x-request-id") ?? "";
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await log.waitFor((l) => l["reqId"] === generated && l["msg"] === "request");

    const hostile = await fetch(`${hub.url}/health`, { headers: { "x-request-id": "x".repeat(200) } });
    expect(hostile.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs the detail of an internal error, with the request id", async () => {
    const log = capturingLogger();
    const failing = routeModule("/test", (router) => {
      router.get("/throws", () => {
        throw new Error("detail for the log only");
      });
    });
    const hub = await startTestHub({}, { logger: log.logger, routes: [failing] });
    const response = await fetch(`${hub.url}/test/throws`);
    const reqId = response.headers.get("x-request-id");
    const line = await log.waitFor((l) => l["msg"] === "request failed");
    expect(line["reqId"]).toBe(reqId);
    expect(JSON.stringify(line["err"])).toContain("detail for the log only");
  });
});
