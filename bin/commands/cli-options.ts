/**
 * Paths and options every subcommand shares. The demo network runs from
 * config/network.example.yaml with its secrets generated under the devnet directory;
 * a real deployment passes --config and keeps secrets beside it (or in MERIDIAN_SECRETS_DIR).
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatConfigIssues, loadConfigFile, type NetworkConfig } from "../../config/index.ts";

export const REPO_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const EXAMPLE_CONFIG = join(REPO_ROOT, "config", "network.example.yaml");

export function devnetDir(): string {
  return resolve(process.env["MERIDIAN_DEVNET_DIR"] ?? join(REPO_ROOT, ".devnet"));
}

/** Demo secrets (bot passwords, crypto-store keys) are generated once and kept with the devnet. */
export function demoSecretsDir(): string {
  return join(devnetDir(), "secrets");
}

export interface CommonOptions {
  configPath: string;
  secretsDir: string;
  /** Overrides the config's hub port (0 picks a free one), for tests and side-by-side runs. */
  hubPort?: number;
  positionals: string[];
}

/** Parses `--config FILE` and `--secrets-dir DIR`; the devnet's secrets serve the example config. */
export function parseCommonOptions(args: string[]): CommonOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      config: { type: "string" },
      "secrets-dir": { type: "string" },
      "hub-port": { type: "string" },
    },
  });
  const hubPort = values["hub-port"] === undefined ? undefined : Number(values["hub-port"]);
  const configPath = resolve(values.config ?? EXAMPLE_CONFIG);
  const secretsDir = resolve(
    values["secrets-dir"] ??
      process.env["MERIDIAN_SECRETS_DIR"] ??
      (configPath === EXAMPLE_CONFIG ? demoSecretsDir() : join(dirname(configPath), "secrets")),
  );
  return {
    configPath,
    secretsDir,
    positionals,
    ...(hubPort === undefined || Number.isNaN(hubPort) ? {} : { hubPort }),
  };
}

/** Loads the config or prints every issue (file, line, key path) and returns undefined. */
export async function loadConfigOrReport(
  configPath: string,
  secretsDir: string,
): Promise<NetworkConfig | undefined> {
  const loaded = await loadConfigFile(configPath, { secretsDir });
  if (loaded.ok) return loaded.value;
  process.stderr.write(
    `meridian: ${configPath} is not a valid network config:\n${formatConfigIssues(loaded.error)}\n`,
  );
  return undefined;
}
