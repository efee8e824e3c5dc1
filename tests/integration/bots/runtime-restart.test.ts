/**
 * A real bot process stopped, refused, killed and restarted against the devnet:
 * - SIGTERM: it exits within 5 s on its own (no open handles keep it alive);
 * - a second process on the same identity is refused with a clear message;
 * - a command sent while it is down is answered once when it returns, on the same device,
 *   with the same keys (so messages encrypted to it before the restart still decrypt);
 * - SIGKILL in the middle of a burst of 200 commands: after a restart every command is
 *   answered exactly once, none lost, none twice, whether the bot resumes from where it was
 *   or from a sync position saved before the room existed.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { MatrixClient } from "matrix-js-sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { homeserverOf, registerTestUser, type TestUser } from "../../support/devnet-access.ts";
import {
  collectMessages,
  startTestClient,
  stopTestClient,
  uniqueLocalpart,
  waitFor,
  waitForMembership,
} from "../../support/matrix-test-client.ts";
import { spawnTestBot, type BotProcess } from "../../support/bots/bot-process.ts";

const devnet = inject("devnet");
const eastAfrica = homeserverOf(devnet, "east-africa");
const mena = homeserverOf(devnet, "mena");
const regionalServers = devnet.homeservers.filter((hs) => hs.id !== "outsider").map((hs) => hs.serverName);

let redis: Redis;
let tempDir: string;
const processes: BotProcess[] = [];
const clients: MatrixClient[] = [];

interface BotUnderTest {
  user: TestUser;
  settings: Record<string, unknown>;
  redisPrefix: string;
  start(): BotProcess;
}

async function newBot(syncSaveEveryMs?: number): Promise<BotUnderTest> {
  const user = await registerTestUser(mena, uniqueLocalpart("bot"));
  const redisPrefix = `test:${uniqueLocalpart("restart")}`;
  const settings = {
    homeserverUrl: mena.clientUrl,
    userId: user.userId,
    password: user.password,
    storeKey: randomBytes(32).toString("base64"),
    stateDir: join(tempDir, uniqueLocalpart("state")),
    redisUrl: devnet.redis.url,
    redisPrefix,
    networkServers: regionalServers,
    ...(syncSaveEveryMs === undefined ? {} : { syncSaveEveryMs }),
  };
  return {
    user,
    settings,
    redisPrefix,
    start() {
      const bot = spawnTestBot(settings);
      processes.push(bot);
      return bot;
    },
  };
}

async function testerWithRoom(bot: BotUnderTest): Promise<{ client: MatrixClient; roomId: string }> {
  const tester = await registerTestUser(eastAfrica, uniqueLocalpart("tester"));
  const client = await startTestClient({
    baseUrl: eastAfrica.clientUrl,
    userId: tester.userId,
    password: tester.password,
  });
  clients.push(client);
  const { room_id: roomId } = await client.createRoom({
    invite: [bot.user.userId],
    initial_state: [
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ],
  });
  await waitForMembership(client, roomId, bot.user.userId, "join");
  return { client, roomId };
}

async function botIdentityKey(
  client: MatrixClient,
  botUserId: string,
  deviceId: string,
): Promise<string | undefined> {
  const devices = await client.getCrypto()!.getUserDeviceInfo([botUserId], true);
  return devices.get(botUserId)?.get(deviceId)?.getIdentityKey();
}

async function stopWithSigterm(bot: BotProcess): Promise<{ code: number | string; ms: number }> {
  const started = performance.now();
  bot.child.kill("SIGTERM");
  const code = await bot.exited();
  return { code, ms: performance.now() - started };
}

beforeAll(async () => {
  redis = new Redis(devnet.redis.url);
  tempDir = await mkdtemp(join(tmpdir(), "meridian-restart-"));
});

afterAll(async () => {
  for (const client of clients) stopTestClient(client);
  for (const bot of processes)
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGKILL");
  redis.disconnect();
  await rm(tempDir, { recursive: true, force: true });
});

describe("bot process lifecycle", () => {
  it("refuses a second process, stops on SIGTERM within 5 s, and answers once after a restart", async () => {
    const bot = await newBot();
    const first = bot.start();
    const deviceId = await first.ready();
    const { client, roomId } = await testerWithRoom(bot);
    const replies = collectMessages(client, roomId);
    const answered = (text: string): number =>
      replies.messages().filter((m) => m.sender === bot.user.userId && m.body === `echo: ${text}`).length;

    await client.sendTextMessage(roomId, "!echo before");
    await replies.until(() => answered("before") === 1, 60_000, "the reply to a command before the restart");
    const keyBefore = await botIdentityKey(client, bot.user.userId, deviceId);
    expect(keyBefore).toBeDefined();

    const second = bot.start();
    expect(await second.exited()).toBe(3);
    expect(second.output()).toMatch(/already running \(pid \d+/);

    const stop = await stopWithSigterm(first);
    expect(stop.code).toBe(0);
    expect(stop.ms).toBeLessThan(5_000);
    expect(first.output()).toContain("STOPPED");
    expect(first.output()).toContain("LEAKS []");

    // Sent while no bot runs: encrypted to the bot's device as it was before the restart.
    await client.sendTextMessage(roomId, "!echo while-down");
    const again = bot.start();
    expect(await again.ready()).toBe(deviceId);
    await replies.until(
      () => answered("while-down") === 1,
      90_000,
      "the reply to the command sent while down",
    );
    await client.sendTextMessage(roomId, "!echo after");
    await replies.until(() => answered("after") === 1, 60_000, "the reply to a command after the restart");
    expect(answered("while-down")).toBe(1);
    expect(answered("before")).toBe(1);
    expect(await botIdentityKey(client, bot.user.userId, deviceId)).toBe(keyBefore);

    expect((await stopWithSigterm(again)).code).toBe(0);
    replies.stop();
  });

  // The second case resumes from a sync position saved before the room existed, so the first
  // sync after the restart shows the room as new with only its last events and no gap: the
  // start-up catch-up has to page back for the rest.
  it.each([
    { saved: "every 30 s", syncSaveEveryMs: undefined },
    { saved: "only once, before the room existed", syncSaveEveryMs: 3_600_000 },
  ])(
    "answers every one of 200 commands exactly once across a SIGKILL mid-burst (sync saved $saved)",
    async ({ syncSaveEveryMs }) => {
      const bot = await newBot(syncSaveEveryMs);
      const first = bot.start();
      await first.ready();
      const { client, roomId } = await testerWithRoom(bot);
      const replies = collectMessages(client, roomId);
      const botReplies = (): string[] =>
        replies
          .messages()
          .filter((m) => m.sender === bot.user.userId && m.body.startsWith("echo: burst-"))
          .map((m) => m.body);
      const total = 200;

      const sending = (async () => {
        for (let i = 0; i < total; i++) await client.sendTextMessage(roomId, `!echo burst-${i}`);
      })();
      await replies.until(() => botReplies().length >= 30, 120_000, "the first 30 replies of the burst");
      first.child.kill("SIGKILL");
      expect(await first.exited()).toBe("SIGKILL");
      await sending;

      const second = bot.start();
      await second.ready();
      await replies
        .until(() => new Set(botReplies()).size === total, 240_000, `replies to all ${total} commands`)
        .catch((error: unknown) => {
          const got = new Set(botReplies());
          const missing = [...Array(total).keys()].filter((i) => !got.has(`echo: burst-${i}`));
          throw new Error(`${String(error)}: ${got.size} answered, missing ${missing.join(",")}`);
        });
      // Nothing left pending means nothing more will be sent: the count below is final.
      const pendingKey = `${bot.redisPrefix}:testbot:ledger:pending`;
      await waitFor<undefined>(
        (resolve) => {
          const timer = setInterval(() => {
            void redis.zcard(pendingKey).then((n) => {
              if (n === 0) resolve(undefined);
            });
          }, 200);
          return () => {
            clearInterval(timer);
          };
        },
        60_000,
        "the bot's pending set to empty",
      );
      await client.sendTextMessage(roomId, "!echo end");
      await replies.until(
        () => replies.messages().some((m) => m.body === "echo: end"),
        60_000,
        "the closing reply",
      );

      const counts = new Map<string, number>();
      for (const body of botReplies()) counts.set(body, (counts.get(body) ?? 0) + 1);
      const twice = [...counts].filter(([, n]) => n > 1).map(([body]) => body);
      expect(twice, "commands answered more than once").toEqual([]);
      expect(counts.size).toBe(total);

      expect((await stopWithSigterm(second)).code).toBe(0);
      replies.stop();
    },
    400_000,
  );
});
