/**
 * bench/devnet-start: cold start of the devnet for the example network's 3 regions, Synapse
 * already installed. Each run starts from an empty directory (new keys, certificates,
 * databases), waits until every homeserver answers and every demo account is registered,
 * then stops everything. It uses its own loopback addresses (127.0.0.31-33) so it never
 * collides with a devnet already running. Target (issue 2): median under 30 s.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfigFile, formatConfigIssues } from "../config/index.ts";
import { down, ensureSynapseInstalled } from "../devnet/index.ts";
import { upNetwork } from "../devnet/up-network.ts";
import type { NetworkConfig } from "../config/index.ts";
import type { Benchmark } from "./run.ts";
import { median, round } from "./report.ts";
import { EXAMPLE_CONFIG } from "../bin/commands/cli-options.ts";

const RUNS = Number(process.env["BENCH_DEVNET_RUNS"] ?? 5);

/** The example network moved onto the benchmark's own addresses. */
function onBenchAddresses(config: NetworkConfig): NetworkConfig {
  return {
    ...config,
    regions: config.regions.map((region, index) => ({
      ...region,
      homeserver: {
        ...region.homeserver,
        serverName: `127.0.0.${31 + index}:38448` as typeof region.homeserver.serverName,
        clientUrl: `http://127.0.0.${31 + index}:38008`,
      },
    })),
  };
}

export const benchmark: Benchmark = {
  name: "devnet-start",
  key: "devnet_start",
  async run(log) {
    const loaded = await loadConfigFile(EXAMPLE_CONFIG);
    if (!loaded.ok) throw new Error(formatConfigIssues(loaded.error));
    const config = onBenchAddresses(loaded.value);
    // Installing Synapse is not part of a cold start: make sure it is there first.
    const installed = await ensureSynapseInstalled({ log });
    if (!installed.ok) throw new Error(installed.error.message);

    const seconds: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const dir = await mkdtemp(join(tmpdir(), "meridian-bench-devnet-"));
      try {
        const started = performance.now();
        const result = await upNetwork(config, {
          dir,
          secretsDir: join(dir, "secrets"),
          log: () => undefined,
        });
        const elapsed = (performance.now() - started) / 1000;
        if (!result.ok) throw new Error(result.error.message);
        seconds.push(elapsed);
        log(
          `run ${run}/${RUNS}: ${elapsed.toFixed(2)} s (${result.value.accounts.length} accounts registered)`,
        );
      } finally {
        await down(dir, { log: () => undefined });
        await rm(dir, { recursive: true, force: true });
      }
    }
    const median_s = round(median(seconds));
    return {
      figures: {
        median_s,
        min_s: round(Math.min(...seconds)),
        max_s: round(Math.max(...seconds)),
        runs: RUNS,
        regions: config.regions.length,
      },
      targets: [{ figure: "median_s", target: "< 30", met: median_s < 30 }],
      notes: [
        "each run: empty directory, new keys/certificates/databases, until every homeserver is healthy and every demo account registered; Redis managed",
      ],
    };
  },
};
