/**
 * bench/route: practice requests routed per second end to end, and the time to a ready case
 * room, with the bare cost of the same rooms on the same Synapse as the baseline (issue 6).
 *
 * On a fresh provisioned copy of the example network plus 50 generated requesters (people,
 * so the router takes their requests; regions in turn, English), the router bot runs in this
 * process (`startBot`, command rate not limiting). The requesters' clients (Rust crypto) run
 * in a worker thread (bench/support/route-requesters.ts), each with its encrypted direct chat
 * with the bot opened, and a first message sent, before anything is timed. Then all of them
 * file their 4 requests at once (200 in all): `!request topic:… lang:en urgency:low …`, over
 * the topics that have an English-speaking expert, so each is offered to an expert.
 *
 * Ready: the case room exists with its expert invited and offered the case. Per request, t0
 * is taken just before its send; it is ready once both (a) the expert's homeserver shows the
 * expert's invite to the room named `Request <case id>` (a bare /sync per expert in a second
 * worker, bench/support/route-invite-watch.ts), and (b) the requester has decrypted the bot's
 * answer “Your request <case id> is filed…” to that command, which the bot sends only after
 * the expert was invited, offered the case and the case record written. Ready time is the
 * later of the two, minus t0. Throughput: ready requests / (last ready − first t0).
 *
 * Baseline, same Synapse, same run: a bare matrix-js-sdk client (no crypto, no sync) on the
 * bot's homeserver does for each request what the router's case room needs from Synapse:
 * /createRoom with the bot's own body (private, encrypted, room version 12, from
 * bots/runtime/matrix/create-room-request.ts), invite the requester, invite the expert
 * routing would pick; with the concurrency the bot gets (one chain per requester, since
 * the bot handles one room's commands in order and different rooms' at once). Ready: the
 * expert's invite seen by the same watcher. It runs before and after the routed requests
 * (machine drift hits both alike); its figures pool the two. `baseline_room_ms` is one room's
 * cost at that concurrency (from when its chain started it); `baseline_p95_ready_ms` counts
 * from the start of the phase, as the routed requests do (all asked for at once, each chain
 * in order), and `ratio` = p95_ready_ms / baseline_p95_ready_ms.
 *
 * Counted: `missing`, requests not ready `BENCH_ROUTE_DEADLINE_S` (default 600) after the
 * first send; `duplicates`, case rooms beyond one per request (per requester, the case rooms
 * they are invited to and the case ids the bot answered them with, against the requests they
 * filed; plus case rooms only an expert was invited to); `extra_offers`, expert invites beyond
 * one per case. `BENCH_ROUTE_REQUESTS` (200) and `BENCH_ROUTE_USERS` (50) change the load.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { createClient, type MatrixClient } from "matrix-js-sdk";
import { routeBot } from "../bots/route/route-bot.ts";
import { invitePolicyFromConfig } from "../bots/runtime/invites/decide-invite.ts";
import { createRoomRequest } from "../bots/runtime/matrix/create-room-request.ts";
import { rolesFromConfig } from "../bots/runtime/roles/roles-of.ts";
import { startBot, type RunningBot } from "../bots/runtime/start-bot.ts";
import { Secret, type NetworkConfig, type PersonConfig } from "../config/index.ts";
import { personById } from "../config/queries.ts";
import { down } from "../devnet/index.ts";
import { devnetDir } from "../bin/commands/cli-options.ts";
import { createLogger } from "../lib/logger.ts";
import type { UserId } from "../lib/matrix-ids.ts";
import { quietSdkGlobalLogger } from "../lib/sdk-logger.ts";
import { homeserverOf, registerTestUser } from "../tests/support/devnet-access.ts";
import { createTestNetwork, type TestNetwork } from "../tests/support/test-network.ts";
import { devnetForBench } from "./support/devnet-for-bench.ts";
import type { InviteSeen, InviteWatchMethods, WatchEvent } from "./support/route-invite-watch.ts";
import {
  expectedExperts,
  planRequests,
  requestersOf,
  routeNetworkText,
  type PlannedRequest,
} from "./support/route-network.ts";
import type { BotAnswer, RequestSent, RequesterMethods } from "./support/route-requesters.ts";
import { clockMs, startWorker, type WorkerClient } from "./support/route-worker-rpc.ts";
import type { Benchmark } from "./run.ts";
import { percentile, round } from "./report.ts";

const REQUESTS = Number(process.env["BENCH_ROUTE_REQUESTS"] ?? 200);
const USERS = Number(process.env["BENCH_ROUTE_USERS"] ?? 50);
const DEADLINE_MS = Number(process.env["BENCH_ROUTE_DEADLINE_S"] ?? 600) * 1000;
/** Clients started and direct chats opened this many at a time during setup. */
const SETUP_CONCURRENCY = 5;
/** After the last request is ready: time for a late second case room to show up. */
const SETTLE_MS = 15_000;
/** Between phases: the homeservers finish what the last phase left (federation, syncs). */
const PAUSE_MS = 5_000;
/** Informative only: issue 6 sets no target for the ratio. */
const THROUGHPUT_RATIO_HINT = 0.5;
const CASE_ROOM = /^Request (r[a-z2-9]{6})$/;
const FILED = /^Your request (r[a-z2-9]{6}) is filed\./;

type Log = (line: string) => void;

/**
 * What the bot logged: warnings and errors by message (once `watch()` was called, so start-up
 * chatter of the SDK is left out), when it filed each case (before routing it), and how many
 * commands it answered.
 */
function captureBotLog() {
  const warnings = new Map<string, { count: number; example: string }>();
  const filedAt = new Map<string, number>();
  let watching = false;
  let answered = 0;
  return {
    destination: {
      write(line: string): void {
        let entry: { level?: number; msg?: string; time?: string; caseId?: string };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          return;
        }
        if (entry.msg === "filed a practice request" && entry.caseId !== undefined)
          filedAt.set(entry.caseId, Date.parse(entry.time ?? ""));
        if (entry.msg === "answered a command") answered += 1;
        if (!watching || (entry.level ?? 0) < 40) return;
        const key = `${entry.level === 40 ? "warn" : "error"}: ${entry.msg ?? "?"}`;
        const known = warnings.get(key);
        if (known === undefined) warnings.set(key, { count: 1, example: line.trim().slice(0, 400) });
        else known.count += 1;
      },
    },
    watch: (): void => {
      watching = true;
    },
    filedAt: (): ReadonlyMap<string, number> => filedAt,
    answered: () => answered,
    warnings: () => [...warnings.entries()].map(([key, value]) => ({ key, ...value })),
  };
}

/** Resolves true once `done()` holds (checked on `subscribe`'s signal and every second), false at `deadline`. */
function waitUntil(
  subscribe: (listener: () => void) => () => void,
  done: () => boolean,
  deadline: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (value: boolean): void => {
      if (finished) return;
      finished = true;
      unsubscribe();
      clearInterval(timer);
      clearTimeout(timeout);
      resolve(value);
    };
    const check = (): void => {
      if (done()) finish(true);
    };
    const unsubscribe = subscribe(check);
    const timer = setInterval(check, 1_000);
    const timeout = setTimeout(
      () => {
        finish(done());
      },
      Math.max(0, deadline - clockMs()),
    );
    check();
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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

/** Median of `latencies` (ms) per position of the request in its requester's chat, in seconds. */
function byPosition(latencies: readonly number[], users: number): string {
  const positions: number[][] = [];
  latencies.forEach((latency, index) => {
    const position = Math.floor(index / users);
    (positions[position] ??= []).push(latency);
  });
  return positions
    .map((values, position) => `#${position + 1} ${finite(round(percentile(values, 50) / 1000, 1))} s`)
    .join(", ");
}

/** Latencies (Infinity when not ready) and throughput of one phase. */
interface PhaseTimes {
  readonly latencies: number[];
  readonly ready: number;
  readonly perSecond: number;
  readonly spanS: number;
}

function phaseTimes(t0s: readonly number[], readyAts: readonly (number | undefined)[]): PhaseTimes {
  const latencies = t0s.map((t0, i) => {
    const at = readyAts[i];
    return at === undefined ? Number.POSITIVE_INFINITY : at - t0;
  });
  const done = readyAts.filter((at): at is number => at !== undefined);
  const first = Math.min(...t0s);
  const spanS = done.length === 0 ? Number.NaN : (Math.max(...done) - first) / 1000;
  return { latencies, ready: done.length, perSecond: done.length / spanS, spanS };
}

/** Everything the invite watcher and the requesters reported, as it arrives. */
function createObservations() {
  const invites: InviteSeen[] = [];
  const answers: BotAnswer[] = [];
  const syncErrors: string[] = [];
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  return {
    invites,
    answers,
    syncErrors,
    onWatch: (event: WatchEvent): void => {
      if (event.kind === "invite") invites.push(event);
      else syncErrors.push(`${event.userId}: ${event.message}`);
      changed();
    },
    onAnswer: (answer: BotAnswer): void => {
      answers.push(answer);
      changed();
    },
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
type Observations = ReturnType<typeof createObservations>;

interface BaselineRoom {
  readonly t0: number;
  readonly apiDoneAt: number | undefined;
  readonly error: string | undefined;
}

/**
 * One baseline phase: per requester, a chain creating its rooms one after another, each
 * with the requester and the expected expert invited; ready when the expert's invite is seen.
 */
async function runBaseline(
  label: string,
  client: MatrixClient,
  plan: readonly PlannedRequest[],
  requesters: readonly PersonConfig[],
  experts: readonly PersonConfig[],
  seen: Observations,
  log: Log,
): Promise<PhaseTimes & { fromStart: number[]; errors: string[] }> {
  const userId = client.getUserId() as UserId;
  const nameOf = (index: number): string => `Baseline ${label} ${index}`;
  const rooms = new Array<BaselineRoom | undefined>(plan.length).fill(undefined);
  const chains = new Map<number, PlannedRequest[]>();
  for (const request of plan)
    chains.set(request.requester, [...(chains.get(request.requester) ?? []), request]);
  const started = clockMs();
  await Promise.all(
    [...chains.values()].map(async (chain) => {
      for (const request of chain) {
        const requester = requesters[request.requester];
        const expert = experts[request.index];
        const t0 = clockMs();
        try {
          if (requester === undefined || expert === undefined) throw new Error("no invitees");
          const { room_id: roomId } = await client.createRoom(
            createRoomRequest({ name: nameOf(request.index), initialState: [] }, userId),
          );
          await client.invite(roomId, requester.userId);
          await client.invite(roomId, expert.userId);
          rooms[request.index] = { t0, apiDoneAt: clockMs(), error: undefined };
        } catch (error) {
          rooms[request.index] = {
            t0,
            apiDoneAt: undefined,
            error: error instanceof Error ? error.message : String(error),
          };
        }
      }
    }),
  );
  const byName = new Map(plan.map((request) => [nameOf(request.index), request.index]));
  const readyAt = (): (number | undefined)[] => {
    const at = new Array<number | undefined>(plan.length).fill(undefined);
    for (const invite of seen.invites) {
      const index = invite.name === undefined ? undefined : byName.get(invite.name);
      if (index !== undefined && invite.userId === experts[index]?.userId) at[index] ??= invite.at;
    }
    return at;
  };
  const requests = rooms.filter((room) => room?.error === undefined).length;
  await waitUntil(
    seen.subscribe,
    () => readyAt().filter((at) => at !== undefined).length >= requests,
    clockMs() + DEADLINE_MS,
  );
  const finalAt = readyAt();
  // Per room, from the moment its chain started it: the bare cost of one room at this concurrency.
  const times = phaseTimes(
    rooms.map((room) => room?.t0 ?? started),
    finalAt,
  );
  // Per room, from the start of the phase, as if all were asked for at once (as the routed
  // requests are): a room waits for the ones before it in its chain, as a request does in its chat.
  const fromStart = finalAt.map((at) => (at === undefined ? Number.POSITIVE_INFINITY : at - started));
  const errors = rooms.flatMap((room) => (room?.error === undefined ? [] : [room.error]));
  log(
    `baseline ${label}: ${times.ready}/${plan.length} rooms ready in ${times.spanS.toFixed(1)} s (${times.perSecond.toFixed(2)}/s); per room p50 ${percentile(times.latencies, 50).toFixed(0)} ms, p95 ${percentile(times.latencies, 95).toFixed(0)} ms; from the start p95 ${percentile(fromStart, 95).toFixed(0)} ms${errors.length > 0 ? `, ${errors.length} errors (first: ${errors[0] ?? ""})` : ""}`,
  );
  return { ...times, fromStart, errors };
}

interface RoutedOutcome extends PhaseTimes {
  readonly sent: RequestSent[];
  readonly inviteLatencies: number[];
  readonly answerLatencies: number[];
  readonly sendLatencies: number[];
  /** t0 to the bot's log line "filed a practice request" (room made, request posted, before routing). */
  readonly filedLatencies: number[];
  readonly duplicates: number;
  readonly extraOffers: number;
  readonly refused: string[];
  readonly casesSeen: number;
  readonly expertsOffered: Map<string, number>;
}

/** The routed requests: all sent at once, then followed until every one is ready or the deadline. */
async function runRouted(
  requesters: WorkerClient<RequesterMethods>,
  plan: readonly PlannedRequest[],
  seen: Observations,
  config: NetworkConfig,
  filedAt: ReadonlyMap<string, number>,
  log: Log,
): Promise<RoutedOutcome> {
  const firstAt = clockMs();
  const deadline = firstAt + DEADLINE_MS;
  const sentPromise = requesters.call("fire", {
    requests: plan.map(({ index, requester, body }) => ({ index, requester, body })),
  });
  let sent: RequestSent[] = [];
  const indexOfEvent = new Map<string, number>();

  /** Per request: the case ids the bot answered with, the first such answer, the first expert invite. */
  const follow = () => {
    const caseIds = plan.map(() => new Set<string>());
    const answerAt = new Array<number | undefined>(plan.length).fill(undefined);
    const refused: string[] = [];
    for (const answer of seen.answers) {
      const index = answer.inReplyTo === undefined ? undefined : indexOfEvent.get(answer.inReplyTo);
      if (index === undefined) continue;
      const caseId = FILED.exec(answer.body)?.[1];
      if (caseId === undefined) {
        refused.push(answer.body);
        continue;
      }
      caseIds[index]?.add(caseId);
      answerAt[index] ??= answer.at;
    }
    const expertInvites = new Map<string, InviteSeen[]>();
    for (const invite of seen.invites) {
      const caseId = invite.name === undefined ? undefined : CASE_ROOM.exec(invite.name)?.[1];
      if (caseId !== undefined) expertInvites.set(caseId, [...(expertInvites.get(caseId) ?? []), invite]);
    }
    const inviteAt = caseIds.map((ids) => {
      const times = [...ids].flatMap((id) => (expertInvites.get(id) ?? []).map((invite) => invite.at));
      return times.length === 0 ? undefined : Math.min(...times);
    });
    const readyAt = plan.map((_, i) => {
      const a = answerAt[i];
      const b = inviteAt[i];
      return a === undefined || b === undefined || Math.max(a, b) > deadline ? undefined : Math.max(a, b);
    });
    return { caseIds, answerAt, inviteAt, readyAt, refused, expertInvites };
  };

  const progress = setInterval(() => {
    const now = follow();
    log(
      `${((clockMs() - firstAt) / 1000).toFixed(0)} s: ${now.readyAt.filter((at) => at !== undefined).length}/${plan.length} ready (${now.answerAt.filter((at) => at !== undefined).length} filing answers, ${now.inviteAt.filter((at) => at !== undefined).length} expert invites, ${now.refused.length} other answers)`,
    );
  }, 15_000);
  try {
    sent = await sentPromise;
    for (const request of sent)
      if (request.eventId !== undefined) indexOfEvent.set(request.eventId, request.index);
    const failedSends = sent.filter((request) => request.error !== undefined);
    if (failedSends.length > 0)
      log(`${failedSends.length} sends failed (first: ${failedSends[0]?.error ?? ""})`);
    const expected = sent.length - failedSends.length;
    const all = await waitUntil(
      seen.subscribe,
      () => follow().readyAt.filter((at) => at !== undefined).length >= expected,
      deadline,
    );
    log(all ? "every request is ready" : `deadline: not every request is ready`);
  } finally {
    clearInterval(progress);
  }
  // A late second case room for some request (a command handled twice) has time to show up.
  await delay(SETTLE_MS);
  const final = follow();
  const t0s = plan.map((request) => sent.find((s) => s.index === request.index)?.t0 ?? firstAt);
  const times = phaseTimes(t0s, final.readyAt);
  const since = (ats: readonly (number | undefined)[]): number[] =>
    ats.map((at, i) => (at === undefined ? Number.POSITIVE_INFINITY : at - (t0s[i] ?? firstAt)));

  // Duplicates: per requester, the case rooms they are in or invited to and the case ids the
  // bot answered them with, beyond the number of requests they filed; and case rooms only an
  // expert was invited to (no requester's).
  const rooms = await requesters.call("caseRooms", { pattern: CASE_ROOM.source });
  const casesOf = new Map<number, Set<string>>();
  const add = (requester: number, caseId: string): void => {
    casesOf.set(requester, (casesOf.get(requester) ?? new Set()).add(caseId));
  };
  for (const room of rooms) {
    const caseId = CASE_ROOM.exec(room.name)?.[1];
    if (caseId !== undefined) add(room.requester, caseId);
  }
  plan.forEach((request, i) => {
    for (const caseId of final.caseIds[i] ?? []) add(request.requester, caseId);
  });
  const filedBy = new Map<number, number>();
  for (const request of plan) filedBy.set(request.requester, (filedBy.get(request.requester) ?? 0) + 1);
  let duplicates = 0;
  for (const [requester, cases] of casesOf)
    duplicates += Math.max(0, cases.size - (filedBy.get(requester) ?? 0));
  const requesterCases = new Set([...casesOf.values()].flatMap((cases) => [...cases]));
  duplicates += [...final.expertInvites.keys()].filter((caseId) => !requesterCases.has(caseId)).length;
  const extraOffers = [...final.expertInvites.values()].reduce(
    (sum, invites) => sum + Math.max(0, invites.length - 1),
    0,
  );
  const expertsOffered = new Map<string, number>();
  for (const invites of final.expertInvites.values())
    for (const invite of invites) {
      const person = config.people.find((p) => p.userId === invite.userId);
      const key = person?.id ?? invite.userId;
      expertsOffered.set(key, (expertsOffered.get(key) ?? 0) + 1);
    }
  return {
    ...times,
    sent,
    inviteLatencies: since(final.inviteAt),
    answerLatencies: since(final.answerAt),
    sendLatencies: sent.map((request) => request.sentAt - request.t0),
    // The bot's log time has millisecond precision, on the same clock.
    filedLatencies: since(
      final.caseIds.map((ids) => {
        const times = [...ids].flatMap((id) => {
          const at = filedAt.get(id);
          return at === undefined ? [] : [at];
        });
        return times.length === 0 ? undefined : Math.min(...times);
      }),
    ),
    duplicates,
    extraOffers,
    refused: final.refused,
    casesSeen: new Set([...requesterCases, ...final.expertInvites.keys()]).size,
    expertsOffered,
  };
}

async function startRouteBot(
  net: TestNetwork,
  config: NetworkConfig,
  devnet: Awaited<ReturnType<typeof devnetForBench>>["devnet"],
  deps: { redis: Redis; stateDir: string; redisPrefix: string; logger: ReturnType<typeof createLogger> },
): Promise<RunningBot> {
  const account = config.bots.route;
  const user = net.accounts.get(account.userId);
  if (user === undefined) throw new Error("the route bot has no account");
  const started = await startBot(
    routeBot(config, { prefix: `${deps.redisPrefix}:data` }),
    {
      homeserverUrl: homeserverOf(devnet, account.region).clientUrl,
      userId: account.userId,
      password: new Secret(user.password),
      storeKey: new Secret(randomBytes(32).toString("base64")),
      stateDir: deps.stateDir,
      redisPrefix: deps.redisPrefix,
      // As the integration tests: the per-person command rate must not be what is measured.
      commandRate: { capacity: 1000, refillPerSecond: 1000 },
    },
    {
      logger: deps.logger,
      redis: deps.redis,
      redisUrl: devnet.redis.url,
      rolesOf: rolesFromConfig(config),
      invitePolicy: invitePolicyFromConfig(config),
    },
  );
  if (!started.ok) throw new Error(`the route bot did not start: ${started.error.message}`);
  return started.value;
}

function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}

async function measure(log: Log) {
  const { devnet, startedHere } = await devnetForBench(log);
  const redisPrefix = `bench-route-${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const redis = new Redis(devnet.redis.url, { maxRetriesPerRequest: null });
  const stateDir = await mkdtemp(join(tmpdir(), "meridian-bench-route-"));
  const botLog = captureBotLog();
  const logger = createLogger({ name: "bench-route", level: "info", destination: botLog.destination });
  const seen = createObservations();
  let bot: RunningBot | undefined;
  let requesters: WorkerClient<RequesterMethods> | undefined;
  let watch: WorkerClient<InviteWatchMethods> | undefined;
  let baselineClient: MatrixClient | undefined;
  const onRejection = (reason: unknown): void => {
    log(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  };
  process.on("unhandledRejection", onRejection);
  try {
    quietSdkGlobalLogger();
    let started = performance.now();
    const net = await createTestNetwork(devnet, routeNetworkText(USERS));
    const { config } = net;
    const applied = await net.provision("apply", { config });
    if (!applied.ok || (applied.value.report?.failures.length ?? 0) > 0)
      throw new Error(
        `provisioning failed: ${JSON.stringify(applied.ok ? applied.value.report?.failures[0] : applied.error)}`,
      );
    log(
      `network ${config.network.id} (${config.people.length} people) registered and provisioned in ${secondsSince(started).toFixed(1)} s`,
    );
    const requesterPeople = requestersOf(config);
    if (requesterPeople.length !== USERS) throw new Error(`expected ${USERS} requesters`);
    const plan = planRequests(REQUESTS, USERS);
    const experts = expectedExperts(config, plan, requesterPeople);
    const accountOf = (person: PersonConfig) => {
      const account = net.accounts.get(person.userId);
      if (account === undefined) throw new Error(`no account for ${person.id}`);
      return account;
    };

    // The experts' invites, watched from their homeservers.
    watch = startWorker<InviteWatchMethods>(
      new URL("./support/route-invite-watch.ts", import.meta.url),
      seen.onWatch,
    );
    const expertPeople = [...new Set(config.roles.experts.map((expert) => expert.person))].map((id) => {
      const person = personById(config, id);
      if (person === undefined) throw new Error(`no expert ${id}`);
      return person;
    });
    await watch.call("start", {
      watched: expertPeople.map((person) => ({
        userId: person.userId,
        accessToken: accountOf(person).accessToken,
        baseUrl: homeserverOf(devnet, person.region).clientUrl,
      })),
    });

    started = performance.now();
    bot = await startRouteBot(net, config, devnet, { redis, stateDir, redisPrefix, logger });
    botLog.watch();
    log(`the route bot started in ${secondsSince(started).toFixed(1)} s`);

    started = performance.now();
    requesters = startWorker<RequesterMethods>(
      new URL("./support/route-requesters.ts", import.meta.url),
      seen.onAnswer,
    );
    await requesters.call("start", {
      accounts: requesterPeople.map((person) => ({
        userId: person.userId,
        password: accountOf(person).password,
        baseUrl: homeserverOf(devnet, person.region).clientUrl,
      })),
      botUserId: config.bots.route.userId,
      concurrency: SETUP_CONCURRENCY,
    });
    log(
      `${USERS} requesters signed in, direct chats with the bot open, in ${secondsSince(started).toFixed(1)} s`,
    );

    // The baseline's client: a fresh account on the bot's homeserver, requests only.
    const home = homeserverOf(devnet, config.bots.route.region);
    const baselineUser = await registerTestUser(home, `bench-route-baseline-${net.tag}`);
    baselineClient = createClient({
      baseUrl: home.clientUrl,
      userId: baselineUser.userId,
      accessToken: baselineUser.accessToken,
      deviceId: baselineUser.deviceId,
    });

    await delay(PAUSE_MS);
    const before = await runBaseline("before", baselineClient, plan, requesterPeople, experts, seen, log);
    await delay(PAUSE_MS);
    log(`filing ${REQUESTS} requests from ${USERS} requesters at once`);
    const routed = await runRouted(requesters, plan, seen, config, botLog.filedAt(), log);
    await delay(PAUSE_MS);
    const after = await runBaseline("after", baselineClient, plan, requesterPeople, experts, seen, log);

    const expectedMix = new Map<string, number>();
    for (const expert of experts) expectedMix.set(expert.id, (expectedMix.get(expert.id) ?? 0) + 1);
    return {
      routed,
      before,
      after,
      expectedMix,
      botFiled: botLog.filedAt().size,
      botAnswered: botLog.answered(),
      botWarnings: botLog.warnings(),
      syncErrors: [...seen.syncErrors],
      botHomeserver: config.bots.route.region,
    };
  } finally {
    await requesters?.call("stop").catch(() => undefined);
    await requesters?.terminate();
    await watch?.call("stop").catch(() => undefined);
    await watch?.terminate();
    baselineClient?.stopClient();
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

function mixText(mix: ReadonlyMap<string, number>): string {
  return [...mix.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, n]) => `${id} ${n}`)
    .join(", ");
}

export const benchmark: Benchmark = {
  name: "route",
  key: "route",
  async run(log) {
    if (!Number.isInteger(REQUESTS) || REQUESTS < 1)
      throw new Error(`BENCH_ROUTE_REQUESTS must be a positive integer, not ${String(REQUESTS)}`);
    if (!Number.isInteger(USERS) || USERS < 1 || USERS > 999)
      throw new Error(`BENCH_ROUTE_USERS must be an integer from 1 to 999, not ${String(USERS)}`);
    if (!(DEADLINE_MS > 0)) throw new Error("BENCH_ROUTE_DEADLINE_S must be positive");
    const r = await measure(log);
    const { routed, before, after } = r;
    const missing = REQUESTS - routed.ready;
    const baselineLatencies = [...before.latencies, ...after.latencies];
    const baselineFromStart = [...before.fromStart, ...after.fromStart];
    const baselinePerS = (before.perSecond + after.perSecond) / 2;
    const p95 = percentile(routed.latencies, 95);
    const baselineP95 = percentile(baselineFromStart, 95);
    const throughputRatio = routed.perSecond / baselinePerS;
    const baselineMissing = baselineLatencies.filter((latency) => !Number.isFinite(latency)).length;
    const ms = (value: number): number => finite(round(value, 0));
    return {
      figures: {
        requests: REQUESTS,
        users: USERS,
        requests_per_s: finite(round(routed.perSecond, 2)),
        p95_ready_ms: ms(p95),
        ready_p50_ms: ms(percentile(routed.latencies, 50)),
        ready_max_ms: ms(Math.max(...routed.latencies)),
        case_filed_p95_ms: ms(percentile(routed.filedLatencies, 95)),
        invite_p95_ms: ms(percentile(routed.inviteLatencies, 95)),
        filed_answer_p95_ms: ms(percentile(routed.answerLatencies, 95)),
        send_p95_ms: ms(percentile(routed.sendLatencies, 95)),
        routed_span_s: finite(round(routed.spanS, 1)),
        baseline_rooms_per_s: finite(round(baselinePerS, 2)),
        baseline_p95_ready_ms: ms(baselineP95),
        baseline_room_ms: ms(percentile(baselineLatencies, 50)),
        baseline_room_p95_ms: ms(percentile(baselineLatencies, 95)),
        baseline_before_rooms_per_s: finite(round(before.perSecond, 2)),
        baseline_after_rooms_per_s: finite(round(after.perSecond, 2)),
        throughput_ratio: finite(round(throughputRatio, 3)),
        ratio: finite(round(p95 / baselineP95, 2)),
        missing,
        duplicates: routed.duplicates,
        extra_offers: routed.extraOffers,
        other_answers: routed.refused.length,
        cases_seen: routed.casesSeen,
        bot_cases_filed: r.botFiled,
        bot_commands_answered: r.botAnswered,
        bot_warnings: r.botWarnings.reduce((sum, w) => sum + w.count, 0),
        baseline_missing: baselineMissing,
        baseline_errors: before.errors.length + after.errors.length,
      },
      targets: [
        { figure: "missing", target: "= 0", met: missing === 0 },
        { figure: "duplicates", target: "= 0", met: routed.duplicates === 0 },
        {
          figure: "throughput_ratio",
          target: `>= ${THROUGHPUT_RATIO_HINT} (informative; issue 6 sets none)`,
          met: throughputRatio >= THROUGHPUT_RATIO_HINT,
          baseline: `${round(baselinePerS, 2)} rooms/s`,
        },
      ],
      notes: [
        `${REQUESTS} one-line requests (English, low urgency, 7 topics in turn) from ${USERS} requesters (people added to the example network, regions in turn), all sent at once, each in the requester's own encrypted direct chat with the router; the router bot in this process (startBot, on ${r.botHomeserver}), the requesters' clients (Rust crypto) and the experts' invite watchers (bare /sync) in two worker threads`,
        `ready: the later of the expert's invite to the case room seen by the expert's homeserver sync and the bot's “Your request … is filed” answer decrypted by the requester (sent once the expert was invited and offered the case); from t0 just before the send; requests_per_s = ready requests / (last ready − first t0); p95_ready_ms and the other latencies per request; invite_p95_ms and filed_answer_p95_ms split the two; case_filed_p95_ms is up to the bot's log line "filed a practice request" (case room made, requester invited, request posted, link stored; routing comes next); send_p95_ms is the requester client's own send`,
        `baseline (bare matrix-js-sdk, no crypto) on the bot's homeserver: /createRoom with the bot's body (private, encrypted, room version 12), invite the requester, invite the expert routing picks when taken one by one (${mixText(r.expectedMix)}), ${USERS} chains at once (the bot handles each direct chat in order, different ones at once); ready when the expert's invite is seen by the same watcher; run before and after the routed requests (${round(before.perSecond, 2)} and ${round(after.perSecond, 2)} rooms/s): baseline_rooms_per_s is their mean, the latencies pool both phases`,
        `baseline_room_ms (p50) and baseline_room_p95_ms: per room, from the moment its chain started it (the bare cost of one room at this concurrency); baseline_p95_ready_ms: from the start of the phase, as if all rooms were asked for at once like the routed requests, so a room waits behind the earlier ones of its chain as a request waits in its chat`,
        `ratio = p95_ready_ms / baseline_p95_ready_ms (like for like: both from the moment all were asked for); throughput_ratio = requests_per_s / baseline_rooms_per_s`,
        `median ready time by the request's place in its requester's chat (each chat's requests are handled in order): routed ${byPosition(routed.latencies, USERS)}; baseline from the start, before ${byPosition(before.fromStart, USERS)}, after ${byPosition(after.fromStart, USERS)}`,
        `per case the router does more than the baseline: the case state in the room, the request posted (encrypted, keys shared with the requester's device), a link in its account data, routing (Redis), the invites each waited for in its own sync, the offer posted, the record written, the answer in the direct chat; the experts here have no device with keys, so no room keys go to them`,
        `experts offered (routed): ${mixText(routed.expertsOffered)}`,
        ...(missing === 0
          ? []
          : [
              `${missing} requests not ready ${DEADLINE_MS / 1000} s after the first send: p95_ready_ms and ready_max_ms are null when they fall among them`,
            ]),
        ...(routed.refused.length === 0
          ? []
          : [`answers other than a filing: ${[...new Set(routed.refused)].slice(0, 3).join(" | ")}`]),
        ...r.botWarnings.map((w) => `bot ${w.key} ×${w.count} (after its start), e.g. ${w.example}`),
        ...(r.syncErrors.length === 0
          ? []
          : [`invite watcher sync errors: ${r.syncErrors.length} (first: ${r.syncErrors[0] ?? ""})`]),
      ],
    };
  },
};
