/**
 * `meridian config check FILE`: validates a config and reports, for a person at a terminal,
 * either a short summary or every issue. Missing secrets are warnings, not errors: the devnet
 * generates the demo ones on first start, and a deployment may add them after checking.
 */
import { formatConfigIssues } from "./config-issue.ts";
import { loadConfigFile } from "./load-config.ts";
import { listBots } from "./queries.ts";
import { listSecretRefs } from "./redact-config.ts";
import { readSecret } from "./secrets.ts";

export interface CheckConfigOptions {
  readonly secretsDir: string;
  /** Environment for `{ env }` secrets; defaults to the process environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Checks a config file; exit code 0 when valid (even with secret warnings), 1 when not. */
export async function checkConfig(
  path: string,
  options: CheckConfigOptions,
): Promise<{ exitCode: number; report: string }> {
  const loaded = await loadConfigFile(path, { secretsDir: options.secretsDir });
  if (!loaded.ok) {
    const count = loaded.error.length;
    return {
      exitCode: 1,
      report: `${path}: invalid network config (${count} issue${count === 1 ? "" : "s"})\n${formatConfigIssues(loaded.error)}`,
    };
  }
  const config = loaded.value;
  const env = options.env ?? process.env;
  const refs = listSecretRefs(config);
  const warnings: string[] = [];
  for (const { path: keyPath, ref } of refs) {
    const secret = await readSecret(ref, { secretsDir: options.secretsDir, env });
    if (!secret.ok) warnings.push(`warning: ${keyPath}: ${secret.error}`);
  }
  const lines = [
    `${path}: valid network config "${config.network.name}"`,
    `  ${config.regions.length} regions, ${config.networks.length} networks, ${config.rooms.length} rooms, ` +
      `${config.people.length} people, ${listBots(config).length} bots`,
    `  secrets: ${refs.length} referenced, ${refs.length - warnings.length} readable (secrets directory ${options.secretsDir})`,
    ...warnings,
  ];
  return { exitCode: 0, report: lines.join("\n") };
}
