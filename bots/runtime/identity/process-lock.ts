/**
 * One process per bot identity: two processes driving one crypto store would each upload
 * one-time keys and ratchet sessions the other does not know about, corrupting it. The lock
 * is a file created with O_EXCL, holding who took it. A lock left behind by a crashed process
 * (its pid is gone, on this host) is taken over; any other lock refuses the start.
 */
import { randomBytes } from "node:crypto";
import { open, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import type { Logger } from "../../../lib/logger.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { errnoCode } from "./errno-code.ts";

/** What the lock file says about its holder. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
  /** Random per acquisition, so release never removes a lock someone else took over. */
  readonly token: string;
}

/** A held lock; `release()` is idempotent. */
export interface ProcessLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Why the lock could not be taken. */
export type LockError =
  | { readonly kind: "held"; readonly holder: LockHolder | undefined }
  | { readonly kind: "io"; readonly code: string };

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return undefined;
    const record = value as Record<string, unknown>;
    const { pid, hostname: host, startedAt, token } = record;
    if (typeof pid !== "number" || typeof host !== "string" || typeof startedAt !== "string")
      return undefined;
    return { pid, hostname: host, startedAt, token: typeof token === "string" ? token : "" };
  } catch {
    return undefined;
  }
}

/** True when no process with `pid` exists on this host (EPERM means it exists but is not ours). */
function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (cause: unknown) {
    return errnoCode(cause) === "ESRCH";
  }
}

async function tryCreate(lockPath: string, holder: LockHolder): Promise<"created" | "exists"> {
  try {
    const handle = await open(lockPath, "wx", 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
    } finally {
      await handle.close();
    }
    return "created";
  } catch (cause: unknown) {
    if (errnoCode(cause) === "EEXIST") return "exists";
    throw cause;
  }
}

async function readHolder(lockPath: string): Promise<LockHolder | undefined> {
  try {
    return parseHolder(await readFile(lockPath, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock at `lockPath`. A stale lock (dead pid on this host) is removed with a log
 * line and the take retried once; a second loss of the race means another process won it.
 */
export async function acquireProcessLock(
  lockPath: string,
  log: Logger,
): Promise<Result<ProcessLock, LockError>> {
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      if ((await tryCreate(lockPath, holder)) === "created") return ok(heldLock(lockPath, holder));
      const current = await readHolder(lockPath);
      // An unreadable lock may be one being written right now: refuse rather than guess.
      if (current === undefined || current.hostname !== holder.hostname || !isDead(current.pid)) {
        return err({ kind: "held", holder: current });
      }
      log.warn(
        { lockPath, stalePid: current.pid, staleStartedAt: current.startedAt },
        "taking over a stale lock: the process that held it is no longer running",
      );
      await rm(lockPath, { force: true });
    }
    return err({ kind: "held", holder: await readHolder(lockPath) });
  } catch (cause: unknown) {
    return err({ kind: "io", code: errnoCode(cause) });
  }
}

function heldLock(lockPath: string, holder: LockHolder): ProcessLock {
  let released = false;
  return {
    path: lockPath,
    async release() {
      if (released) return;
      released = true;
      // Only remove the file if it is still ours (it may have been removed by hand and retaken).
      const current = await readHolder(lockPath);
      if (current?.token === holder.token) await rm(lockPath, { force: true });
    },
  };
}
