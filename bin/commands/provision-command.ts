/**
 * `meridian provision plan|apply [--prune] [--config FILE]`: make the Matrix side match the
 * network config. `plan` only reads; `apply` prints the plan, then what it did.
 */
import { parseArgs } from "node:util";
import { renderPlan, renderRefusals } from "../../bots/provision/render-plan.ts";
import { runProvision } from "../../bots/provision/run-provision.ts";
import { loadConfigOrReport, parseCommonOptions } from "./cli-options.ts";

const USAGE = "usage: meridian provision plan|apply [--prune] [--config FILE] [--secrets-dir DIR]";

export async function runProvisionCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: { prune: { type: "boolean" } },
  });
  const options = parseCommonOptions(args.filter((arg) => arg !== "--prune"));
  const [mode, ...extra] = options.positionals;
  if ((mode !== "plan" && mode !== "apply") || extra.length > 0) {
    process.stderr.write(`meridian: ${USAGE}\n`);
    return 2;
  }
  const config = await loadConfigOrReport(options.configPath, options.secretsDir);
  if (config === undefined) return 1;
  const started = Date.now();
  const outcome = await runProvision(config, {
    mode,
    prune: values.prune === true,
    secretsDir: options.secretsDir,
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  if (!outcome.ok) {
    if (outcome.error.kind === "refused") process.stdout.write(`${renderRefusals(outcome.error.refusals)}\n`);
    else process.stderr.write(`meridian: ${outcome.error.message}\n`);
    return 1;
  }
  const { plan, report, requests } = outcome.value;
  // After an apply the progress lines said what happened; the plan is what was carried out.
  process.stdout.write(`${renderPlan(plan)}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (report === undefined) {
    process.stdout.write(
      `Planned in ${seconds} s from ${requests.observeReads} read requests; nothing was written.\n`,
    );
    return 0;
  }
  process.stdout.write(
    `Applied in ${seconds} s: ${report.created} created, ${report.updated} updated, ${report.archived} archived, ` +
      `${report.invited} invited, ${report.removed} removed; ${requests.applyWrites} write requests.\n`,
  );
  for (const failure of report.failures)
    process.stderr.write(
      `meridian: ${failure.configId}: ${failure.operation} failed: ${failure.error.errcode} ${failure.error.message}\n`,
    );
  return report.failures.length === 0 ? 0 : 1;
}
