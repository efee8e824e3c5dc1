/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one. Each benchmark
 * is a module under bench/ exporting `benchmark: Benchmark`.
 */
import { writeBenchEntry, type BenchOutcome } from "./report.ts";

export interface Benchmark {
  /** The folder-style name used on the command line, e.g. "devnet-start". */
  name: string;
  /** The top-level key in latest.json, e.g. "devnet_start". */
  key: string;
  run(log: (line: string) => void): Promise<BenchOutcome>;
}

const registry: Record<string, () => Promise<Benchmark>> = {
  "devnet-start": async () => (await import("./devnet-start.ts")).benchmark,
  "command-latency": async () => (await import("./command-latency.ts")).benchmark,
  provision: async () => (await import("./provision.ts")).benchmark,
  convene: async () => (await import("./convene.ts")).benchmark,
  route: async () => (await import("./route.ts")).benchmark,
  "digest-site": async () => (await import("./digest-site.ts")).benchmark,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in registry));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${Object.keys(registry).join(", ")}`);
  process.exit(2);
}

let failed = false;
for (const name of wanted.length > 0 ? wanted : Object.keys(registry)) {
  const load = registry[name];
  if (load === undefined) continue;
  const benchmark = await load();
  console.log(`\n== ${benchmark.name}`);
  try {
    const outcome = await benchmark.run((line) => {
      console.log(`  ${line}`);
    });
    const entry = await writeBenchEntry(benchmark.key, outcome);
    console.log(`  ${JSON.stringify(entry.figures)}`);
    for (const t of entry.targets)
      console.log(`  target ${t.figure} ${t.target}: ${t.met ? "met" : "NOT met"}`);
  } catch (error) {
    failed = true;
    console.error(
      `  ${benchmark.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
console.log("\nwrote bench/results/latest.json and bench/results/latest.md");
// Benchmarks that run Matrix clients in this process (bench/convene) leave matrix-js-sdk timers
// behind after stopClient(), which kept the process alive for minutes after its work was done.
process.exit(failed ? 1 : 0);
