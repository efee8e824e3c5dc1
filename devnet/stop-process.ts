/**
 * Stop one process we started: SIGTERM, wait for it to exit, SIGKILL after a grace period.
 * Only ever signals the single pid given, never a group or a name.
 */
import { isProcessAlive } from "./inspect-process.ts";

/** Resolves true once the process is gone (it may already have been). */
export async function stopProcess(pid: number, graceMs = 10_000): Promise<boolean> {
  if (!signal(pid, "SIGTERM")) return !isProcessAlive(pid);
  if (await waitForExit(pid, graceMs)) return true;
  signal(pid, "SIGKILL");
  return waitForExit(pid, 5_000);
}

function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isProcessAlive(pid);
}
