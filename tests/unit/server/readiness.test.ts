import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../lib/logger.ts";
import { ok } from "../../../lib/result.ts";
import {
  createReadinessRegistry,
  redactCredentials,
  type ReadinessReport,
} from "../../../server/readiness.ts";
import { deferred, failingCheck, passingCheck } from "./hub-test-helpers.ts";

describe("createReadinessRegistry", () => {
  it("shares one run between concurrent callers", async () => {
    let calls = 0;
    const gate = deferred();
    const registry = createReadinessRegistry({
      checks: [
        {
          name: "slow",
          check: async () => {
            calls++;
            await gate.promise;
            return ok(undefined);
          },
        },
      ],
      timeoutMs: 5_000,
      logger: silentLogger(),
    });
    const first = registry.run();
    const second = registry.run();
    gate.resolve();
    expect(await first).toBe(await second);
    expect(calls).toBe(1);
    await registry.run();
    expect(calls).toBe(2);
  });

  it("reports a throwing check as failed without its message, and tells onReport", async () => {
    const reports: ReadinessReport[] = [];
    const registry = createReadinessRegistry({
      checks: [
        passingCheck("a"),
        { name: "buggy", check: () => Promise.reject(new Error("postgres://u:p@db/x refused")) },
      ],
      timeoutMs: 1_000,
      logger: silentLogger(),
      onReport: (report) => reports.push(report),
    });
    const report = await registry.run();
    expect(report).toEqual({ ready: false, checks: { a: "ok", buggy: "check failed unexpectedly" } });
    expect(reports).toEqual([report]);
  });

  it("aborts the signal given to a check that runs past the timeout", async () => {
    const aborted = deferred<unknown>();
    const registry = createReadinessRegistry({
      checks: [
        {
          name: "slow",
          check: (signal) =>
            new Promise(() => {
              signal.addEventListener("abort", () => {
                aborted.resolve(signal.reason);
              });
            }),
        },
      ],
      timeoutMs: 20,
      logger: silentLogger(),
    });
    expect(await registry.run()).toEqual({ ready: false, checks: { slow: "timed out after 20 ms" } });
    expect(await aborted.promise).toBeInstanceOf(Error);
  });

  it("is ready with no checks and rejects duplicate names", async () => {
    const registry = createReadinessRegistry({ checks: [], timeoutMs: 10, logger: silentLogger() });
    expect(await registry.run()).toEqual({ ready: true, checks: {} });
    registry.add(failingCheck("x", "no"));
    expect(() => {
      registry.add(passingCheck("x"));
    }).toThrow(/already registered/);
    expect(registry.names()).toEqual(["x"]);
  });
});

describe("redactCredentials", () => {
  it("removes user info from URLs and leaves the rest", () => {
    expect(redactCredentials("redis://:pw@127.0.0.1:6379 and https://a:b@x.org/p, http://plain.org")).toBe(
      "redis://REDACTED@127.0.0.1:6379 and https://REDACTED@x.org/p, http://plain.org",
    );
  });
});
