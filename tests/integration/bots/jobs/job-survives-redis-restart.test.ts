/**
 * A delayed job must survive Redis itself restarting (a host reboot, an upgrade): with
 * append-only persistence the job is still there, and the bot's worker reconnects on its own.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../../lib/logger.ts";
import { createJobRuntime, type JobRuntime } from "../../../../bots/runtime/jobs/index.ts";
import { startRedisServer, type RedisServer } from "../../../support/redis-server.ts";
import { recordJobs } from "./job-recorder.ts";

let dir: string;
let server: RedisServer;
let jobs: JobRuntime | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "meridian-redis-aof-"));
  server = await startRedisServer({ appendOnlyDir: dir });
});
afterAll(async () => {
  await jobs?.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("job runtime across a Redis restart", () => {
  it("fires a delayed job once after Redis was stopped and started again on the same data", async () => {
    jobs = createJobRuntime({
      connection: { host: "127.0.0.1", port: server.port },
      prefix: "restart-test",
      botId: "convene",
      logger: silentLogger(),
      closeTimeoutMs: 2_000,
    });
    const recorder = recordJobs<{ meetingId: string }>();
    const reminder = jobs.defineJob<{ meetingId: string }>("reminder", { handler: recorder.handler });
    await jobs.start();
    const at = Date.now() + 1_500;
    await jobs.schedule(reminder, { meetingId: "m-1" }, { jobId: "m-1-1h", at });

    await server.stop();
    server = await startRedisServer({ appendOnlyDir: dir, port: server.port });

    const [call] = await recorder.waitForCalls(1, 15_000);
    expect(call!.jobId).toBe("m-1-1h");
    expect(call!.at).toBeGreaterThanOrEqual(at - 5);
    // Completed jobs are removed: once the queue is empty no second run can still come.
    for (const deadline = Date.now() + 5_000; ;) {
      const depth = (await jobs.depths())["reminder"];
      if (depth !== undefined && depth.waiting + depth.delayed + depth.active === 0) break;
      if (Date.now() > deadline) throw new Error(`reminder queue not drained: ${JSON.stringify(depth)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(recorder.calls).toHaveLength(1);
  });
});
