/**
 * Run a short-lived command to completion. Output is captured (for error messages) and can be
 * streamed line by line, so a slow first-time pip install shows progress instead of a silent wait.
 */
import { spawn } from "node:child_process";

export interface CommandOutcome {
  /** Exit code, or undefined when the program could not be started at all (e.g. not on PATH). */
  code: number | undefined;
  /** stdout and stderr interleaved, as received. */
  output: string;
  /** Set when spawning failed (ENOENT and friends). */
  spawnError?: NodeJS.ErrnoException;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with each complete output line, e.g. to forward pip progress to the user. */
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

/** Runs `command args`; never throws, never rejects. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    let output = "";
    let pending = "";
    const child = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: options.env ?? process.env,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    });
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString("utf8");
      output += text;
      if (options.onLine === undefined) return;
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim() !== "") options.onLine(line);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error: NodeJS.ErrnoException) => {
      resolve({ code: undefined, output, spawnError: error });
    });
    child.on("close", (code) => {
      if (options.onLine !== undefined && pending.trim() !== "") options.onLine(pending);
      resolve({ code: code ?? undefined, output });
    });
  });
}

/** The last `count` non-empty lines of some text, for error messages. */
export function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .slice(-count)
    .join("\n");
}
