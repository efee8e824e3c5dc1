/**
 * Runs bench/support/run-echo-baseline.ts as a child process, watched the same way as the
 * test bot (tests/support/bots/bot-process.ts), so both sides of the comparison live in a
 * process of their own.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { BotProcess } from "../../tests/support/bots/bot-process.ts";
import { waitFor } from "../../tests/support/matrix-test-client.ts";
import type { EchoBaselineSettings } from "./run-echo-baseline.ts";

export function spawnEchoBaseline(settings: EchoBaselineSettings): BotProcess {
  const child = spawn(process.execPath, [join(import.meta.dirname, "run-echo-baseline.ts")], {
    env: { ...process.env, MERIDIAN_ECHO_BASELINE: JSON.stringify(settings) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
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
            else if (child.exitCode !== null || child.signalCode !== null) resolve(`!${output}`);
          };
          listeners.add(check);
          check();
          return () => listeners.delete(check);
        },
        timeoutMs,
        "the echo baseline to be ready",
      ).then((value) => {
        if (value.startsWith("!")) throw new Error(`the echo baseline did not start:\n${value.slice(1)}`);
        return value;
      });
    },
    exited: () => exit,
  };
}
