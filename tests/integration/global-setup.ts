/**
 * Starts the shared devnet once per test run (or reuses one already up, e.g. from `npm start`)
 * and hands its state to every integration test. Tests share it by creating unique users,
 * rooms and Redis key prefixes. A devnet this setup started is stopped at the end unless
 * MERIDIAN_KEEP_DEVNET=1 (handy when iterating on one test).
 */
import type { TestProject } from "vitest/node";
import { down, status, type DevnetState } from "../../devnet/index.ts";
import { OUTSIDER_HOMESERVER } from "../../devnet/spec-from-config.ts";
import { upNetwork } from "../../devnet/up-network.ts";
import { devnetDir, demoSecretsDir } from "../../bin/commands/cli-options.ts";
import { loadTestNetworkConfig } from "../support/devnet-access.ts";

declare module "vitest" {
  export interface ProvidedContext {
    devnet: DevnetState;
    devnetDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = devnetDir();
  const config = await loadTestNetworkConfig();
  const before = await status(dir);
  const wasUp = before.exists && before.homeservers.some((hs) => hs.health === "healthy");
  const started = Date.now();
  const result = await upNetwork(config, {
    dir,
    secretsDir: demoSecretsDir(),
    redisUrl: process.env["REDIS_URL"],
    extraHomeservers: [OUTSIDER_HOMESERVER],
    log: (line) => {
      process.stderr.write(`[devnet] ${line}\n`);
    },
  });
  if (!result.ok) throw new Error(`the devnet could not start: ${result.error.message}`);
  process.stderr.write(
    `[devnet] ${wasUp ? "reused" : "started"} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  project.provide("devnet", result.value);
  project.provide("devnetDir", dir);

  return async () => {
    if (wasUp || process.env["MERIDIAN_KEEP_DEVNET"] === "1") return;
    const stopped = await down(dir, { log: () => undefined });
    if (!stopped.ok) process.stderr.write(`[devnet] ${stopped.error.message}\n`);
  };
}
