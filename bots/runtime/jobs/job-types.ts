/** The shapes callers of the job runtime see; BullMQ types stay inside create-job-runtime.ts. */
import type { Logger } from "../../../lib/logger.ts";

declare const payloadType: unique symbol;

/** A defined job kind; the phantom type ties `schedule` calls to the handler's payload. */
export interface JobHandle<P extends object> {
  readonly name: string;
  readonly [payloadType]?: P;
}

export interface JobContext {
  /** The caller's stable job id (or a scheduler-made id for recurring runs). */
  readonly jobId: string;
  /** 1 on the first run, 2 on the first retry, ... */
  readonly attempt: number;
  readonly logger: Logger;
  /** Aborted when the runtime shuts down while the handler runs; pass it to long calls. */
  readonly signal: AbortSignal | undefined;
}

export interface BackoffPolicy {
  readonly type: "exponential" | "fixed";
  /** The first retry's delay; exponential doubles it for each further retry. */
  readonly delayMs: number;
}

export interface JobDefinition<P extends object> {
  /**
   * Must be safe to run more than once for one payload: a retry after a crash or a stalled
   * worker repeats it. Throw PermanentJobError when retrying cannot help.
   */
  handler(payload: P, ctx: JobContext): Promise<void>;
  /** Total runs including the first. Default 5. */
  readonly attempts?: number;
  /** Default exponential from 1 s. */
  readonly backoff?: BackoffPolicy;
  /** Jobs of this kind run at once in this process. Default 1. */
  readonly concurrency?: number;
}

export interface ScheduleOptions {
  /**
   * Required and stable (e.g. "reminder-<meetingId>-24h"): scheduling the same id again replaces
   * the earlier job, so a retried or repeated caller never creates duplicates.
   */
  readonly jobId: string;
  /** Run after this many ms (default: now). Not with `at`. */
  readonly delayMs?: number;
  /** Run at this epoch time in ms (a past time runs now). Not with `delayMs`. */
  readonly at?: number;
}

/**
 * "scheduled": new job; "replaced": an earlier job with this id was replaced;
 * "running": a job with this id is running right now and was left alone (schedule again later
 * or use another id: a handler cannot replace itself).
 */
export type ScheduleOutcome = "scheduled" | "replaced" | "running";

export type Recurrence =
  | { readonly every: number; readonly pattern?: undefined; readonly tz?: undefined }
  | { readonly pattern: string; readonly every?: undefined; readonly tz?: string };

/** Per job kind, as counted in Redis. */
export interface JobDepth {
  readonly waiting: number;
  readonly delayed: number;
  readonly active: number;
  readonly failed: number;
}
