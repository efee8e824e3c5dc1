/**
 * Brings up the devnet for a network config: generates the demo secrets if missing, reads the
 * bots' passwords from them, and starts (or reuses) one homeserver per region plus Redis.
 * `npm start`, `meridian devnet up`, the test setup and the benchmarks all come through here.
 */
import { listBots, readSecret } from "../config/index.ts";
import type { NetworkConfig } from "../config/index.ts";
import { type Result, err } from "../lib/result.ts";
import { ensureDemoSecrets } from "./ensure-demo-secrets.ts";
import { devnetSpecFromConfig } from "./spec-from-config.ts";
import type { DevnetError, DevnetHomeserverSpec, DevnetState } from "./types.ts";
import { up } from "./up.ts";

export interface UpNetworkOptions {
  dir: string;
  secretsDir: string;
  redisUrl?: string | undefined;
  extraHomeservers?: readonly DevnetHomeserverSpec[];
  log: (line: string) => void;
}

export async function upNetwork(
  config: NetworkConfig,
  options: UpNetworkOptions,
): Promise<Result<DevnetState, DevnetError>> {
  const created = await ensureDemoSecrets(config, options.secretsDir);
  if (created.length > 0)
    options.log(`generated ${created.length} demo secret file(s) in ${options.secretsDir}`);
  const botPasswords = new Map<string, string>();
  for (const { name: botId, bot } of listBots(config)) {
    const password = await readSecret(bot.password, { secretsDir: options.secretsDir, env: process.env });
    if (!password.ok) return err({ kind: "bad-spec", message: `bot ${botId}: ${password.error}` });
    botPasswords.set(botId, password.value.reveal());
  }
  const spec = devnetSpecFromConfig(config, {
    dir: options.dir,
    redisUrl: options.redisUrl,
    botPasswords,
    ...(options.extraHomeservers === undefined ? {} : { extraHomeservers: options.extraHomeservers }),
  });
  return up(spec, { log: options.log });
}
