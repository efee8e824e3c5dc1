/** One `up` or `down` at a time per devnet directory (e.g. `npm start` racing a test run). */
import { join } from "node:path";
import type { Result } from "../lib/result.ts";
import type { DevnetError } from "./types.ts";
import { takeLock } from "./take-lock.ts";

export function lockDevnet(
  dir: string,
  log: (line: string) => void,
): Promise<Result<() => Promise<void>, DevnetError>> {
  return takeLock(join(dir, ".lock"), {
    waitMs: 5 * 60_000,
    onWait: (holder) => {
      log(`Waiting for another devnet command (pid ${holder}) working on ${dir}...`);
    },
  });
}
