/**
 * Runs an async task at most once at a time. A call while it runs does not start a parallel
 * run (two snapshots racing to rename over one file) nor get the stale result of the running
 * one: it waits for one follow-up run, shared by every call made meanwhile.
 */

/** Wraps `task` so that concurrent calls coalesce as described above. */
export function coalesce(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;

  const start = (): Promise<void> => {
    const run = task().finally(() => {
      running = undefined;
    });
    running = run;
    return run;
  };

  return () => {
    if (queued !== undefined) return queued;
    if (running === undefined) return start();
    queued = running
      .catch(() => undefined) // the follow-up runs whether or not the current run failed
      .then(() => {
        queued = undefined;
        return start();
      });
    return queued;
  };
}
