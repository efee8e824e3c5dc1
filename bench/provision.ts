/**
 * bench/provision: the provisioner against the devnet, for the example network and for a
 * large generated one (10 regions over the 3 homeservers, 20 rooms each, 200 people), each a
 * fresh copy with its own accounts so "from nothing" is real: the time to apply from
 * nothing, the time of a no-op re-plan (median of 5), the requests an apply makes and
 * whether any state was written twice. Targets (issue "Network provisioner"): a no-op plan
 * of the large network under 5 s; no request made twice for the same state.
 */
import { down } from "../devnet/index.ts";
import { devnetDir } from "../bin/commands/cli-options.ts";
import type { ProvisionOutcome } from "../bots/provision/run-provision.ts";
import { createTestNetwork, type TestNetwork } from "../tests/support/test-network.ts";
import { devnetForBench } from "./support/devnet-for-bench.ts";
import { LARGE_NETWORK, largeNetworkText } from "./support/large-network.ts";
import type { Benchmark } from "./run.ts";
import { percentile, round } from "./report.ts";

const NOOP_PLANS = 5;

type Log = (line: string) => void;

interface Measured {
  applySeconds: number;
  noopPlanSeconds: number;
  rooms: number;
  writeRequests: number;
  /** Reads of one no-op plan: the joined-room lists, then each room's state once. */
  planReadRequests: number;
  repeatedWrites: number;
  secondApplyWrites: number;
}

function outcomeOf(result: Awaited<ReturnType<TestNetwork["provision"]>>): ProvisionOutcome {
  if (!result.ok) throw new Error(`provisioning failed: ${result.error.message}`);
  const failures = result.value.report?.failures ?? [];
  if (failures.length > 0)
    throw new Error(`${failures.length} request(s) failed, first: ${JSON.stringify(failures[0])}`);
  return result.value;
}

async function measure(network: TestNetwork, label: string, log: Log): Promise<Measured> {
  let started = performance.now();
  const applied = outcomeOf(await network.provision("apply"));
  const applySeconds = (performance.now() - started) / 1000;
  log(
    `${label}: applied ${applied.desired.rooms.length} spaces and rooms in ${applySeconds.toFixed(1)} s ` +
      `(${applied.requests.applyWrites} writes)`,
  );
  const plans: number[] = [];
  let planReadRequests = 0;
  for (let run = 0; run < NOOP_PLANS; run += 1) {
    started = performance.now();
    const plan = outcomeOf(await network.provision("plan"));
    plans.push((performance.now() - started) / 1000);
    planReadRequests = plan.requests.observeReads;
    if (plan.plannedWrites !== 0) throw new Error(`${label}: a re-plan wants ${plan.plannedWrites} writes`);
  }
  const second = outcomeOf(await network.provision("apply"));
  log(
    `${label}: no-op plans ${plans.map((s) => s.toFixed(2)).join(", ")} s; second apply wrote ${second.requests.applyWrites}`,
  );
  return {
    applySeconds,
    noopPlanSeconds: percentile(plans, 50),
    rooms: applied.desired.rooms.length,
    writeRequests: applied.requests.applyWrites,
    planReadRequests,
    repeatedWrites: applied.requests.repeatedWrites.size,
    secondApplyWrites: second.requests.applyWrites,
  };
}

export const benchmark: Benchmark = {
  name: "provision",
  key: "provision",
  async run(log) {
    const { devnet, startedHere } = await devnetForBench(log);
    try {
      const example = await measure(await createTestNetwork(devnet), "example", log);
      log(
        `registering the large network's accounts (${LARGE_NETWORK.people} people, ${LARGE_NETWORK.regions} regions)`,
      );
      const large = await measure(await createTestNetwork(devnet, largeNetworkText()), "large", log);
      return {
        figures: {
          apply_s: round(example.applySeconds, 2),
          noop_plan_s: round(example.noopPlanSeconds, 3),
          requests_per_apply: example.writeRequests,
          rooms: example.rooms,
          repeated_writes: example.repeatedWrites,
          second_apply_writes: example.secondApplyWrites,
          large_apply_s: round(large.applySeconds, 1),
          large_noop_plan_s: round(large.noopPlanSeconds, 3),
          large_requests_per_apply: large.writeRequests,
          reads_per_plan: example.planReadRequests,
          large_reads_per_plan: large.planReadRequests,
          large_rooms: large.rooms,
          large_repeated_writes: large.repeatedWrites,
          large_second_apply_writes: large.secondApplyWrites,
        },
        targets: [
          { figure: "large_noop_plan_s", target: "< 5", met: large.noopPlanSeconds < 5 },
          {
            figure: "repeated_writes + large_repeated_writes",
            target: "= 0 (no request twice for the same state)",
            met: example.repeatedWrites + large.repeatedWrites === 0,
          },
          {
            figure: "second_apply_writes + large_second_apply_writes",
            target: "= 0 (idempotent)",
            met: example.secondApplyWrites + large.secondApplyWrites === 0,
          },
        ],
        notes: [
          "each network is a fresh copy (own network id and accounts) on the shared devnet; apply includes every invite",
        ],
      };
    } finally {
      if (startedHere) await down(devnetDir(), { log: () => undefined });
    }
  },
};
