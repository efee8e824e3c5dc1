/**
 * Delayed, retried and recurring work for one bot (reminders, follow-ups, digests), on BullMQ.
 *
 * One queue per job kind: depths are reported per kind, and a slow kind (a digest fetching many
 * rooms) cannot hold up a time-critical one (a meeting reminder). Everything lives in Redis, so
 * delayed jobs survive a restart of the bot and, with append-only persistence, of Redis.
 */
import { Queue, Worker, type Job, type JobsOptions } from "bullmq";
import type { Logger } from "../../../lib/logger.ts";
import { fromBullJobId, toBullJobId } from "./job-ids.ts";
import type {
  JobContext,
  JobDefinition,
  JobDepth,
  JobHandle,
  Recurrence,
  ScheduleOptions,
  ScheduleOutcome,
} from "./job-types.ts";
import { assertIdsOnlyPayload } from "./payload-guard.ts";
import { PermanentJobError } from "./permanent-job-error.ts";

/**
 * Where Redis is: a URL or a host and port. Each queue and worker opens its own connections
 * (workers need blocking ones), so this is a description rather than a shared client.
 */
export type JobConnection =
  | { readonly url: string }
  | {
      readonly host: string;
      readonly port: number;
      readonly username?: string;
      readonly password?: string;
      readonly db?: number;
    };

export interface JobRuntimeOptions {
  readonly connection: JobConnection;
  /** BullMQ key prefix, unique per bot (and per test). */
  readonly prefix: string;
  /** Lowercase letters, digits and dashes; part of every queue name. */
  readonly botId: string;
  readonly logger: Logger;
  /** How long close() waits for running handlers before abandoning them. Default 10 s. */
  readonly closeTimeoutMs?: number;
  /** How long failed jobs are kept for inspection. Default 7 days. */
  readonly keepFailedSeconds?: number;
}

export interface JobRuntime {
  /** Declares a job kind. Define every kind before start() so its worker starts with the others. */
  defineJob<P extends object>(name: string, definition: JobDefinition<P>): JobHandle<P>;
  /** Schedules (or replaces) the job with `options.jobId`. Throws JobPayloadError for a payload with content. */
  schedule<P extends object>(
    handle: JobHandle<P>,
    payload: P,
    options: ScheduleOptions,
  ): Promise<ScheduleOutcome>;
  /** Removes a scheduled job; false when there is none or it is running right now. */
  cancel(handle: JobHandle<object>, jobId: string): Promise<boolean>;
  /** Moves a scheduled job to `newAt` (epoch ms), keeping its payload. */
  reschedule(handle: JobHandle<object>, jobId: string, newAt: number): Promise<ScheduleOutcome | "missing">;
  /** Creates or updates a recurring job; registering the same `schedulerId` again (e.g. on every start) does not duplicate it. */
  recurring<P extends object>(
    handle: JobHandle<P>,
    schedulerId: string,
    recurrence: Recurrence,
    payload: P,
  ): Promise<void>;
  /** Stops a recurring job; false when there was none. */
  cancelRecurring(handle: JobHandle<object>, schedulerId: string): Promise<boolean>;
  /** Starts one worker per defined kind and resolves once they are connected. */
  start(): Promise<void>;
  /** Job counts per kind, for /metrics and health checks. */
  depths(): Promise<Record<string, JobDepth>>;
  /** Stops workers (letting running handlers finish, up to closeTimeoutMs), then queues. */
  close(): Promise<void>;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const DEFAULT_ATTEMPTS = 5;
const DEFAULT_BACKOFF_MS = 1_000;
const DEFAULT_CLOSE_TIMEOUT_MS = 10_000;
const DEFAULT_KEEP_FAILED_SECONDS = 7 * 24 * 3600;

/** The BullMQ queue name of a job kind (for tools that inspect queues directly). */
export function queueNameFor(botId: string, jobName: string): string {
  return `${botId}.${jobName}`;
}

// All type parameters spelled out: with only the first, BullMQ's defaults stay unresolved.
type KindQueue = Queue<object, void, string, object, void, string>;

interface Kind {
  readonly name: string;
  readonly queue: KindQueue;
  readonly jobOptions: JobsOptions;
  readonly concurrency: number;
  readonly run: (payload: object, ctx: JobContext) => Promise<void>;
  worker?: Worker<object, void>;
}

function delayFrom(options: ScheduleOptions, now: number): number {
  if (options.at !== undefined && options.delayMs !== undefined)
    throw new Error(`job ${options.jobId}: give either at or delayMs, not both`);
  const delay = options.at !== undefined ? options.at - now : (options.delayMs ?? 0);
  if (!Number.isFinite(delay)) throw new Error(`job ${options.jobId}: the time is not a finite number`);
  return Math.max(0, Math.round(delay));
}

/** Builds the job runtime of one bot. Nothing connects until a job is defined. */
export function createJobRuntime(options: JobRuntimeOptions): JobRuntime {
  if (!NAME.test(options.botId)) throw new Error(`botId "${options.botId}" must match ${NAME.source}`);
  if (options.prefix === "" || options.prefix.includes(":"))
    throw new Error(`prefix "${options.prefix}" must be non-empty and without ":"`);
  const log = options.logger.child({ bot: options.botId, component: "jobs" });
  const closeTimeoutMs = options.closeTimeoutMs ?? DEFAULT_CLOSE_TIMEOUT_MS;
  const keepFailedSeconds = options.keepFailedSeconds ?? DEFAULT_KEEP_FAILED_SECONDS;
  const kinds = new Map<string, Kind>();
  let started = false;
  let closed = false;

  function kindOf(handle: JobHandle<object>): Kind {
    if (closed) throw new Error("the job runtime is closed");
    const kind = kinds.get(handle.name);
    if (kind === undefined) throw new Error(`job "${handle.name}" is not defined in this runtime`);
    return kind;
  }

  function startWorker(kind: Kind): Worker<object, void> {
    const worker = new Worker<object, void, string>(
      kind.queue.name,
      async (job: Job<object>, _token?: string, signal?: AbortSignal) => {
        const jobId = fromBullJobId(job.id ?? "");
        await kind.run(job.data, {
          jobId,
          attempt: job.attemptsMade + 1,
          logger: log.child({ job: kind.name, jobId }),
          signal,
        });
      },
      {
        // Workers block on Redis; BullMQ requires unlimited retries so a blip never kills the loop.
        connection: { ...options.connection, maxRetriesPerRequest: null },
        prefix: options.prefix,
        concurrency: kind.concurrency,
        autorun: true,
      },
    );
    worker.on("failed", (job, error) => {
      const permanent = error instanceof PermanentJobError || error.name === "UnrecoverableError";
      const attempts = job?.opts.attempts ?? 1;
      const final = permanent || (job !== undefined && job.attemptsMade >= attempts);
      const fields = {
        job: kind.name,
        jobId: job?.id === undefined ? undefined : fromBullJobId(job.id),
        attempt: job?.attemptsMade,
        reason: error.message,
      };
      if (final)
        log.error(fields, permanent ? "job failed permanently, not retried" : "job failed, no attempts left");
      else log.warn(fields, "job failed, will retry with backoff");
    });
    // An EventEmitter 'error' without a listener would crash the process on a Redis blip.
    worker.on("error", (error) => {
      log.error({ job: kind.name, err: error.message }, "job worker error");
    });
    return worker;
  }

  async function scheduleIn(
    kind: Kind,
    payload: object,
    scheduleOptions: ScheduleOptions,
  ): Promise<ScheduleOutcome> {
    assertIdsOnlyPayload(payload);
    const delay = delayFrom(scheduleOptions, Date.now());
    const id = toBullJobId(scheduleOptions.jobId);
    let replaced = false;
    const existing = await kind.queue.getJob(id);
    if (existing !== undefined) {
      // BullMQ ignores an add whose id exists, so replacing means removing first. remove()
      // refuses a job whose lock a worker holds: that one is running and is left alone.
      replaced = (await kind.queue.remove(id)) === 1;
      if (!replaced && (await existing.getState()) === "active") return "running";
    }
    await kind.queue.add(kind.name, payload, { ...kind.jobOptions, jobId: id, delay });
    log.debug({ job: kind.name, jobId: scheduleOptions.jobId, delayMs: delay, replaced }, "job scheduled");
    return replaced ? "replaced" : "scheduled";
  }

  return {
    defineJob<P extends object>(name: string, definition: JobDefinition<P>): JobHandle<P> {
      if (closed) throw new Error("the job runtime is closed");
      if (!NAME.test(name)) throw new Error(`job name "${name}" must match ${NAME.source}`);
      if (kinds.has(name)) throw new Error(`job "${name}" is already defined`);
      const queue: KindQueue = new Queue<object, void, string, object, void, string>(
        queueNameFor(options.botId, name),
        {
          connection: { ...options.connection },
          prefix: options.prefix,
        },
      );
      queue.on("error", (error) => {
        log.error({ job: name, err: error.message }, "job queue error");
      });
      const backoff = definition.backoff ?? { type: "exponential", delayMs: DEFAULT_BACKOFF_MS };
      const kind: Kind = {
        name,
        queue,
        concurrency: definition.concurrency ?? 1,
        jobOptions: {
          attempts: definition.attempts ?? DEFAULT_ATTEMPTS,
          backoff: { type: backoff.type, delay: backoff.delayMs },
          // Completed jobs are dropped at once: it frees their id for the next schedule and
          // leaves no trace of what was done. Failed ones are kept a while for inspection.
          removeOnComplete: true,
          removeOnFail: { age: keepFailedSeconds, count: 1000 },
        },
        // The queue only ever holds payloads this handler's schedule() accepted.
        run: (payload, ctx) => definition.handler(payload as P, ctx),
      };
      kinds.set(name, kind);
      if (started) kind.worker = startWorker(kind);
      return { name };
    },

    async schedule(handle, payload, scheduleOptions) {
      return scheduleIn(kindOf(handle), payload, scheduleOptions);
    },

    async cancel(handle, jobId) {
      const kind = kindOf(handle);
      const id = toBullJobId(jobId);
      // remove() answers 1 for an absent job too, so look first to tell "cancelled" from "none".
      const removed = (await kind.queue.getJob(id)) !== undefined && (await kind.queue.remove(id)) === 1;
      log.debug({ job: kind.name, jobId, removed }, "job cancel");
      return removed;
    },

    async reschedule(handle, jobId, newAt) {
      const kind = kindOf(handle);
      const existing = await kind.queue.getJob(toBullJobId(jobId));
      if (existing === undefined) return "missing";
      return scheduleIn(kind, existing.data, { jobId, at: newAt });
    },

    async recurring(handle, schedulerId, recurrence, payload) {
      const kind = kindOf(handle);
      assertIdsOnlyPayload(payload);
      const repeat =
        recurrence.every !== undefined
          ? { every: recurrence.every }
          : { pattern: recurrence.pattern, ...(recurrence.tz === undefined ? {} : { tz: recurrence.tz }) };
      if ("every" in repeat && (!Number.isInteger(repeat.every) || repeat.every <= 0))
        throw new Error(`recurring job ${schedulerId}: every must be a positive integer of ms`);
      await kind.queue.upsertJobScheduler(toBullJobId(schedulerId), repeat, {
        name: kind.name,
        data: payload,
        opts: kind.jobOptions,
      });
      log.debug({ job: kind.name, schedulerId }, "recurring job registered");
    },

    async cancelRecurring(handle, schedulerId) {
      return kindOf(handle).queue.removeJobScheduler(toBullJobId(schedulerId));
    },

    async start() {
      if (closed) throw new Error("the job runtime is closed");
      if (started) return;
      started = true;
      const workers = [...kinds.values()].map((kind) => (kind.worker = startWorker(kind)));
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
      log.info({ jobs: [...kinds.keys()] }, "job workers started");
    },

    async depths() {
      const entries = await Promise.all(
        [...kinds.values()].map(async (kind): Promise<[string, JobDepth]> => {
          const counts = await kind.queue.getJobCounts("waiting", "delayed", "active", "failed");
          return [
            kind.name,
            {
              waiting: counts["waiting"] ?? 0,
              delayed: counts["delayed"] ?? 0,
              active: counts["active"] ?? 0,
              failed: counts["failed"] ?? 0,
            },
          ];
        }),
      );
      return Object.fromEntries(entries);
    },

    async close() {
      if (closed) return;
      closed = true;
      const workers = [...kinds.values()].flatMap((kind) => (kind.worker === undefined ? [] : [kind.worker]));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => {
          resolve("timeout");
        }, closeTimeoutMs);
      });
      const graceful = await Promise.race([Promise.all(workers.map((worker) => worker.close())), timedOut]);
      clearTimeout(timer);
      if (graceful === "timeout") {
        // Abandoned jobs keep their place in Redis: once their lock expires another worker (or
        // this bot after restart) picks them up as stalled, which is why handlers must be retry-safe.
        log.warn({ closeTimeoutMs }, "job handlers still running at shutdown; closing workers forcibly");
        await Promise.all(workers.map((worker) => worker.close(true)));
      }
      await Promise.all([...kinds.values()].map((kind) => kind.queue.close()));
      log.info("job runtime closed");
    },
  };
}
