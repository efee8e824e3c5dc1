/**
 * Runs bench/support/run-echo-baseline.ts as a child process, watched the same way as the
 * test bot (tests/support/bots/bot-process.ts), so both sides of the comparison live in a
 * process of their own.
 */
import { join } from "node:path";
import { spawnReadyProcess, type BotProcess } from "../../tests/support/bots/bot-process.ts";
import type { EchoBaselineSettings } from "./run-echo-baseline.ts";

export function spawnEchoBaseline(settings: EchoBaselineSettings): BotProcess {
  return spawnReadyProcess(
    join(import.meta.dirname, "run-echo-baseline.ts"),
    { MERIDIAN_ECHO_BASELINE: JSON.stringify(settings) },
    "the echo baseline",
  );
}
