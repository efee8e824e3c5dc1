/**
 * Stop what `up` started in a devnet directory: exactly the recorded pids (after checking each
 * is still our process), Redis only if we started it. Files stay, so the next `up` resumes the
 * same servers, accounts and rooms.
 */
import { resolve } from "node:path";
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError, DevnetState } from "./types.ts";
import { homeserverPaths } from "./homeserver-paths.ts";
import { isOurProcess } from "./inspect-process.ts";
import { lockDevnet } from "./lock-devnet.ts";
import { redisCommandMarker } from "./redis.ts";
import { synapseCommandMarker } from "./start-homeserver.ts";
import { readState, writeState } from "./state.ts";
import { stopProcess } from "./stop-process.ts";

export interface DownDeps {
  log: (line: string) => void;
}

/** Stops the devnet in `dir`; a directory with no state, or already stopped, is fine. */
export async function down(dir: string, deps: DownDeps): Promise<Result<void, DevnetError>> {
  const root = resolve(dir);
  if ((await readState(root)) === undefined) {
    deps.log(`No devnet state in ${root}: nothing to stop.`);
    return ok(undefined);
  }
  const lock = await lockDevnet(root, deps.log);
  if (!lock.ok) return lock;
  try {
    return await downLocked(root, deps);
  } finally {
    await lock.value();
  }
}

async function downLocked(root: string, deps: DownDeps): Promise<Result<void, DevnetError>> {
  const state = await readState(root);
  if (state === undefined) {
    deps.log(`No devnet state in ${root}: nothing to stop.`);
    return ok(undefined);
  }
  const stillRunning: string[] = [];
  await Promise.all(
    state.homeservers.map(async (hs) => {
      if (!isOurProcess(hs.pid, synapseCommandMarker(homeserverPaths(root, hs.id)))) return;
      deps.log(`${hs.id}: stopping Synapse (pid ${hs.pid}).`);
      if (!(await stopProcess(hs.pid))) stillRunning.push(`${hs.id} (pid ${hs.pid})`);
    }),
  );
  const redis = state.redis;
  if (redis.managed && isOurProcess(redis.pid, redisCommandMarker(redis.url))) {
    deps.log(`Stopping redis-server on ${redis.url} (pid ${redis.pid}).`);
    if (!(await stopProcess(redis.pid))) stillRunning.push(`redis (pid ${redis.pid})`);
  }
  if (stillRunning.length > 0) {
    return err({
      kind: "stop-failed",
      message: `Could not stop ${stillRunning.join(", ")} even with SIGKILL; check those processes by hand.`,
    });
  }
  const stopped: DevnetState = {
    ...state,
    homeservers: state.homeservers.map(({ pid: _pid, ...hs }) => hs),
    redis: stripPid(redis),
    stoppedAt: new Date().toISOString(),
  };
  try {
    await writeState(root, stopped);
  } catch (cause) {
    return err({
      kind: "io-failed",
      message: `Stopped the devnet but cannot update ${root}/state.json: ${String(cause)}.`,
      cause,
    });
  }
  return ok(undefined);
}

// An unmanaged Redis never had a pid; a managed one keeps its url so the next `up` reuses the port.
function stripPid(redis: DevnetState["redis"]): DevnetState["redis"] {
  const { pid: _pid, ...rest } = redis;
  return rest;
}
