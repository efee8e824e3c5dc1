/**
 * Start a long-running server as a detached process that outlives the caller (the CLI exits,
 * the test runner's worker ends) with its output in files, and hand back its pid.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { type Result, ok, err } from "../lib/result.ts";

export interface StartProcessOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Truncated at start: they hold this run's output only, so their tail explains this run's failure. */
  stdoutFile: string;
  stderrFile: string;
}

/** Spawns detached (own process group) with stdin closed; resolves once the OS has started it. */
export function startProcess(options: StartProcessOptions): Promise<Result<number, string>> {
  return new Promise((resolve) => {
    let out: number | undefined;
    let errFd: number | undefined;
    try {
      out = openSync(options.stdoutFile, "w");
      errFd = options.stderrFile === options.stdoutFile ? out : openSync(options.stderrFile, "w");
      const child = spawn(options.command, options.args, {
        cwd: options.cwd,
        env: options.env,
        detached: true,
        stdio: ["ignore", out, errFd],
      });
      child.once("error", (error) => {
        resolve(err(`cannot start ${options.command}: ${error.message}`));
      });
      child.once("spawn", () => {
        // Let our event loop end without waiting for the server.
        child.unref();
        if (child.pid === undefined) resolve(err(`cannot start ${options.command}: no pid`));
        else resolve(ok(child.pid));
      });
    } catch (cause) {
      resolve(err(`cannot start ${options.command}: ${String(cause)}`));
    } finally {
      // The child has its own copies of the descriptors.
      if (out !== undefined) closeSync(out);
      if (errFd !== undefined && errFd !== out) closeSync(errFd);
    }
  });
}
