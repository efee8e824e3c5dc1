/**
 * A cross-process lock on a directory path: mkdir is atomic, so whoever creates it holds the
 * lock. The holder's pid is written inside so that a lock left by a crashed process is taken
 * over instead of blocking forever. Used so two concurrent installs or two `up`s on the same
 * devnet (say `npm start` and a test run) do not trample each other.
 */
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError } from "./types.ts";
import { isProcessAlive } from "./inspect-process.ts";

export interface LockOptions {
  waitMs: number;
  /** Called once, when the lock is found held by a live process. */
  onWait?: (holderPid: number) => void;
}

/** Resolves with a release function once the lock is held. */
export async function takeLock(
  lockDir: string,
  options: LockOptions,
): Promise<Result<() => Promise<void>, DevnetError>> {
  const deadline = Date.now() + options.waitMs;
  let announced = false;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(join(lockDir, "pid"), String(process.pid));
      return ok(async () => {
        await rm(lockDir, { recursive: true, force: true });
      });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== "EEXIST") {
        return err({
          kind: "io-failed",
          message: `Cannot create the lock ${lockDir}: ${String(cause)}.`,
          cause,
        });
      }
    }
    const holder = Number(await readFile(join(lockDir, "pid"), "utf8").catch(() => ""));
    if (Number.isInteger(holder) && holder > 0) {
      if (!isProcessAlive(holder)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) options.onWait?.(holder);
      announced = true;
    } else {
      // No pid yet: the holder may be between mkdir and writeFile, or died right there.
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 5_000) await rm(lockDir, { recursive: true, force: true });
    }
    if (Date.now() > deadline) {
      return err({
        kind: "io-failed",
        message: `Timed out waiting for the lock ${lockDir} (held by pid ${holder}); if that process is gone, delete the directory.`,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
