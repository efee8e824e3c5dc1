/**
 * `npm start` / `meridian start`: brings up the whole demo (devnet homeservers and Redis, the
 * hub), prints where everything is, and on Ctrl-C stops what it started. A devnet that was
 * already running before is left running.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { pino, type DestinationStream } from "pino";
import { down, status } from "../../devnet/index.ts";
import { upNetwork } from "../../devnet/up-network.ts";
import { createLogger } from "../../lib/logger.ts";
import { logUnhandledRejections } from "../../lib/log-unhandled-rejections.ts";
import { devnetDir, loadConfigOrReport, parseCommonOptions } from "./cli-options.ts";
import { describeDevnet } from "./describe-devnet.ts";
import { startHubForDevnet } from "./start-hub-for-devnet.ts";
import { startNetworkBots } from "../../bots/start-network-bots.ts";
import { renderRefusals } from "../../bots/provision/render-plan.ts";
import { type ProvisionOutcome, runProvision } from "../../bots/provision/run-provision.ts";

function summariseProvision(outcome: ProvisionOutcome): string {
  const rooms = outcome.plan.servers.flatMap((server) => server.rooms);
  const count = (action: string): number => rooms.filter((room) => room.action === action).length;
  return (
    `spaces and rooms: ${count("create")} created, ${count("update")} updated, ` +
    `${count("unchanged")} already as configured (${outcome.requests.applyWrites} write requests)`
  );
}

/** The demo's JSON logs go to files so the terminal stays readable; LOG_TO_STDOUT=1 to watch them. */
function logDestination(dir: string, file: string): DestinationStream | undefined {
  return process.env["LOG_TO_STDOUT"] === "1"
    ? undefined
    : pino.destination({ dest: join(dir, "logs", file), sync: false });
}

export async function runStartCommand(args: string[]): Promise<number> {
  const options = parseCommonOptions(args);
  const dir = devnetDir();
  const say = (line: string): void => {
    process.stderr.write(`meridian: ${line}\n`);
  };

  const config = await loadConfigOrReport(options.configPath, options.secretsDir);
  if (config === undefined) return 1;

  const before = await status(dir);
  const alreadyRunning =
    before.exists &&
    before.homeservers.length > 0 &&
    before.homeservers.every((hs) => hs.health === "healthy");
  say(alreadyRunning ? `reusing the devnet already running in ${dir}` : `starting the devnet in ${dir}`);
  const devnet = await upNetwork(config, {
    dir,
    secretsDir: options.secretsDir,
    redisUrl: process.env["REDIS_URL"],
    log: say,
  });
  if (!devnet.ok) {
    say(devnet.error.message);
    return 1;
  }

  // The spaces and rooms come before the bots, which accept the provisioner's invites as
  // they start; on a second start this finds everything in place and writes nothing.
  say("provisioning the network's spaces and rooms");
  const provisioned = await runProvision(config, {
    mode: "apply",
    prune: false,
    secretsDir: options.secretsDir,
  });
  const failures = provisioned.ok ? (provisioned.value.report?.failures ?? []) : [];
  if (!provisioned.ok || failures.length > 0) {
    if (!provisioned.ok)
      say(
        provisioned.error.kind === "refused"
          ? renderRefusals(provisioned.error.refusals)
          : `provisioning failed: ${provisioned.error.message}`,
      );
    for (const failure of failures)
      say(
        `provisioning ${failure.configId}: ${failure.operation} failed: ${failure.error.errcode} ${failure.error.message}`,
      );
    if (!alreadyRunning) await down(dir, { log: say });
    return 1;
  }
  say(summariseProvision(provisioned.value));

  // The demo's JSON logs go to a file so the terminal stays readable; LOG_TO_STDOUT=1 to watch them.
  await mkdir(join(dir, "logs"), { recursive: true });
  const logger = createLogger({ name: "hub", destination: logDestination(dir, "hub.log") });
  logUnhandledRejections(logger);

  let running;
  try {
    running = await startHubForDevnet(config, devnet.value, logger, options.hubPort, options.secretsDir);
  } catch (error) {
    say(`the hub could not start: ${error instanceof Error ? error.message : String(error)}`);
    if (!alreadyRunning) await down(dir, { log: say });
    return 1;
  }
  say("starting the bots (convene, route, digest)");
  const bots = await startNetworkBots(
    config,
    { secretsDir: options.secretsDir, stateRoot: join(dir, "bots"), redisUrl: devnet.value.redis.url },
    createLogger({ name: "bots", destination: logDestination(dir, "bots.log") }),
  );
  if (!bots.ok) {
    say(`the bots could not start: ${bots.error}`);
    await running.stop();
    if (!alreadyRunning) await down(dir, { log: say });
    return 1;
  }
  process.stdout.write(
    describeDevnet(devnet.value, config, running.hub.url) +
      `  Bots: ${bots.value.bots.map((b) => `${b.id} ${b.userId}`).join(", ")} (invite them to a room; try !help)\n\n` +
      "Press Ctrl-C to stop.\n",
  );

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", () => {
      resolve("SIGINT");
    });
    process.once("SIGTERM", () => {
      resolve("SIGTERM");
    });
  });
  say(`${signal}: stopping`);
  await bots.value.stop();
  await running.stop();
  logger.flush();
  if (!alreadyRunning) {
    const stopped = await down(dir, { log: say });
    if (!stopped.ok) say(stopped.error.message);
  }
  say("stopped");
  return 0;
}
