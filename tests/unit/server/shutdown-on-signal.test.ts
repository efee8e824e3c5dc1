import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../../lib/logger.ts";
import { installSignalHandlers } from "../../../server/shutdown-on-signal.ts";

/** Our handler: the one installed last. Called directly, since emitting SIGTERM would reach the test runner's own handlers. */
function latestHandler(signal: "SIGTERM" | "SIGINT"): (signal: NodeJS.Signals) => void {
  const handler = process.listeners(signal).at(-1);
  if (handler === undefined) throw new Error(`no ${signal} handler`);
  return handler;
}

const uninstallers: Array<() => void> = [];
afterEach(() => {
  for (const uninstall of uninstallers.splice(0)) uninstall();
});

describe("installSignalHandlers", () => {
  it("runs every stop function once, in order, then exits 0", async () => {
    const calls: string[] = [];
    const exited = new Promise<number>((resolve) => {
      uninstallers.push(
        installSignalHandlers(
          [
            async () => {
              calls.push("hub");
              await Promise.resolve();
            },
            () => {
              calls.push("bots");
              return Promise.resolve();
            },
          ],
          silentLogger(),
          { exit: resolve },
        ),
      );
    });
    const handler = latestHandler("SIGTERM");
    expect(latestHandler("SIGINT")).toBe(handler);
    handler("SIGTERM");
    handler("SIGINT");
    expect(await exited).toBe(0);
    expect(calls).toEqual(["hub", "bots"]);
  });

  it("still runs later stop functions when one fails, then exits 1", async () => {
    const calls: string[] = [];
    const exited = new Promise<number>((resolve) => {
      uninstallers.push(
        installSignalHandlers(
          [
            () => Promise.reject(new Error("stuck")),
            () => {
              calls.push("second");
              return Promise.resolve();
            },
          ],
          silentLogger(),
          { exit: resolve },
        ),
      );
    });
    latestHandler("SIGINT")("SIGINT");
    expect(await exited).toBe(1);
    expect(calls).toEqual(["second"]);
  });

  it("removes its handlers when uninstalled", () => {
    const before = process.listenerCount("SIGTERM");
    const uninstall = installSignalHandlers([], silentLogger(), { exit: () => undefined });
    expect(process.listenerCount("SIGTERM")).toBe(before + 1);
    uninstall();
    expect(process.listenerCount("SIGTERM")).toBe(before);
  });
});
