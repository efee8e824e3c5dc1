/**
 * bench/convene: the convene bot's slot search (bench/convene-suggest.ts's `measureSuggest`)
 * and its reminders at scale, through the real pipeline on the devnet.
 *
 * Reminders: on a fresh provisioned copy of the example network (reminder lead "1m"), the
 * convene bot (in this process, `startBot`) creates 1,000 encrypted convening rooms through its
 * own session, each with its organiser invited and joined, its id in the bot's Redis index and
 * one "yes" from that person (bench/support/seed-convenings.ts); once the rooms exist a start
 * minute T is chosen and every convening's state is written, all starting at T. The bot is
 * then restarted: its start (`onStart` → `service.start()`) rebuilds the index from Matrix and
 * schedules the 1,000 reminder jobs (BullMQ), all due at T − 1 min. The person's client (Rust
 * crypto, on the bot's homeserver) counts the reminder DMs ("Reminder: “Bench 0001” starts in
 * 1 minute.", titles unique) and the notices in the convening rooms, from the due time until
 * all have arrived or 10 minutes have passed. Once the queue is empty, a last DM from the bot
 * (sent after every reminder) marks the end: a duplicate sent before it has arrived by then.
 *
 * Targets (issue 5): `suggest_ms` < 50; every reminder delivered exactly once (duplicates 0,
 * missing 0); `reminders_1000_s` is the time from the due time to the last delivery. A reminder
 * not readable by the deadline (due time + 10 min) is missing, and the figures it would decide
 * (`reminders_1000_s`, lag percentiles past the delivered share) are written as null.
 *
 * `BENCH_CONVENINGS` (default 1000), `BENCH_CONVENE_CONCURRENCY` (rooms in flight during
 * setup, default 8) and `BENCH_REMINDER_TIMEOUT_S` (default 600) change the run.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { MatrixClient } from "matrix-js-sdk";
import { conveneBot } from "../bots/convene/convene-bot.ts";
import { reminderJobId } from "../bots/convene/reminders/index.ts";
import { createConveningStore } from "../bots/convene/store/convening-store.ts";
import type { JobHandle } from "../bots/runtime/jobs/index.ts";
import { invitePolicyFromConfig } from "../bots/runtime/invites/decide-invite.ts";
import { rolesFromConfig } from "../bots/runtime/roles/roles-of.ts";
import { startBot, type BotDefinition, type RunningBot } from "../bots/runtime/start-bot.ts";
import { Secret, type NetworkConfig } from "../config/index.ts";
import { down } from "../devnet/index.ts";
import { devnetDir } from "../bin/commands/cli-options.ts";
import { createLogger } from "../lib/logger.ts";
import type { RoomId } from "../lib/matrix-ids.ts";
import { homeserverOf } from "../tests/support/devnet-access.ts";
import { openInbox, type Inbox } from "../tests/support/inbox.ts";
import { stopTestClient, waitFor } from "../tests/support/matrix-test-client.ts";
import { createTestNetwork } from "../tests/support/test-network.ts";
import { measureSuggest } from "./convene-suggest.ts";
import { captureRuntimeHandles } from "./support/capture-runtime-handles.ts";
import {
  collectMessagesFrom,
  type MessagesFrom,
  type ReceivedFrom,
} from "./support/collect-messages-from.ts";
import { devnetForBench } from "./support/devnet-for-bench.ts";
import { createConveningRooms, writeConvenings, type SeedDeps } from "./support/seed-convenings.ts";
import { startPersonClient } from "./support/start-person-client.ts";
import type { Benchmark } from "./run.ts";
import { percentile, round } from "./report.ts";

const CONVENINGS = Number(process.env["BENCH_CONVENINGS"] ?? 1000);
const CONCURRENCY = Number(process.env["BENCH_CONVENE_CONCURRENCY"] ?? 8);
const DELIVERY_TIMEOUT_MS = Number(process.env["BENCH_REMINDER_TIMEOUT_S"] ?? 600) * 1000;
const SUGGEST_TARGET_MS = 50;
const LEAD_MINUTES = 1;
/** The organiser and the one "yes" of every convening: on the bot's homeserver, reads English. */
const PERSON = "amina-yusuf";
const MINUTE_MS = 60_000;
/** At least this long between the end of setup and the start T (so 2 minutes before the due time). */
const START_MARGIN_MS = Number(process.env["BENCH_START_MARGIN_S"] ?? 180) * 1000;
/** Any wording: one sent after the start says "is starting now" or "started … ago" instead. */
const REMINDER = /^Reminder: “(Bench \d{4})” /;
const SENTINEL = "bench sentinel";

type Log = (line: string) => void;

/** Per convening: when each copy of its reminder (DM, room notice) was first readable, and how many came. */
interface Tally {
  readonly dmCount: number[];
  readonly dmFirst: (number | undefined)[];
  readonly dmSent: (number | undefined)[];
  readonly roomCount: number[];
  readonly roomFirst: (number | undefined)[];
  readonly dmRooms: Set<string>;
  other: number;
  /** Reminder DMs sent once the convening had started ("is starting now", "started … ago"). */
  afterStart: number;
  dmsComplete: number;
  roomsComplete: number;
}

function newTally(count: number): Tally {
  return {
    dmCount: new Array<number>(count).fill(0),
    dmFirst: new Array<number | undefined>(count).fill(undefined),
    dmSent: new Array<number | undefined>(count).fill(undefined),
    roomCount: new Array<number>(count).fill(0),
    roomFirst: new Array<number | undefined>(count).fill(undefined),
    dmRooms: new Set(),
    other: 0,
    afterStart: 0,
    dmsComplete: 0,
    roomsComplete: 0,
  };
}

/** Counts one message from the bot into the tally; `roomIndex` maps convening rooms to their index. */
function countInto(
  tally: Tally,
  roomIndex: ReadonlyMap<string, number>,
  titleIndex: ReadonlyMap<string, number>,
  message: ReceivedFrom,
): void {
  const title = REMINDER.exec(message.body)?.[1];
  const index = title === undefined ? undefined : titleIndex.get(title);
  if (index === undefined) {
    if (!message.body.startsWith(SENTINEL)) tally.other += 1;
    return;
  }
  const inRoom = roomIndex.get(message.roomId);
  if (inRoom !== undefined) {
    // A notice naming another convening than its room's is not that room's reminder.
    if (inRoom !== index) {
      tally.other += 1;
      return;
    }
    tally.roomCount[index] = (tally.roomCount[index] ?? 0) + 1;
    if (tally.roomFirst[index] === undefined) {
      tally.roomFirst[index] = message.seenAt;
      tally.roomsComplete += 1;
    }
    return;
  }
  tally.dmRooms.add(message.roomId);
  if (!/” starts in /.test(message.body)) tally.afterStart += 1;
  tally.dmCount[index] = (tally.dmCount[index] ?? 0) + 1;
  if (tally.dmFirst[index] === undefined) {
    tally.dmFirst[index] = message.seenAt;
    tally.dmSent[index] = message.sentAt;
    tally.dmsComplete += 1;
  }
}

/** Resolves once `done()` holds, checked on every message; rejects after `timeoutMs`. */
function until(messages: MessagesFrom, done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return waitFor<undefined>(
    (resolve) => {
      const check = (): void => {
        if (done()) resolve(undefined);
      };
      const unsubscribe = messages.subscribe(check);
      check();
      return unsubscribe;
    },
    Math.max(1, timeoutMs),
    what,
  );
}

/** Resolves once `probe()` holds, asked every `everyMs`; rejects after `timeoutMs`. */
function poll(probe: () => Promise<boolean> | boolean, everyMs: number, timeoutMs: number, what: string) {
  return waitFor<undefined>(
    (resolve) => {
      let busy = false;
      const ask = (): void => {
        if (busy) return;
        busy = true;
        void Promise.resolve(probe())
          .then((holds) => {
            if (holds) resolve(undefined);
          })
          .catch(() => undefined)
          .finally(() => {
            busy = false;
          });
      };
      const timer = setInterval(ask, everyMs);
      ask();
      return () => {
        clearInterval(timer);
      };
    },
    timeoutMs,
    what,
  );
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}

/** A figure that could not be measured (infinite) as NaN, which the JSON report writes as null. */
function finite(value: number): number {
  return Number.isFinite(value) ? value : Number.NaN;
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

function ceilToMinute(at: number): number {
  return Math.ceil(at / MINUTE_MS) * MINUTE_MS;
}

async function measureReminders(log: Log) {
  const { devnet, startedHere } = await devnetForBench(log);
  const redisPrefix = `bench-convene-${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const redis = new Redis(devnet.redis.url, { maxRetriesPerRequest: null });
  const stateDir = await mkdtemp(join(tmpdir(), "meridian-bench-convene-"));
  const storeKey = randomBytes(32).toString("base64");
  const logger = createLogger({ name: "bench-convene", level: process.env["LOG_LEVEL"] ?? "error" });
  let bot: RunningBot | undefined;
  let client: MatrixClient | undefined;
  let messages: MessagesFrom | undefined;
  let inbox: Inbox | undefined;
  let progressTimer: NodeJS.Timeout | undefined;
  // Logged rather than fatal, so that a failure in teardown (see below) still leaves the figures.
  const onRejection = (reason: unknown): void => {
    log(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  };
  process.on("unhandledRejection", onRejection);
  try {
    let started = performance.now();
    const net = await createTestNetwork(devnet);
    const config: NetworkConfig = net.configWith((doc) => {
      doc.setIn(["convening", "reminders"], doc.createNode([`${LEAD_MINUTES}m`]));
    });
    const applied = await net.provision("apply", { config });
    if (!applied.ok || (applied.value.report?.failures.length ?? 0) > 0)
      throw new Error(
        `provisioning failed: ${JSON.stringify(applied.ok ? applied.value.report?.failures[0] : applied.error)}`,
      );
    log(`network ${config.network.id} registered and provisioned in ${secondsSince(started).toFixed(1)} s`);

    const account = config.bots.convene;
    const botAccount = net.accounts.get(account.userId);
    const person = config.people.find((candidate) => candidate.id === PERSON);
    const personAccount = person === undefined ? undefined : net.accounts.get(person.userId);
    if (botAccount === undefined || person === undefined || personAccount === undefined)
      throw new Error(`the test network lacks the convene bot's or ${PERSON}'s account`);
    if (person.region !== account.region)
      throw new Error(`${PERSON} is meant to be on the bot's homeserver (${account.region})`);

    const startConvene = async <S>(definition: BotDefinition<S>): Promise<RunningBot> => {
      const running = await startBot(
        definition,
        {
          homeserverUrl: homeserverOf(devnet, account.region).clientUrl,
          userId: account.userId,
          password: new Secret(botAccount.password),
          storeKey: new Secret(storeKey),
          stateDir,
          redisPrefix,
        },
        {
          logger,
          redis,
          redisUrl: devnet.redis.url,
          rolesOf: rolesFromConfig(config),
          invitePolicy: invitePolicyFromConfig(config),
        },
      );
      if (!running.ok) throw new Error(`the convene bot did not start: ${running.error.message}`);
      return running.value;
    };
    const makeDefinition = () => conveneBot(config, { prefix: `${redisPrefix}:data` });

    const personClient = await startPersonClient({
      baseUrl: homeserverOf(devnet, person.region).clientUrl,
      userId: person.userId,
      password: personAccount.password,
    });
    client = personClient;
    const received = collectMessagesFrom(personClient, account.userId);
    messages = received;

    // Seeding: the real convene bot runs; its runtime's Matrix session writes the rooms.
    const seeder = captureRuntimeHandles(makeDefinition());
    bot = await startConvene(seeder.definition);
    const seederHandles = seeder.handles();
    const seed: SeedDeps = {
      config,
      matrix: seederHandles.matrix,
      // The index as conveneBot lays it out: `<prefix>:<network id>:index`.
      store: createConveningStore(
        seederHandles.matrix,
        seederHandles.redis,
        `${redisPrefix}:data:${config.network.id}:index`,
      ),
      person: person.userId,
      join: async (roomId: RoomId) => {
        await personClient.joinRoom(roomId);
      },
      region: person.region,
      concurrency: CONCURRENCY,
      log,
    };
    started = performance.now();
    log(`creating ${CONVENINGS} convening rooms, ${CONCURRENCY} at a time`);
    const rooms = await createConveningRooms(seed, CONVENINGS);
    const roomsSeconds = secondsSince(started);

    // The start T: once the rest of setup is done (the state writes took up to a quarter of the
    // room work in trial runs, the restart seconds), START_MARGIN_MS ahead, on a whole minute.
    const projectedRestMs = roomsSeconds * 1000 * 0.25 + 30_000;
    const start = ceilToMinute(Date.now() + projectedRestMs + START_MARGIN_MS);
    const dueAt = start - LEAD_MINUTES * MINUTE_MS;
    log(
      `rooms ready in ${roomsSeconds.toFixed(1)} s; every convening starts at ${new Date(start).toISOString()}, reminders due ${new Date(dueAt).toISOString()}`,
    );
    started = performance.now();
    await writeConvenings(seed, rooms, start);
    const stateSeconds = secondsSince(started);
    await bot.stop();
    bot = undefined;

    // The real start: the bot rebuilds its index from Matrix and schedules every reminder.
    started = performance.now();
    const running = captureRuntimeHandles(makeDefinition());
    bot = await startConvene(running.definition);
    const botStartSeconds = secondsSince(started);
    const handles = running.handles();
    const depth = (await handles.jobs.depths())["reminder"];
    const scheduled = (depth?.delayed ?? 0) + (depth?.waiting ?? 0) + (depth?.active ?? 0);
    log(
      `the bot restarted with ${CONVENINGS} convenings in ${botStartSeconds.toFixed(1)} s; reminder queue: ${JSON.stringify(depth)}`,
    );
    if (scheduled === 0)
      throw new Error("the restarted bot scheduled no reminder (is onStart calling service.start()?)");
    const setupEnd = Date.now();
    if (setupEnd > dueAt)
      log(`setup overran the due time by ${((setupEnd - dueAt) / 1000).toFixed(1)} s: reminders start late`);
    else log(`setup done ${((dueAt - setupEnd) / 1000).toFixed(0)} s before the reminders are due`);

    // DMs come from a room the bot creates on the first reminder: the inbox accepts its invite.
    inbox = openInbox(personClient);
    const roomIndex = new Map(rooms.map((room) => [room.roomId as string, room.index]));
    const titleIndex = new Map(rooms.map((room) => [room.title, room.index]));
    const tally = newTally(rooms.length);
    for (const message of received.received()) countInto(tally, roomIndex, titleIndex, message);
    received.subscribe((message) => {
      countInto(tally, roomIndex, titleIndex, message);
    });
    progressTimer = setInterval(() => {
      if (Date.now() < dueAt) return;
      log(
        `${((Date.now() - dueAt) / 1000).toFixed(0)} s after due: ${tally.dmsComplete} DMs, ${tally.roomsComplete} room notices`,
      );
    }, 30_000);
    const all = (): boolean => tally.dmsComplete === rooms.length && tally.roomsComplete === rooms.length;
    const delivered = await until(
      received,
      all,
      dueAt + DELIVERY_TIMEOUT_MS - Date.now(),
      `${rooms.length} reminder DMs and room notices`,
    ).then(
      () => true,
      (error: unknown) => {
        log(error instanceof Error ? error.message : String(error));
        return false;
      },
    );
    clearInterval(progressTimer);
    progressTimer = undefined;
    log(
      `${delivered ? "all delivered" : "timed out"}: ${tally.dmsComplete} DMs, ${tally.roomsComplete} room notices`,
    );

    // Counting duplicates: wait until the queue is empty (no reminder left to send or retry),
    // then for a last DM the bot sends after all of them. Past the deadline the rest is
    // cancelled: only the one being sent finishes. (Stopping the bot mid-send would also crash
    // this process: the bot stops its client before its job workers.)
    let cancelled = 0;
    if (!delivered) {
      const reminderKind: JobHandle<object> = { name: "reminder" };
      for (const room of rooms)
        if (await handles.jobs.cancel(reminderKind, reminderJobId(room.id, start, LEAD_MINUTES)))
          cancelled += 1;
      log(`cancelled the ${cancelled} reminders still queued at the deadline`);
    }
    const drained = await poll(
      async () => {
        const now = (await handles.jobs.depths())["reminder"];
        return now !== undefined && now.waiting + now.delayed + now.active === 0;
      },
      500,
      120_000,
      "the reminder queue to empty",
    ).then(
      () => true,
      () => false,
    );
    const finalDepth = (await handles.jobs.depths())["reminder"];
    const sentinel = `${SENTINEL} ${redisPrefix}`;
    const sent = await handles.matrix.sendDirect(
      person.userId,
      { msgtype: "m.notice", body: sentinel },
      `${redisPrefix}-sentinel`,
    );
    if (!sent.ok) throw new Error(`the closing DM was not sent: ${sent.error.errcode}`);
    await until(
      received,
      () => received.received().some((message) => message.body === sentinel),
      60_000,
      "the closing DM",
    );
    // Whatever arrived encrypted before the sentinel gets a moment to decrypt.
    await poll(() => received.unreadable() === 0, 200, 30_000, "every message to decrypt").catch(
      () => undefined,
    );

    // Per convening, due time to first readable; Infinity when it had not come by the deadline.
    const deadline = dueAt + DELIVERY_TIMEOUT_MS;
    const lagsOf = (firsts: readonly (number | undefined)[]): number[] =>
      firsts.map((at) => (at === undefined || at > deadline ? Number.POSITIVE_INFINITY : at - dueAt));
    const extra = (counts: number[]): number => counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    return {
      convenings: rooms.length,
      setup: { roomsSeconds, stateSeconds, botStartSeconds, scheduled },
      delivered,
      drained,
      finalDepth,
      dmLags: lagsOf(tally.dmFirst),
      roomLags: lagsOf(tally.roomFirst),
      sentLags: tally.dmSent.flatMap((at) => (at === undefined ? [] : [at - dueAt])),
      cancelled,
      dmDuplicates: extra(tally.dmCount),
      roomDuplicates: extra(tally.roomCount),
      dmRooms: tally.dmRooms.size,
      other: tally.other,
      afterStart: tally.afterStart,
      unreadable: received.unreadable(),
      timelineResets: received.timelineResets(),
      person: person.userId,
      region: person.region,
    };
  } finally {
    if (progressTimer !== undefined) clearInterval(progressTimer);
    inbox?.stop();
    messages?.stop();
    if (client !== undefined) stopTestClient(client);
    await bot?.stop();
    await deleteKeys(redis, redisPrefix).catch(() => undefined);
    redis.disconnect();
    await rm(stateDir, { recursive: true, force: true });
    await rm(`${stateDir}.recovery-key`, { force: true });
    if (startedHere) {
      const stopped = await down(devnetDir(), { log: () => undefined });
      if (!stopped.ok) log(`stopping the devnet: ${stopped.error.message}`);
    }
    process.off("unhandledRejection", onRejection);
  }
}

export const benchmark: Benchmark = {
  name: "convene",
  key: "convene",
  async run(log) {
    if (!Number.isInteger(CONVENINGS) || CONVENINGS < 1 || CONVENINGS > 9999)
      throw new Error(`BENCH_CONVENINGS must be an integer from 1 to 9999, not ${String(CONVENINGS)}`);
    if (!Number.isInteger(CONCURRENCY) || CONCURRENCY < 1)
      throw new Error(`BENCH_CONVENE_CONCURRENCY must be a positive integer, not ${String(CONCURRENCY)}`);
    const suggest = await measureSuggest(log);
    const r = await measureReminders(log);
    const n = r.convenings;
    const arrived = (lags: number[]): number[] => lags.filter((lag) => Number.isFinite(lag));
    const dmMissing = n - arrived(r.dmLags).length;
    const roomMissing = n - arrived(r.roomLags).length;
    const duplicates = r.dmDuplicates + r.roomDuplicates;
    const missing = dmMissing + roomMissing;
    // Infinite when some reminder never came: written as null ("not reached"), never as the timeout.
    const allMs = Math.max(...r.dmLags, ...r.roomLags);
    const lastDmMs = Math.max(0, ...arrived(r.dmLags));
    const ratePerS = arrived(r.dmLags).length / (lastDmMs / 1000);
    const setupSeconds = r.setup.roomsSeconds + r.setup.stateSeconds + r.setup.botStartSeconds;
    return {
      figures: {
        suggest_ms: suggest.suggest_ms,
        suggest_calls: suggest.calls,
        [`reminders_${n}_s`]: finite(round(allMs / 1000, 1)),
        reminders_duplicates: duplicates,
        reminders_missing: missing,
        reminders_delivered: arrived(r.dmLags).length,
        reminders_sent_after_start: r.afterStart,
        reminders_cancelled_after_deadline: r.cancelled,
        reminders_p50_lag_ms: finite(round(percentile(r.dmLags, 50), 0)),
        reminders_p99_lag_ms: finite(round(percentile(r.dmLags, 99), 0)),
        reminders_first_lag_ms: finite(round(percentile(r.dmLags, 0), 0)),
        reminders_last_sent_s: round(Math.max(0, ...r.sentLags) / 1000, 1),
        reminders_per_s: round(ratePerS, 2),
        room_notices_p50_lag_ms: finite(round(percentile(r.roomLags, 50), 0)),
        dm_duplicates: r.dmDuplicates,
        dm_missing: dmMissing,
        room_notice_duplicates: r.roomDuplicates,
        room_notice_missing: roomMissing,
        dm_rooms: r.dmRooms,
        unexpected_messages: r.other,
        unreadable_messages: r.unreadable,
        person_timeline_resets: r.timelineResets,
        convenings: n,
        reminders_scheduled: r.setup.scheduled,
        setup_rooms_s: round(r.setup.roomsSeconds, 1),
        setup_ms_per_room: round((r.setup.roomsSeconds * 1000) / n, 0),
        setup_state_s: round(r.setup.stateSeconds, 1),
        bot_start_s: round(r.setup.botStartSeconds, 1),
        setup_s: round(setupSeconds, 1),
      },
      targets: [
        {
          figure: "suggest_ms",
          target: `< ${SUGGEST_TARGET_MS}`,
          met: suggest.suggest_ms < SUGGEST_TARGET_MS,
        },
        { figure: "reminders_duplicates", target: "= 0", met: duplicates === 0 },
        { figure: "reminders_missing", target: "= 0", met: missing === 0 },
      ],
      notes: [
        `suggest_ms: median of ${suggest.calls} suggestSlots calls, ${suggest.regions} regions, 4-week window (see bench/convene-suggest.ts)`,
        `reminders: ${n} convenings seeded through the convene bot's own session and store (rooms created by the bot, ${r.person} invited, joined and answering yes), all starting at the same minute; the bot restarted and its start scheduled the reminder jobs (BullMQ); lead time ${LEAD_MINUTES} min`,
        `each convening's reminder counts twice: a DM to ${r.person} and a notice in the convening room (${2 * n} messages); duplicates and missing sum both (dm_* and room_notice_* split them); missing = not received ${DELIVERY_TIMEOUT_MS / 1000} s after the due time`,
        `reminders_${n}_s: due time to the last message readable in the person's client (Rust crypto); lags are per DM, due time to decrypted in the client; reminders_last_sent_s uses the homeserver's timestamp of the last DM`,
        `one process holds the bot and the person's client; the person is on the bot's homeserver (${r.region}), so no federation is measured; setup: rooms ${CONCURRENCY} at a time`,
        ...(missing === 0
          ? []
          : [
              `not all delivered within ${DELIVERY_TIMEOUT_MS / 1000} s: reminders_${n}_s and the lag percentiles it did not reach are null (NaN in latest.md); at ${ratePerS.toFixed(2)} reminders/s all ${n} would take about ${Math.round(n / ratePerS)} s`,
            ]),
        ...(r.drained ? [] : [`the reminder queue had not emptied: ${JSON.stringify(r.finalDepth)}`]),
      ],
    };
  },
};
