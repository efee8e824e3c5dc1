/**
 * bench/command-latency: the time from a user's send to the decrypted bot reply, in an
 * encrypted room across two regional homeservers (tester on east-africa, bot on mena), for
 * the real bot runtime (tests/support/bots/run-test-bot.ts, `!echo`) side by side with a bare
 * matrix-js-sdk client with the same Rust crypto that echoes (bench/support/run-echo-baseline.ts,
 * same homeserver, same reply content). Both run as child processes; commands go one at a time,
 * alternating ours/baseline in blocks so machine noise hits both alike. Then the bot joins 50
 * more encrypted rooms and its resident memory is read from /proc. Targets (issue "Bot
 * runtime"): ours p50 / baseline p50 <= 1.15 and p99 < 3 x p50.
 *
 * Reuses a running, healthy devnet (never stops one it did not start); otherwise starts one
 * like the integration tests do and stops it at the end.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { MatrixEventEvent, RoomEvent, type MatrixClient, type MatrixEvent } from "matrix-js-sdk";
import { down } from "../devnet/index.ts";
import { devnetDir } from "../bin/commands/cli-options.ts";
import { spawnTestBot, type BotProcess } from "../tests/support/bots/bot-process.ts";
import {
  homeserverOf,
  loadTestNetworkConfig,
  registerTestUser,
  type TestUser,
} from "../tests/support/devnet-access.ts";
import {
  startTestClient,
  stopTestClient,
  uniqueLocalpart,
  waitFor,
  waitForMembership,
} from "../tests/support/matrix-test-client.ts";
import { spawnEchoBaseline } from "./support/echo-baseline-process.ts";
import { devnetForBench } from "./support/devnet-for-bench.ts";
import { quietSdkGlobalLogger } from "../lib/sdk-logger.ts";
import type { Benchmark } from "./run.ts";
import { percentile, round } from "./report.ts";

const COMMANDS = Number(process.env["BENCH_COMMANDS"] ?? 300);
const WARM_UP = 20;
const BLOCK = 10;
const MEMORY_ROOMS = 50;
const REPLY_TIMEOUT_MS = 30_000;

type Log = (line: string) => void;

/**
 * Watches the tester's rooms for decrypted replies: `expect` registers a reply before the
 * command is sent and resolves with the moment it was seen decrypted.
 */
function replyWatcher(client: MatrixClient) {
  const waiting = new Map<string, (at: number) => void>();
  const keyOf = (roomId: string, sender: string, body: string): string => `${roomId}\n${sender}\n${body}`;
  const consider = (event: MatrixEvent): void => {
    if (waiting.size === 0 || event.isBeingDecrypted() || event.isDecryptionFailure()) return;
    if (event.getType() !== "m.room.message") return;
    const body: unknown = event.getContent()["body"];
    const roomId = event.getRoomId();
    const sender = event.getSender();
    if (typeof body !== "string" || roomId === undefined || sender === undefined) return;
    const key = keyOf(roomId, sender, body);
    const resolve = waiting.get(key);
    if (resolve === undefined) return;
    waiting.delete(key);
    resolve(performance.now());
  };
  client.on(RoomEvent.Timeline, consider);
  client.on(MatrixEventEvent.Decrypted, consider);
  return {
    expect(roomId: string, sender: string, body: string): Promise<number> {
      const key = keyOf(roomId, sender, body);
      return waitFor<number>(
        (resolve) => {
          waiting.set(key, resolve);
          return () => waiting.delete(key);
        },
        REPLY_TIMEOUT_MS,
        `"${body}" from ${sender} in ${roomId}`,
      );
    },
    stop(): void {
      client.off(RoomEvent.Timeline, consider);
      client.off(MatrixEventEvent.Decrypted, consider);
      waiting.clear();
    },
  };
}

/**
 * Creates an encrypted room inviting `invitee` and waits for its join (the bot runtime retries
 * a join refused because the invite raced ahead of the room's server, so this can take a while).
 */
async function createEncryptedRoom(tester: MatrixClient, invitee: string): Promise<string> {
  const { room_id: roomId } = await tester.createRoom({
    invite: [invitee],
    initial_state: [
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ],
  });
  await waitForMembership(tester, roomId, invitee, "join", 60_000);
  return roomId;
}

/** VmRSS of a process in MiB, from /proc/<pid>/status. */
async function residentMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) throw new Error("the bot process has no pid");
  const text = await readFile(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(text);
  if (match?.[1] === undefined) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/**
 * SIGTERM, then waits for the process to report "STOPPED" and exit. The test bot stops
 * cleanly but its process can linger on timers matrix-js-sdk leaves behind after stopClient
 * (up to hours, for the capabilities poller), so a process still there 5 s after STOPPED is
 * killed and that is logged; one that never says STOPPED within 20 s is killed too.
 */
async function stopProcess(name: string, child: BotProcess, log: Log): Promise<void> {
  if (child.child.exitCode !== null || child.child.signalCode !== null) return;
  child.child.kill("SIGTERM");
  const exited = child.exited();
  const stopped = waitFor<boolean>(
    (resolve) => {
      const timer = setInterval(() => {
        if (child.output().includes("STOPPED")) resolve(true);
      }, 100);
      return () => {
        clearInterval(timer);
      };
    },
    20_000,
    `${name} to stop`,
  ).catch(() => false);
  const outcome = await Promise.race([exited, stopped]);
  if (outcome === false) log(`${name} did not stop within 20 s of SIGTERM; killing it`);
  else if (outcome === true) {
    const late = await Promise.race([exited, delay(5_000).then(() => undefined)]);
    if (late !== undefined) return;
    log(`${name} stopped but its process had not exited 5 s later; killing it`);
  } else return;
  child.child.kill("SIGKILL");
  await exited;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The last lines a child printed, without matrix-js-sdk's per-room debug chatter. */
function tailOf(child: BotProcess, lines = 30): string {
  return child
    .output()
    .split("\n")
    .filter((line) => !line.includes("[MatrixRTCSession"))
    .slice(-lines)
    .join("\n");
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}

interface Target {
  name: string;
  userId: string;
  roomId: string;
  samples: number[];
}

export const benchmark: Benchmark = {
  name: "command-latency",
  key: "command_latency",
  async run(log) {
    if (!Number.isInteger(COMMANDS) || COMMANDS < 1)
      throw new Error(`BENCH_COMMANDS must be a positive integer, not ${String(COMMANDS)}`);
    quietSdkGlobalLogger();
    const { devnet, startedHere } = await devnetForBench(log);
    const config = await loadTestNetworkConfig();
    const eastAfrica = homeserverOf(devnet, "east-africa");
    const mena = homeserverOf(devnet, "mena");
    const networkServers = config.regions.map((region) => homeserverOf(devnet, region.id).serverName);
    const tempDir = await mkdtemp(join(tmpdir(), "meridian-bench-latency-"));
    const redisPrefix = `bench:${uniqueLocalpart("latency")}`;
    const redis = new Redis(devnet.redis.url, { maxRetriesPerRequest: null });
    let bot: BotProcess | undefined;
    let baseline: BotProcess | undefined;
    let tester: MatrixClient | undefined;
    let watcher: ReturnType<typeof replyWatcher> | undefined;
    try {
      const [testerUser, botUser, baselineUser]: TestUser[] = await Promise.all([
        registerTestUser(eastAfrica, uniqueLocalpart("bench-tester")),
        registerTestUser(mena, uniqueLocalpart("bench-bot")),
        registerTestUser(mena, uniqueLocalpart("bench-echo")),
      ]);
      if (testerUser === undefined || botUser === undefined || baselineUser === undefined)
        throw new Error("registration returned too few users");

      bot = spawnTestBot({
        homeserverUrl: mena.clientUrl,
        userId: botUser.userId,
        password: botUser.password,
        storeKey: randomBytes(32).toString("base64"),
        stateDir: join(tempDir, "bot"),
        redisUrl: devnet.redis.url,
        redisPrefix,
        networkServers,
      });
      baseline = spawnEchoBaseline({
        homeserverUrl: mena.clientUrl,
        userId: baselineUser.userId,
        password: baselineUser.password,
        networkServers,
      });
      const [botDevice, baselineDevice] = await Promise.all([bot.ready(), baseline.ready()]);
      log(
        `bot ${botUser.userId} (${botDevice}) and baseline ${baselineUser.userId} (${baselineDevice}) ready`,
      );
      const botRssStart = await residentMb(bot.child.pid);

      tester = await startTestClient({
        baseUrl: eastAfrica.clientUrl,
        userId: testerUser.userId,
        password: testerUser.password,
      });
      watcher = replyWatcher(tester);
      const ours: Target = {
        name: "ours",
        userId: botUser.userId,
        roomId: await createEncryptedRoom(tester, botUser.userId),
        samples: [],
      };
      const bare: Target = {
        name: "baseline",
        userId: baselineUser.userId,
        roomId: await createEncryptedRoom(tester, baselineUser.userId),
        samples: [],
      };

      const client = tester;
      const replyWatch = watcher;
      let sequence = 0;
      const command = async (target: Target): Promise<number> => {
        sequence += 1;
        const text = String(sequence);
        const reply = replyWatch.expect(target.roomId, target.userId, `echo: ${text}`);
        const sentAt = performance.now();
        await client.sendTextMessage(target.roomId, `!echo ${text}`);
        return (await reply) - sentAt;
      };

      for (let i = 0; i < WARM_UP; i++) {
        await command(ours);
        await command(bare);
      }
      log(`warmed up with ${WARM_UP} commands each`);

      for (let done = 0; done < COMMANDS; done += BLOCK) {
        const size = Math.min(BLOCK, COMMANDS - done);
        for (const target of [ours, bare])
          for (let i = 0; i < size; i++) target.samples.push(await command(target));
        if ((done + size) % 50 === 0 || done + size === COMMANDS)
          log(
            `${done + size}/${COMMANDS}: p50 ours ${percentile(ours.samples, 50).toFixed(1)} ms, baseline ${percentile(bare.samples, 50).toFixed(1)} ms`,
          );
      }

      // Memory: the bot joins 50 more encrypted rooms, five at a time.
      for (let created = 0; created < MEMORY_ROOMS; created += 5) {
        const batch = Math.min(5, MEMORY_ROOMS - created);
        await Promise.all(Array.from({ length: batch }, () => createEncryptedRoom(client, botUser.userId)));
      }
      // Let the joins' syncs and the store snapshots after them settle before reading.
      await delay(5_000);
      const botRss50 = await residentMb(bot.child.pid);
      log(
        `bot resident memory: ${botRssStart.toFixed(1)} MiB at start, ${botRss50.toFixed(1)} MiB in ${MEMORY_ROOMS + 1} rooms`,
      );

      const p50 = percentile(ours.samples, 50);
      const p95 = percentile(ours.samples, 95);
      const p99 = percentile(ours.samples, 99);
      const baselineP50 = percentile(bare.samples, 50);
      const ratio = p50 / baselineP50;
      return {
        figures: {
          p50_ms: round(p50, 1),
          p95_ms: round(p95, 1),
          p99_ms: round(p99, 1),
          baseline_p50_ms: round(baselineP50, 1),
          baseline_p95_ms: round(percentile(bare.samples, 95), 1),
          baseline_p99_ms: round(percentile(bare.samples, 99), 1),
          ratio: round(ratio, 3),
          samples: ours.samples.length,
          bot_rss_mb_start: round(botRssStart, 1),
          bot_rss_mb_50_rooms: round(botRss50, 1),
        },
        targets: [
          { figure: "ratio", target: "<= 1.15", met: ratio <= 1.15, baseline: "baseline_p50_ms" },
          { figure: "p99_ms", target: "< 3 x p50_ms", met: p99 < 3 * p50 },
        ],
        notes: [
          `send to decrypted reply, tester on ${eastAfrica.id}, bot and baseline on ${mena.id}, encrypted rooms; ${WARM_UP} warm-up commands each not counted; ${String(COMMANDS)} commands each, alternating in blocks of ${BLOCK}`,
          "baseline: bare matrix-js-sdk client, Rust crypto in memory, own process, same reply content; ours: the test bot (run-test-bot.ts) through the full runtime",
          `bot RSS (VmRSS) after READY, and after joining ${MEMORY_ROOMS} further encrypted rooms (plus the benchmark room)`,
        ],
      };
    } catch (error) {
      if (bot !== undefined) log(`bot output (tail):\n${tailOf(bot)}`);
      if (baseline !== undefined) log(`baseline output (tail):\n${tailOf(baseline)}`);
      throw error;
    } finally {
      watcher?.stop();
      if (tester !== undefined) stopTestClient(tester);
      await Promise.all([
        bot === undefined ? undefined : stopProcess("the bot", bot, log),
        baseline === undefined ? undefined : stopProcess("the baseline", baseline, log),
      ]);
      // The runtime's own keys, and BullMQ's (which cannot have ":" in their prefix).
      for (const prefix of [redisPrefix, redisPrefix.replaceAll(":", "-")])
        await deleteKeys(redis, prefix).catch(() => undefined);
      redis.disconnect();
      await rm(tempDir, { recursive: true, force: true });
      if (startedHere) {
        const stopped = await down(devnetDir(), { log: () => undefined });
        if (!stopped.ok) log(`stopping the devnet: ${stopped.error.message}`);
      }
    }
  },
};
