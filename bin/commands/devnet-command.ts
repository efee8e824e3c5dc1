/** `meridian devnet up|down|status [--config FILE]`: the local federated network. */
import { down, status } from "../../devnet/index.ts";
import { upNetwork } from "../../devnet/up-network.ts";
import { describeDevnet } from "./describe-devnet.ts";
import { devnetDir, loadConfigOrReport, parseCommonOptions } from "./cli-options.ts";

const USAGE = "usage: meridian devnet up|down|status [--config FILE] [--secrets-dir DIR]\n";

export async function runDevnetCommand(args: string[]): Promise<number> {
  const options = parseCommonOptions(args);
  const [action] = options.positionals;
  const dir = devnetDir();
  const log = (line: string): void => {
    process.stderr.write(`devnet: ${line}\n`);
  };

  switch (action) {
    case "up": {
      const config = await loadConfigOrReport(options.configPath, options.secretsDir);
      if (config === undefined) return 1;
      const result = await upNetwork(config, {
        dir,
        secretsDir: options.secretsDir,
        redisUrl: process.env["REDIS_URL"],
        log,
      });
      if (!result.ok) {
        process.stderr.write(`meridian: ${result.error.message}\n`);
        return 1;
      }
      process.stdout.write(`${describeDevnet(result.value, config)}\n`);
      return 0;
    }
    case "down": {
      const result = await down(dir, { log });
      if (!result.ok) {
        process.stderr.write(`meridian: ${result.error.message}\n`);
        return 1;
      }
      return 0;
    }
    case "status": {
      const current = await status(dir);
      if (!current.exists) {
        process.stdout.write(`no devnet in ${dir} (start one with: meridian devnet up)\n`);
        return 0;
      }
      for (const hs of current.homeservers)
        process.stdout.write(
          `${hs.id.padEnd(14)} ${hs.health.padEnd(8)} ${hs.clientUrl}  (${hs.serverName})\n`,
        );
      if (current.redis !== undefined)
        process.stdout.write(
          `${"redis".padEnd(14)} ${current.redis.health.padEnd(8)} ${current.redis.url}${current.redis.managed ? "" : " (external)"}\n`,
        );
      return current.homeservers.every((hs) => hs.health === "healthy") ? 0 : 3;
    }
    case undefined:
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}
