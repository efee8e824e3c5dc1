/** Records handler calls and lets a test await the n-th one, instead of sleeping and hoping. */
import type { JobContext } from "../../../../bots/runtime/jobs/index.ts";

export interface JobCall<P> {
  readonly payload: P;
  readonly jobId: string;
  readonly attempt: number;
  readonly at: number;
}

export interface JobRecorder<P> {
  readonly calls: JobCall<P>[];
  /** The handler to give defineJob; `behave` decides what each call does (default: succeed). */
  readonly handler: (payload: P, ctx: JobContext) => Promise<void>;
  /** Resolves once `count` calls have been seen; rejects after `timeoutMs`. */
  waitForCalls(count: number, timeoutMs?: number): Promise<JobCall<P>[]>;
}

export function recordJobs<P>(behave?: (call: JobCall<P>) => Promise<void> | void): JobRecorder<P> {
  const calls: JobCall<P>[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  return {
    calls,
    handler: async (payload, ctx) => {
      const call = { payload, jobId: ctx.jobId, attempt: ctx.attempt, at: Date.now() };
      calls.push(call);
      for (const waiter of waiters.filter((w) => calls.length >= w.count)) waiter.resolve();
      await behave?.(call);
    },
    async waitForCalls(count, timeoutMs = 10_000) {
      if (calls.length < count) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => waiters.push({ count, resolve })),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              reject(
                new Error(
                  `timed out after ${timeoutMs} ms waiting for ${count} job calls (saw ${calls.length})`,
                ),
              );
            }, timeoutMs);
          }),
        ]).finally(() => {
          clearTimeout(timer);
        });
      }
      return calls.slice(0, count);
    },
  };
}
