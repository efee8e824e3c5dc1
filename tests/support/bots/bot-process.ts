/**
 * Runs tests/support/bots/run-test-bot.ts as a child process and watches its output, so
 * tests can stop (SIGTERM), kill (SIGKILL) and restart a real bot process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../paths.ts";
import { waitFor } from "../matrix-test-client.ts";

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the device id once the bot printed READY (rejects on FAILED or exit). */
  ready(timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited(): Promise<number | string>;
}

export function spawnTestBot(settings: object): BotProcess {
  return spawnReadyProcess(
    join(REPO_ROOT, "tests", "support", "bots", "run-test-bot.ts"),
    { MERIDIAN_TEST_BOT: JSON.stringify(settings) },
    "the test bot",
  );
}

/**
 * Runs a TypeScript script on this Node as a child process that prints "READY <id>" once up
 * (or "FAILED ..." and exits), keeping its output for assertions.
 */
export function spawnReadyProcess(script: string, env: Record<string, string>, what: string): BotProcess {
  const child = spawn(process.execPath, [script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const logFile = process.env["MERIDIAN_TEST_BOT_LOG"];
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    if (logFile !== undefined) appendFileSync(logFile, chunk);
    for (const listener of listeners) listener();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const exit = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve(code ?? signal ?? "unknown");
      for (const listener of listeners) listener();
    });
  });
  return {
    child,
    output: () => output,
    ready(timeoutMs = 90_000) {
      return waitFor<string>(
        (resolve) => {
          const check = (): void => {
            const match = /READY (\S+)/.exec(output);
            if (match?.[1] !== undefined) resolve(match[1]);
            else if (/^FAILED /m.test(output) || child.exitCode !== null) resolve(`!${output}`);
          };
          listeners.add(check);
          check();
          return () => listeners.delete(check);
        },
        timeoutMs,
        `${what} to be ready`,
      ).then((value) => {
        if (value.startsWith("!")) throw new Error(`${what} did not start:\n${value.slice(1)}`);
        return value;
      });
    },
    exited: () => exit,
  };
}
