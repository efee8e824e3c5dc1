/**
 * Start one prepared Synapse and wait until its client listener answers /health. Fails with
 * the log tail when the process exits or does not become ready in time.
 */
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError, DevnetHomeserverSpec } from "./types.ts";
import type { HomeserverPaths } from "./homeserver-paths.ts";
import { isProcessAlive } from "./inspect-process.ts";
import { startProcess } from "./start-process.ts";
import { stopProcess } from "./stop-process.ts";
import { tailFile } from "./tail-file.ts";
import { synapseHealthy, waitReady } from "./wait-ready.ts";

export const SYNAPSE_READY_TIMEOUT_MS = 90_000;

/** Synapse's environment: ours minus proxies (they would capture federation to loopback). */
export function synapseEnv(): NodeJS.ProcessEnv {
  const proxies = new Set(["http_proxy", "https_proxy", "all_proxy", "no_proxy"]);
  const kept = Object.entries(process.env).filter(([name]) => !proxies.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), PYTHONUNBUFFERED: "1" };
}

/** The command-line fragment that identifies this homeserver's process (see isOurProcess). */
export function synapseCommandMarker(paths: HomeserverPaths): string[] {
  return ["synapse.app.homeserver", paths.configFile];
}

export async function startHomeserver(
  python: string,
  spec: DevnetHomeserverSpec,
  paths: HomeserverPaths,
  timeoutMs: number = SYNAPSE_READY_TIMEOUT_MS,
): Promise<Result<number, DevnetError>> {
  const started = await startProcess({
    command: python,
    args: ["-m", "synapse.app.homeserver", "-c", paths.configFile],
    cwd: paths.dir,
    env: synapseEnv(),
    stdoutFile: paths.outputFile,
    stderrFile: paths.outputFile,
  });
  if (!started.ok) return err(failure(spec, paths, `could not be started (${started.error})`, ""));
  const pid = started.value;
  const outcome = await waitReady({
    pid,
    probe: () => synapseHealthy(spec.clientUrl),
    isAlive: isProcessAlive,
    timeoutMs,
  });
  if (outcome === "ready") return ok(pid);
  if (outcome === "timeout") await stopProcess(pid);
  // A crash prints its traceback to stderr; a slow start shows only in the log.
  const output = outcome === "exited" ? await tailFile(paths.outputFile, 15) : "";
  const tail = output !== "" ? output : await tailFile(paths.logFile, 15);
  const what =
    outcome === "exited"
      ? "exited during startup"
      : `did not answer ${spec.clientUrl}/health within ${Math.round(timeoutMs / 1000)} s (stopped it)`;
  return err(failure(spec, paths, what, tail));
}

function failure(
  spec: DevnetHomeserverSpec,
  paths: HomeserverPaths,
  what: string,
  tail: string,
): DevnetError {
  return {
    kind: "synapse-failed",
    homeserverId: spec.id,
    logFile: paths.logFile,
    message:
      `Synapse for homeserver ${spec.id} (${spec.serverName}) ${what}. Logs: ${paths.logFile} and ${paths.outputFile}.` +
      (tail === "" ? "" : ` Last lines:\n${tail}`),
  };
}
