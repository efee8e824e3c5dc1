/**
 * A bot process for tests that need to stop, kill and restart a bot: it reads its settings
 * from MERIDIAN_TEST_BOT (JSON), prints "READY <deviceId>" once synced, stops on SIGTERM,
 * prints "LEAKS [...]" (timers of ours still open after stop, which must be none) and exits.
 */
import { Redis } from "ioredis";
import { Secret } from "../../../config/index.ts";
import { createLogger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { startBot } from "../../../bots/runtime/start-bot.ts";
import { startHandleAudit } from "./handle-audit.ts";
import { testBotDefinition } from "./test-bot-definition.ts";

interface TestBotSettings {
  homeserverUrl: string;
  userId: string;
  password: string;
  storeKey: string;
  stateDir: string;
  redisUrl: string;
  redisPrefix: string;
  networkServers: string[];
  syncSaveEveryMs?: number;
}

const auditHandles = startHandleAudit();

const settings = JSON.parse(process.env["MERIDIAN_TEST_BOT"] ?? "{}") as TestBotSettings;
const logger = createLogger({ name: "test-bot", level: process.env["LOG_LEVEL"] ?? "warn" });
const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });

const started = await startBot(
  testBotDefinition(),
  {
    homeserverUrl: settings.homeserverUrl,
    userId: settings.userId as UserId,
    password: new Secret(settings.password),
    storeKey: new Secret(settings.storeKey),
    stateDir: settings.stateDir,
    redisPrefix: settings.redisPrefix,
    // A burst of 200 commands from one tester must not be throttled here.
    commandRate: { capacity: 1000, refillPerSecond: 1000 },
    ...(settings.syncSaveEveryMs === undefined ? {} : { syncSaveEveryMs: settings.syncSaveEveryMs }),
  },
  {
    logger,
    redis,
    redisUrl: settings.redisUrl,
    rolesOf: () => new Set(),
    invitePolicy: {
      decide: ({ inviter }) =>
        inviter !== undefined && settings.networkServers.some((s) => inviter.endsWith(`:${s}`))
          ? { accept: true }
          : { accept: false, reason: "not from the network" },
    },
  },
);

if (!started.ok) {
  process.stderr.write(`FAILED ${started.error.kind}: ${started.error.message}\n`);
  await redis.quit();
  // Exit now: a half-opened SDK client may hold timers for minutes (see handle-audit.ts).
  process.exit(3);
} else {
  const bot = started.value;
  process.once("SIGTERM", () => {
    void bot.stop().then(async () => {
      await redis.quit();
      process.stdout.write("STOPPED\n");
      // Everything of ours is closed now; report any timer still holding the process open,
      // then exit rather than wait for the SDK's known leftover (see handle-audit.ts).
      setImmediate(() => {
        process.stdout.write(`LEAKS ${JSON.stringify(auditHandles())}\n`);
        process.exit(0);
      });
    });
  });
  // Only now: a parent that sends SIGTERM right after READY must find the handler in place.
  process.stdout.write(`READY ${bot.deviceId}\n`);
}
