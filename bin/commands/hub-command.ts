/** `meridian hub [--config FILE]`: the hub on its own, against a devnet that is already up. */
import { readState } from "../../devnet/index.ts";
import { createLogger } from "../../lib/logger.ts";
import { devnetDir, loadConfigOrReport, parseCommonOptions } from "./cli-options.ts";
import { startHubForDevnet } from "./start-hub-for-devnet.ts";

export async function runHubCommand(args: string[]): Promise<number> {
  const options = parseCommonOptions(args);
  const config = await loadConfigOrReport(options.configPath, options.secretsDir);
  if (config === undefined) return 1;
  const devnet = await readState(devnetDir());
  if (devnet === undefined) {
    process.stderr.write(
      "meridian: no devnet is running; start one with 'meridian devnet up' (or use 'npm start').\n",
    );
    return 1;
  }
  const logger = createLogger({ name: "hub" });
  let running;
  try {
    running = await startHubForDevnet(config, devnet, logger, options.hubPort, options.secretsDir);
  } catch (error) {
    process.stderr.write(
      `meridian: the hub could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  logger.info({ url: running.hub.url }, "hub listening");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => {
      resolve();
    });
    process.once("SIGTERM", () => {
      resolve();
    });
  });
  await running.stop();
  return 0;
}
