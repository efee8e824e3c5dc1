import { io as connectSocket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { deferred, routeModule, startTestHub } from "./hub-test-helpers.ts";

/** A route that answers only when the test releases it, and says when a request arrived. */
function slowRoute(): {
  module: ReturnType<typeof routeModule>;
  arrived: Promise<void>;
  release: () => void;
} {
  const arrived = deferred();
  const released = deferred();
  const module = routeModule("/test", (router) => {
    router.get("/slow", async (_req, res) => {
      arrived.resolve();
      await released.promise;
      res.json({ done: true });
    });
  });
  return {
    module,
    arrived: arrived.promise,
    release: () => {
      released.resolve();
    },
  };
}

describe("hub.stop()", () => {
  it("stops accepting connections, disconnects socket.io clients and is idempotent", async () => {
    const hub = await startTestHub();
    const client = connectSocket(hub.url, { transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve) => client.once("connect", resolve));
    const disconnected = new Promise<string>((resolve) => client.once("disconnect", resolve));

    const first = hub.stop();
    const second = hub.stop();
    expect(second).toBe(first);
    await first;
    await hub.stop();

    // Transport closed, not a server-side disconnect packet: clients should reconnect once a
    // restarted hub is back, which they would not after "io server disconnect".
    expect(await disconnected).toBe("transport close");
    await expect(fetch(`${hub.url}/health`)).rejects.toThrow();
  });

  it("lets a request in flight finish before resolving", async () => {
    const slow = slowRoute();
    const hub = await startTestHub({}, { routes: [slow.module] });
    // A finished request leaves an idle keep-alive connection, which stop() must not wait for.
    await (await fetch(`${hub.url}/health`)).text();
    const response = fetch(`${hub.url}/test/slow`);
    await slow.arrived;

    let stopped = false;
    const stopping = hub.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);

    slow.release();
    const answer = await response;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ done: true });
    await stopping;
    expect(stopped).toBe(true);
  });

  it("cuts requests still running at the grace cap", async () => {
    const slow = slowRoute();
    const hub = await startTestHub({ shutdownGraceMs: 100 }, { routes: [slow.module] });
    const response = fetch(`${hub.url}/test/slow`);
    await slow.arrived;
    const started = performance.now();
    await hub.stop();
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect(response).rejects.toThrow();
    slow.release();
  });
});
