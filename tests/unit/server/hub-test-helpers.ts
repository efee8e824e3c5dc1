/**
 * Shared pieces for the hub's unit tests: a hub on an ephemeral loopback port, readiness checks
 * whose outcome the test decides, a log sink that can be awaited, and a deferred.
 */
import { Router } from "express";
import { afterEach } from "vitest";
import { createLogger, silentLogger, type Logger } from "../../../lib/logger.ts";
import { err, ok } from "../../../lib/result.ts";
import type { ReadinessCheck } from "../../../server/readiness.ts";
import type { HubRouteModule } from "../../../server/routes/route-module.ts";
import { startHub, type Hub, type HubConfig, type HubDeps } from "../../../server/start-hub.ts";

const running: Hub[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((hub) => hub.stop()));
});

/** Starts a hub on 127.0.0.1 with a free port; it is stopped after the test. */
export async function startTestHub(
  config: Partial<HubConfig> = {},
  deps: Partial<HubDeps> = {},
): Promise<Hub> {
  const hub = await startHub(
    { host: "127.0.0.1", port: 0, ...config },
    { logger: silentLogger(), readiness: [], ...deps },
  );
  running.push(hub);
  return hub;
}

/** A check that always passes. */
export function passingCheck(name: string): ReadinessCheck {
  return { name, check: () => Promise.resolve(ok(undefined)) };
}

/** A check that always fails with `reason`. */
export function failingCheck(name: string, reason: string): ReadinessCheck {
  return { name, check: () => Promise.resolve(err(reason)) };
}

/** A check that never settles and ignores its signal, like a dependency that swallows packets. */
export function hangingCheck(name: string): ReadinessCheck {
  return { name, check: () => new Promise(() => undefined) };
}

/** A promise with its resolve function exposed. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A route module built from a function that adds routes to a router. */
export function routeModule(mountPath: string, addRoutes: (router: Router) => void): HubRouteModule {
  return {
    name: `test${mountPath}`,
    mountPath,
    createRouter: () => {
      const router = Router();
      addRoutes(router);
      return router;
    },
  };
}

/** A logger whose JSON lines are kept, and a way to wait for a line matching a predicate. */
export function capturingLogger(): {
  logger: Logger;
  lines: Array<Record<string, unknown>>;
  waitFor(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
} {
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{
    predicate: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }> = [];
  const logger = createLogger({
    name: "test",
    level: "debug",
    destination: {
      write: (chunk: string) => {
        const line = JSON.parse(chunk) as Record<string, unknown>;
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.predicate(line))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      },
    },
  });
  return {
    logger,
    lines,
    waitFor: (predicate) => {
      const found = lines.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

/** The value of a Prometheus sample line, e.g. `metric{label="x"} 3`, or undefined if absent. */
export function sampleValue(
  metricsText: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of metricsText.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(" ")[0] ?? "";
    if (Object.entries(labels).every(([key, value]) => labelText.includes(`${key}="${value}"`))) {
      return Number(line.slice(line.lastIndexOf(" ") + 1));
    }
  }
  return undefined;
}
