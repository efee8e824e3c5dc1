/**
 * Readiness: can this hub serve real traffic right now (Redis reachable, homeservers answering)?
 * Distinct from liveness (`/health`), which only says the process is serving HTTP; an orchestrator
 * restarts on failed liveness but only withholds traffic on failed readiness.
 */
import type { Logger } from "../lib/logger.ts";
import type { Result } from "../lib/result.ts";

/**
 * One dependency the hub needs. `check` must honour `signal` where it can; the runner also
 * stops waiting at its own timeout, so a check that ignores the signal cannot hang `/ready`.
 * The error string is shown to anyone who can reach `/ready`: no secrets, no credentialed URLs.
 */
export type ReadinessCheck = {
  readonly name: string;
  check(signal: AbortSignal): Promise<Result<void, string>>;
};

/** The outcome of one run of every check. */
export type ReadinessReport = {
  readonly ready: boolean;
  /** Check name to `"ok"` or the reason it failed. */
  readonly checks: Readonly<Record<string, string>>;
};

/** The hub's set of readiness checks; more can be added after start (e.g. bot health later). */
export type ReadinessRegistry = {
  /** Adds a check. Throws on a duplicate name, since two checks would overwrite one report entry. */
  add(check: ReadinessCheck): void;
  /** The names of the registered checks, in registration order. */
  names(): readonly string[];
  /**
   * Runs every check in parallel. Concurrent callers share one run, so a burst of probes and
   * scrapes does not multiply the load on Redis and the homeservers.
   */
  run(): Promise<ReadinessReport>;
};

/** Options for {@link createReadinessRegistry}. */
export type ReadinessRegistryOptions = {
  readonly checks: readonly ReadinessCheck[];
  readonly timeoutMs: number;
  readonly logger: Logger;
  /** Called after every run, e.g. to update a gauge. */
  readonly onReport?: (report: ReadinessReport) => void;
};

/** Creates a readiness registry holding `options.checks`. */
export function createReadinessRegistry(options: ReadinessRegistryOptions): ReadinessRegistry {
  const checks = new Map<string, ReadinessCheck>();
  let inFlight: Promise<ReadinessReport> | undefined;

  const add = (check: ReadinessCheck): void => {
    if (checks.has(check.name)) throw new Error(`readiness check "${check.name}" is already registered`);
    checks.set(check.name, check);
  };
  for (const check of options.checks) add(check);

  const runAll = async (): Promise<ReadinessReport> => {
    const entries = await Promise.all(
      [...checks.values()].map(
        async (check) => [check.name, await runOne(check, options.timeoutMs, options.logger)] as const,
      ),
    );
    const report: ReadinessReport = {
      ready: entries.every(([, outcome]) => outcome === "ok"),
      checks: Object.fromEntries(entries),
    };
    options.onReport?.(report);
    return report;
  };

  return {
    add,
    names: () => [...checks.keys()],
    run: () => {
      inFlight ??= runAll().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}

/** Runs one check with a deadline; resolves to `"ok"` or a client-safe reason, never rejects. */
async function runOne(check: ReadinessCheck, timeoutMs: number, logger: Logger): Promise<string> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      resolve(`timed out after ${timeoutMs} ms`);
    }, timeoutMs);
  });
  const outcome = check.check(controller.signal).then(
    (result) => (result.ok ? "ok" : redactCredentials(result.error)),
    (error: unknown) => {
      // A throwing check is a bug in the check; its message may hold anything, so log it only.
      logger.error({ err: error, check: check.name }, "readiness check threw");
      return "check failed unexpectedly";
    },
  );
  try {
    return await Promise.race([outcome, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Removes `user:password@` from any URL in a reason. Our own checks never put credentials in
 * their reasons; this is the safety net for checks other modules add later.
 */
export function redactCredentials(reason: string): string {
  return reason.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1REDACTED@");
}
