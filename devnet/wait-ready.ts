/**
 * Wait for a freshly started server to answer, while watching that its process is still
 * alive: a server that dies during startup is reported at once, not after the full timeout.
 */

export type WaitOutcome = "ready" | "exited" | "timeout";

export interface WaitOptions {
  /** Resolves true when the server answers. Must not throw. */
  probe: () => Promise<boolean>;
  pid: number;
  isAlive: (pid: number) => boolean;
  timeoutMs: number;
  intervalMs?: number;
}

export async function waitReady(options: WaitOptions): Promise<WaitOutcome> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 200;
  for (;;) {
    if (await options.probe()) return "ready";
    if (!options.isAlive(options.pid)) return "exited";
    if (Date.now() >= deadline) return "timeout";
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** True when `GET <clientUrl>/health` answers 200 within two seconds. */
export async function synapseHealthy(clientUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${clientUrl.replace(/\/$/, "")}/health`, {
      signal: AbortSignal.timeout(2_000),
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
