import { describe, expect, it } from "vitest";
import { coalesce } from "../../../../bots/runtime/identity/coalesce.ts";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe("coalescing persist calls", () => {
  it("never runs twice at once, and runs once more for all calls made meanwhile", async () => {
    const gates = [deferred(), deferred(), deferred()];
    let runs = 0;
    let running = 0;
    let maxRunning = 0;
    const task = coalesce(async () => {
      const gate = gates[runs++];
      running++;
      maxRunning = Math.max(maxRunning, running);
      await gate?.promise;
      running--;
    });

    const first = task();
    const second = task();
    const third = task();
    expect(second).toBe(third);
    expect(runs).toBe(1);
    gates[0]?.resolve();
    await first;
    gates[1]?.resolve();
    await second;
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);

    const fourth = task();
    expect(runs).toBe(3);
    gates[2]?.resolve();
    await fourth;
  });

  it("runs the follow-up even when the current run fails", async () => {
    let runs = 0;
    const task = coalesce(() => {
      runs++;
      return runs === 1 ? Promise.reject(new Error("disk full")) : Promise.resolve();
    });
    const failing = task();
    const next = task();
    await expect(failing).rejects.toThrow("disk full");
    await next;
    expect(runs).toBe(2);
  });
});
