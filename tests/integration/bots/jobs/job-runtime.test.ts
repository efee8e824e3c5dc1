/**
 * The job runtime against a real Redis (its own redis-server). Each test gets its own BullMQ
 * prefix, and waits for handler calls through a recorder rather than sleeping.
 */
import { randomUUID } from "node:crypto";
import { Queue, QueueEvents } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../../lib/logger.ts";
import {
  createJobRuntime,
  JobPayloadError,
  PermanentJobError,
  queueNameFor,
  type JobRuntime,
} from "../../../../bots/runtime/jobs/index.ts";
import { startRedisServer, type RedisServer } from "../../../support/redis-server.ts";
import { recordJobs } from "./job-recorder.ts";

interface Reminder {
  readonly meetingId: string;
}

let server: RedisServer;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await server.stop();
});

function runtime(prefix = `test-${randomUUID()}`): JobRuntime {
  const jobs = createJobRuntime({
    connection: { url: server.url },
    prefix,
    botId: "convene",
    logger: silentLogger(),
    closeTimeoutMs: 2_000,
  });
  cleanups.push(() => jobs.close());
  return jobs;
}

/** Resolves once the runtime reports nothing waiting, delayed or running for `name`. */
async function drained(jobs: JobRuntime, name: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const depth = (await jobs.depths())[name];
    if (depth !== undefined && depth.waiting + depth.delayed + depth.active === 0) return;
    if (Date.now() > deadline) throw new Error(`queue ${name} not drained: ${JSON.stringify(depth)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("job runtime: scheduling", () => {
  it("fires a delayed job once, at its time", async () => {
    const jobs = runtime();
    const recorder = recordJobs<Reminder>();
    const reminder = jobs.defineJob<Reminder>("reminder", { handler: recorder.handler });
    await jobs.start();
    const at = Date.now() + 400;
    expect(await jobs.schedule(reminder, { meetingId: "m-1" }, { jobId: "m-1-24h", at })).toBe("scheduled");
    expect((await jobs.depths())["reminder"]).toEqual({ waiting: 0, delayed: 1, active: 0, failed: 0 });

    const [call] = await recorder.waitForCalls(1);
    expect(call!.payload).toEqual({ meetingId: "m-1" });
    expect(call!.jobId).toBe("m-1-24h");
    expect(call!.attempt).toBe(1);
    expect(call!.at).toBeGreaterThanOrEqual(at - 5);
    expect(call!.at).toBeLessThan(at + 1500);
    await drained(jobs, "reminder");
    expect(recorder.calls).toHaveLength(1);
  });

  it("re-scheduling the same jobId replaces the earlier job instead of adding one", async () => {
    const jobs = runtime();
    const recorder = recordJobs<Reminder>();
    const reminder = jobs.defineJob<Reminder>("reminder", { handler: recorder.handler });
    await jobs.schedule(reminder, { meetingId: "old" }, { jobId: "meeting:1", delayMs: 300 });
    expect(await jobs.schedule(reminder, { meetingId: "new" }, { jobId: "meeting:1", delayMs: 400 })).toBe(
      "replaced",
    );
    expect((await jobs.depths())["reminder"]?.delayed).toBe(1);
    await jobs.start();
    const [call] = await recorder.waitForCalls(1);
    expect(call!.payload).toEqual({ meetingId: "new" });
    expect(call!.jobId).toBe("meeting:1");
    await drained(jobs, "reminder");
    expect(recorder.calls).toHaveLength(1);
  });

  it("cancel removes a scheduled job (a later job still runs, the cancelled one never)", async () => {
    const jobs = runtime();
    const recorder = recordJobs<Reminder>();
    const reminder = jobs.defineJob<Reminder>("reminder", { handler: recorder.handler });
    await jobs.start();
    await jobs.schedule(reminder, { meetingId: "cancelled" }, { jobId: "a", delayMs: 150 });
    expect(await jobs.cancel(reminder, "a")).toBe(true);
    expect(await jobs.cancel(reminder, "a")).toBe(false);
    // Due after the cancelled one would have been: once it has run, the other would have too.
    await jobs.schedule(reminder, { meetingId: "kept" }, { jobId: "b", delayMs: 300 });
    await recorder.waitForCalls(1);
    await drained(jobs, "reminder");
    expect(recorder.calls.map((c) => c.payload.meetingId)).toEqual(["kept"]);
  });

  it("reschedule moves a job to a new time, keeping its payload", async () => {
    const jobs = runtime();
    const recorder = recordJobs<Reminder>();
    const reminder = jobs.defineJob<Reminder>("reminder", { handler: recorder.handler });
    await jobs.start();
    await jobs.schedule(reminder, { meetingId: "m-7" }, { jobId: "m-7", delayMs: 60_000 });
    const newAt = Date.now() + 200;
    expect(await jobs.reschedule(reminder, "m-7", newAt)).toBe("replaced");
    expect(await jobs.reschedule(reminder, "nope", newAt)).toBe("missing");
    const [call] = await recorder.waitForCalls(1);
    expect(call!.payload).toEqual({ meetingId: "m-7" });
    expect(call!.at).toBeGreaterThanOrEqual(newAt - 5);
  });

  it("reports 'running' instead of replacing a job whose handler is running", async () => {
    const jobs = runtime();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const recorder = recordJobs<Reminder>(() => gate);
    const reminder = jobs.defineJob<Reminder>("reminder", { handler: recorder.handler });
    await jobs.start();
    await jobs.schedule(reminder, { meetingId: "m" }, { jobId: "busy" });
    await recorder.waitForCalls(1);
    expect(await jobs.schedule(reminder, { meetingId: "m2" }, { jobId: "busy", delayMs: 10 })).toBe(
      "running",
    );
    expect(await jobs.cancel(reminder, "busy")).toBe(false);
    release();
    await drained(jobs, "reminder");
    expect(recorder.calls).toHaveLength(1);
  });

  it("rejects a payload carrying content at schedule time, storing nothing", async () => {
    const jobs = runtime();
    const reminder = jobs.defineJob<{ roomId: string; body?: string }>("reminder", {
      handler: () => Promise.resolve(),
    });
    await expect(
      jobs.schedule(reminder, { roomId: "!r:s", body: "the meeting moved to..." }, { jobId: "x" }),
    ).rejects.toThrow(JobPayloadError);
    await expect(jobs.schedule(reminder, { roomId: "x".repeat(201) }, { jobId: "x" })).rejects.toThrow(
      JobPayloadError,
    );
    expect((await jobs.depths())["reminder"]).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0 });
  });
});

describe("job runtime: recurring jobs", () => {
  it("registering the same scheduler twice (or from a restarted runtime) keeps one scheduler", async () => {
    const prefix = `test-${randomUUID()}`;
    const first = runtime(prefix);
    const digest = first.defineJob<{ networkId: string }>("digest", { handler: () => Promise.resolve() });
    await first.recurring(
      digest,
      "weekly:digest",
      { pattern: "0 9 * * 1", tz: "Europe/Lisbon" },
      { networkId: "n" },
    );
    await first.recurring(
      digest,
      "weekly:digest",
      { pattern: "0 9 * * 1", tz: "Europe/Lisbon" },
      { networkId: "n" },
    );
    await first.close();
    const second = runtime(prefix);
    const again = second.defineJob<{ networkId: string }>("digest", { handler: () => Promise.resolve() });
    await second.recurring(
      again,
      "weekly:digest",
      { pattern: "0 9 * * 1", tz: "Europe/Lisbon" },
      { networkId: "n" },
    );

    const queue = new Queue(queueNameFor("convene", "digest"), { connection: { url: server.url }, prefix });
    cleanups.push(() => queue.close());
    expect(await queue.getJobSchedulersCount()).toBe(1);
    expect((await second.depths())["digest"]?.delayed).toBe(1);
    expect(await second.cancelRecurring(again, "weekly:digest")).toBe(true);
    expect(await queue.getJobSchedulersCount()).toBe(0);
  });

  it("runs a recurring job repeatedly", async () => {
    const jobs = runtime();
    const recorder = recordJobs<{ networkId: string }>();
    const tick = jobs.defineJob<{ networkId: string }>("tick", { handler: recorder.handler });
    await jobs.start();
    await jobs.recurring(tick, "tick", { every: 150 }, { networkId: "n" });
    const calls = await recorder.waitForCalls(3);
    expect(calls.every((c) => c.payload.networkId === "n")).toBe(true);
    await jobs.cancelRecurring(tick, "tick");
  });
});

describe("job runtime: failures", () => {
  it("retries with exponential backoff, then succeeds", async () => {
    const jobs = runtime();
    const recorder = recordJobs<Reminder>((call) => {
      if (call.attempt < 3) throw new Error(`homeserver unreachable (attempt ${call.attempt})`);
    });
    const reminder = jobs.defineJob<Reminder>("reminder", {
      handler: recorder.handler,
      attempts: 4,
      backoff: { type: "exponential", delayMs: 100 },
    });
    await jobs.start();
    await jobs.schedule(reminder, { meetingId: "m" }, { jobId: "retry" });
    const calls = await recorder.waitForCalls(3);
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    // Exponential: 100 ms before the first retry, 200 ms before the second.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(95);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(195);
    await drained(jobs, "reminder");
    expect((await jobs.depths())["reminder"]?.failed).toBe(0);
    expect(recorder.calls).toHaveLength(3);
  });

  it("does not retry a PermanentJobError and records its reason", async () => {
    const prefix = `test-${randomUUID()}`;
    const jobs = runtime(prefix);
    const recorder = recordJobs<Reminder>(() => {
      throw new PermanentJobError("the meeting room was deleted");
    });
    const reminder = jobs.defineJob<Reminder>("reminder", {
      handler: recorder.handler,
      attempts: 5,
      backoff: { type: "fixed", delayMs: 10 },
    });
    const events = new QueueEvents(queueNameFor("convene", "reminder"), {
      connection: { url: server.url },
      prefix,
    });
    cleanups.push(() => events.close());
    await events.waitUntilReady();
    const failed = new Promise<{ jobId: string; failedReason: string }>((resolve) => {
      events.once("failed", resolve);
    });
    await jobs.start();
    await jobs.schedule(reminder, { meetingId: "m" }, { jobId: "doomed" });

    const failure = await failed;
    expect(failure.failedReason).toBe("the meeting room was deleted");
    expect(recorder.calls).toHaveLength(1);
    expect((await jobs.depths())["reminder"]).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 1 });
  });
});

describe("job runtime: durability", () => {
  it("a delayed job survives closing the runtime and opening a new one", async () => {
    const prefix = `test-${randomUUID()}`;
    const before = runtime(prefix);
    const unused = recordJobs<Reminder>();
    const reminder = before.defineJob<Reminder>("reminder", { handler: unused.handler });
    await before.start();
    const at = Date.now() + 600;
    await before.schedule(reminder, { meetingId: "m" }, { jobId: "survivor", at });
    await before.close();

    const after = runtime(prefix);
    const recorder = recordJobs<Reminder>();
    after.defineJob<Reminder>("reminder", { handler: recorder.handler });
    await after.start();
    const [call] = await recorder.waitForCalls(1);
    expect(call!.jobId).toBe("survivor");
    expect(call!.at).toBeGreaterThanOrEqual(at - 5);
    await drained(after, "reminder");
    expect(unused.calls).toHaveLength(0);
    expect(recorder.calls).toHaveLength(1);
  });
});
