/** `meridian bots [--config FILE] [--only convene,route]`: the chat bots, in one process. */
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CHAT_BOT_IDS, type ChatBotId } from "../../bots/bot-definitions.ts";
import { startNetworkBots } from "../../bots/start-network-bots.ts";
import { readState } from "../../devnet/index.ts";
import { createLogger } from "../../lib/logger.ts";
import { logUnhandledRejections } from "../../lib/log-unhandled-rejections.ts";
import { devnetDir, loadConfigOrReport, parseCommonOptions } from "./cli-options.ts";

export async function runBotsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: { only: { type: "string" }, "state-dir": { type: "string" } },
  });
  const options = parseCommonOptions(
    args.filter(
      (a, i) =>
        !["--only", "--state-dir"].includes(a) && !["--only", "--state-dir"].includes(args[i - 1] ?? ""),
    ),
  );
  const only = typeof values.only === "string" ? values.only.split(",").map((s) => s.trim()) : undefined;
  const unknown = only?.filter((id) => !(CHAT_BOT_IDS as readonly string[]).includes(id)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(
      `meridian: unknown bot(s) ${unknown.join(", ")}; the bots are ${CHAT_BOT_IDS.join(", ")}\n`,
    );
    return 2;
  }
  const config = await loadConfigOrReport(options.configPath, options.secretsDir);
  if (config === undefined) return 1;
  const devnet = await readState(devnetDir());
  const redisUrl = process.env["REDIS_URL"] ?? devnet?.redis.url;
  if (redisUrl === undefined) {
    process.stderr.write(
      "meridian: no Redis: set REDIS_URL or start the devnet with 'meridian devnet up'.\n",
    );
    return 1;
  }
  const logger = createLogger({ name: "bots" });
  logUnhandledRejections(logger);
  const started = await startNetworkBots(
    config,
    {
      secretsDir: options.secretsDir,
      stateRoot: typeof values["state-dir"] === "string" ? values["state-dir"] : join(devnetDir(), "bots"),
      redisUrl,
      ...(only === undefined ? {} : { only: only as ChatBotId[] }),
    },
    logger,
  );
  if (!started.ok) {
    process.stderr.write(`meridian: ${started.error}\n`);
    return 1;
  }
  process.stderr.write(
    `meridian: bots running: ${started.value.bots.map((b) => `${b.id} (${b.userId}, device ${b.deviceId})`).join(", ")}\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => {
      resolve();
    });
    process.once("SIGTERM", () => {
      resolve();
    });
  });
  await started.value.stop();
  return 0;
}
