/**
 * The devnet a benchmark runs on: a running, healthy one is reused (and never stopped by the
 * benchmark); otherwise one is started like the integration tests do, and the caller stops it.
 */
import { readState, status, type DevnetState } from "../../devnet/index.ts";
import { OUTSIDER_HOMESERVER } from "../../devnet/spec-from-config.ts";
import { upNetwork } from "../../devnet/up-network.ts";
import { demoSecretsDir, devnetDir } from "../../bin/commands/cli-options.ts";
import { loadTestNetworkConfig } from "../../tests/support/devnet-access.ts";

type Log = (line: string) => void;

export /** The devnet to use, and whether this run started it (and so must stop it). */
async function devnetForBench(log: Log): Promise<{ devnet: DevnetState; startedHere: boolean }> {
  const dir = devnetDir();
  const config = await loadTestNetworkConfig();
  const current = await status(dir);
  const healthy =
    current.exists &&
    current.redis?.health === "healthy" &&
    config.regions.every(
      (region) => current.homeservers.find((hs) => hs.id === region.id)?.health === "healthy",
    );
  const state = healthy ? await readState(dir) : undefined;
  if (state !== undefined) {
    log(`reusing the devnet in ${dir}`);
    return { devnet: state, startedHere: false };
  }
  log(`starting the devnet in ${dir}`);
  const result = await upNetwork(config, {
    dir,
    secretsDir: demoSecretsDir(),
    redisUrl: process.env["REDIS_URL"],
    extraHomeservers: [OUTSIDER_HOMESERVER],
    log: (line) => {
      log(`[devnet] ${line}`);
    },
  });
  if (!result.ok) throw new Error(`the devnet could not start: ${result.error.message}`);
  return { devnet: result.value, startedHere: true };
}
