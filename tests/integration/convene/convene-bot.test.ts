/**
 * The convene bot on the devnet, on a private provisioned copy of the example network: an
 * organiser in Europe schedules a convening with East Africa and MENA; members on those
 * homeservers see the announcement, answer by command and by reaction, the card updates in
 * place, the capacity and waitlist behave, and the reminder arrives once although the bot
 * restarts between scheduling and the reminder. A plain member is refused.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { MatrixClient } from "matrix-js-sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { conveneBot } from "../../../bots/convene/convene-bot.ts";
import { invitePolicyFromConfig } from "../../../bots/runtime/invites/decide-invite.ts";
import { rolesFromConfig } from "../../../bots/runtime/roles/roles-of.ts";
import { startBot, type RunningBot } from "../../../bots/runtime/start-bot.ts";
import { Secret, type NetworkConfig } from "../../../config/index.ts";
import { readBotHealth, botHealthKey } from "../../../lib/bot-health-key.ts";
import { createLogger } from "../../../lib/logger.ts";
import { homeserverOf } from "../../support/devnet-access.ts";
import { openInbox, type Inbox } from "../../support/inbox.ts";
import {
  joinInvitedRoom,
  startTestClient,
  stopTestClient,
  waitForMembership,
} from "../../support/matrix-test-client.ts";
import { createTestNetwork, type TestNetwork } from "../../support/test-network.ts";
import { parseIcs } from "../../unit/bots/convene/calendar/parse-ics.ts";
import {
  conveningIndexKeys,
  currentFeedToken,
  publishConvening,
  putFeedToken,
} from "../../../lib/convening-index/index.ts";
import { type Hub, startHub } from "../../../server/start-hub.ts";

const devnet = inject("devnet");
const TIMEOUT = 60_000;
/** The same key across the restart: it seals the bot's stored session and crypto store. */
const STORE_KEY = randomBytes(32).toString("base64");

interface Person {
  readonly id: string;
  readonly userId: string;
  readonly client: MatrixClient;
  readonly inbox: Inbox;
}

let net: TestNetwork;
let config: NetworkConfig;
let redis: Redis;
let stateDir: string;
let bot: RunningBot | undefined;
let hub: Hub | undefined;
const indexKeys = () => conveningIndexKeys(redisPrefix, config.network.id);
const people = new Map<string, Person>();
const rooms = new Map<string, string>();
const redisPrefix = `test-convene-${Date.now().toString(36)}`;

async function startConveneBot(): Promise<RunningBot> {
  const account = config.bots.convene;
  const user = net.accounts.get(account.userId);
  if (user === undefined) throw new Error("the convene bot has an account");
  const started = await startBot(
    conveneBot(config, {
      prefix: `${redisPrefix}:data`,
      // As in meridian bots: the calendar index the hub reads, and private feed URLs on it.
      publish: async (stored) => {
        await publishConvening(redis, indexKeys(), stored.convening, stored.rsvps);
      },
      feeds: {
        index: {
          current: (subject) => currentFeedToken(redis, indexKeys(), subject),
          put: (subject, token) => putFeedToken(redis, indexKeys(), subject, token),
        },
        urlOf: (token) => `${hub?.url ?? ""}/calendars/${token}.ics`,
      },
    }),
    {
      homeserverUrl: homeserverOf(devnet, account.region).clientUrl,
      userId: account.userId,
      password: new Secret(user.password),
      storeKey: new Secret(STORE_KEY),
      stateDir,
      redisPrefix,
      commandRate: { capacity: 1000, refillPerSecond: 1000 },
    },
    {
      logger: createLogger({ name: "convene-test", level: process.env["LOG_LEVEL"] ?? "warn" }),
      redis,
      redisUrl: devnet.redis.url,
      rolesOf: rolesFromConfig(config),
      invitePolicy: invitePolicyFromConfig(config),
    },
  );
  if (!started.ok) throw new Error(started.error.message);
  return started.value;
}

async function joinAs(personId: string, configRoomId: string): Promise<void> {
  const person = people.get(personId);
  const roomId = rooms.get(configRoomId);
  if (person === undefined || roomId === undefined) throw new Error(`no ${personId} or ${configRoomId}`);
  await joinInvitedRoom(person.client, roomId);
}

function person(id: string): Person {
  const found = people.get(id);
  if (found === undefined) throw new Error(`no person ${id}`);
  return found;
}

async function send(personId: string, configRoomId: string, body: string): Promise<void> {
  const roomId = rooms.get(configRoomId);
  if (roomId === undefined) throw new Error(`no room ${configRoomId}`);
  await person(personId).client.sendTextMessage(roomId, body);
}

const fromBot = (body: RegExp) => (message: { sender: string; body: string }) =>
  message.sender === config.bots.convene.userId && body.test(message.body);

describe("the convene bot on the devnet", () => {
  beforeAll(async () => {
    net = await createTestNetwork(devnet);
    config = net.configWith((doc) => {
      // A short lead time so the reminder arrives within the test.
      doc.setIn(["convening", "reminders"], doc.createNode(["1m"]));
    });
    const applied = await net.provision("apply", { config });
    if (!applied.ok || (applied.value.report?.failures.length ?? 0) > 0)
      throw new Error(
        `provisioning failed: ${JSON.stringify(applied.ok ? applied.value.report : applied.error)}`,
      );
    for (const room of applied.value.observed.rooms) rooms.set(room.marker.configId, room.roomId);
    const second = await net.provision("plan", { config });
    if (second.ok)
      for (const room of second.value.observed.rooms) rooms.set(room.marker.configId, room.roomId);

    redis = new Redis(devnet.redis.url, { maxRetriesPerRequest: null });
    stateDir = await mkdtemp(join(tmpdir(), "convene-bot-"));
    hub = await startHub(
      { host: "127.0.0.1", port: 0, network: config },
      {
        logger: createLogger({ name: "convene-test-hub", level: "warn" }),
        readiness: [],
        conveningIndex: { redis, redisPrefix },
      },
    );
    bot = await startConveneBot();

    for (const [id, room] of [
      ["claire-dubois", "europe-practice"],
      ["omar-masri", "mena-practice"],
      ["dawit-bekele", "east-africa-practice"],
    ] as const) {
      const found = config.people.find((candidate) => candidate.id === id);
      const account = found === undefined ? undefined : net.accounts.get(found.userId);
      if (found === undefined || account === undefined) throw new Error(`no account for ${id}`);
      const client = await startTestClient({
        baseUrl: homeserverOf(devnet, found.region).clientUrl,
        userId: found.userId,
        password: account.password,
      });
      people.set(id, { id, userId: found.userId, client, inbox: openInbox(client) });
      await joinAs(id, room);
      // The bot accepted the provisioner's invite when it started; wait until it is in.
      await waitForMembership(client, rooms.get(room) ?? "", config.bots.convene.userId, "join", TIMEOUT);
    }
  }, 240_000);

  afterAll(async () => {
    for (const { client, inbox } of people.values()) {
      inbox.stop();
      stopTestClient(client);
    }
    await bot?.stop();
    await hub?.stop();
    redis.disconnect();
    await rm(stateDir, { recursive: true, force: true });
  });

  let conveningId = "";
  let feedUrl = "";

  it("refuses a plain member who tries to schedule, saying who may", async () => {
    await send("omar-masri", "mena-practice", '!convene schedule "Mine" 2026-12-03 14:00 for 1h with mena');
    const refusal = await person("omar-masri").inbox.next(
      fromBot(/needs .*organisers/),
      TIMEOUT,
      "a refusal",
    );
    expect(refusal.roomId).toBe(rooms.get("mena-practice"));
  });

  it("schedules with two other regions and announces it on their homeservers", async () => {
    // Starts in 150 s; with a 1-minute lead, the reminder is due 90 s from now.
    const start = new Date(Date.now() + 150_000).toISOString().replace(/\.\d+Z$/, "Z");
    await send(
      "claire-dubois",
      "europe-practice",
      `!convene schedule "Listening circle" ${start} for 30m with east-africa, mena cap 1 lang en fr`,
    );
    const done = await person("claire-dubois").inbox.next(
      // Claire reads French: the bot answers each person in their first language it speaks.
      fromBot(/Listening circle\s*» est programmée sous l’identifiant c/),
      TIMEOUT,
      "the schedule reply",
    );
    conveningId = /identifiant (c[a-z0-9]{4})/.exec(done.body)?.[1] ?? "";
    expect(conveningId).not.toBe("");
    for (const [id, room] of [
      ["omar-masri", "mena-practice"],
      ["dawit-bekele", "east-africa-practice"],
    ] as const) {
      const card = await person(id).inbox.next(
        (message) =>
          fromBot(/Listening circle/)(message) &&
          message.roomId === rooms.get(room) &&
          message.replaces === undefined,
        TIMEOUT,
        `the card in ${room}`,
      );
      expect(card.body).toContain(conveningId);
      expect(card.body).toMatch(/Going: 0/);
    }
  });

  it("serves the convening's calendar feed from the hub, readable by an independent parser", async () => {
    await send("claire-dubois", "europe-practice", `!convene feed ${conveningId}`);
    const answer = await person("claire-dubois").inbox.next(
      fromBot(/\/calendars\/[A-Za-z0-9_-]{43}\.ics/),
      TIMEOUT,
      "a feed URL",
    );
    const url = /(http:\/\/\S+\.ics)/.exec(answer.body)?.[1] ?? "";
    feedUrl = url;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const calendar = parseIcs(await response.text());
    expect(calendar.events).toHaveLength(1);
    const [event] = calendar.events;
    expect(event?.uid).toContain(conveningId);
    expect(event?.summary).toBe("Listening circle");
    expect(event?.end).toBe((event?.start ?? 0) + 30 * 60_000);
  });

  it("takes answers by command and by reaction, with a waitlist past the capacity", async () => {
    await send("omar-masri", "mena-practice", `!convene rsvp ${conveningId} yes`);
    await person("omar-masri").inbox.next(
      fromBot(/You're going to “Listening circle”/),
      TIMEOUT,
      "a confirmation",
    );

    const dawit = person("dawit-bekele");
    const card = dawit.inbox
      .messages()
      .find(
        (message) =>
          fromBot(/Listening circle/)(message) && message.roomId === rooms.get("east-africa-practice"),
      );
    expect(card).toBeDefined();
    await dawit.client.sendEvent(
      card!.roomId,
      "m.reaction" as never,
      {
        "m.relates_to": { rel_type: "m.annotation", event_id: card!.eventId, key: "👍" },
      } as never,
    );
    await dawit.inbox.next(fromBot(/number 1 on the waitlist/), TIMEOUT, "a waitlist notice by DM");
    // Every copy of the card is edited in place.
    await dawit.inbox.next(
      (message) => message.replaces === card!.eventId && /Going: 1 · Waitlist: 1/.test(message.body),
      TIMEOUT,
      "the card edited with the new counts",
    );

    await send("omar-masri", "mena-practice", `!convene rsvp ${conveningId} no`);
    await person("omar-masri").inbox.next(fromBot(/given up your place/), TIMEOUT, "the withdrawal reply");
    await dawit.inbox.next(fromBot(/A place opened up/), TIMEOUT, "a promotion notice");
  });

  it("sends the reminder once, although the bot restarts and Redis loses everything before it is due", async () => {
    // A person's own zone is kept in Matrix too, so it outlives Redis like the convenings.
    await send("dawit-bekele", "east-africa-practice", "!convene tz Asia/Kathmandu");
    await person("dawit-bekele").inbox.next(
      fromBot(/Your time zone is now Asia\/Kathmandu/),
      TIMEOUT,
      "the zone confirmation",
    );
    await bot?.stop();
    // Every key of this bot (index, jobs, ledger, marks) goes: the convening lives in Matrix,
    // and the restarted bot must rebuild its index and reminder jobs from there.
    let deleted = 0;
    for (let cursor = "0"; ;) {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${redisPrefix}*`, "COUNT", 500);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
      if (cursor === "0") break;
    }
    expect(deleted).toBeGreaterThan(0);
    bot = await startConveneBot();
    const dawit = person("dawit-bekele");
    const reminder = await dawit.inbox.next(
      fromBot(/Reminder: “Listening circle” starts in 1 minute/),
      150_000,
      "the reminder DM",
    );
    expect(reminder.roomId).not.toBe(rooms.get("east-africa-practice"));
    // Once the reminder queue is empty, count: a duplicate would have been sent by then.
    const key = botHealthKey(redisPrefix, "convene");
    for (let waited = 0; ; waited += 1) {
      const health = await readBotHealth(redis, key);
      const queue = health?.queues["reminder"];
      if (queue !== undefined && queue.waiting + queue.delayed + queue.active === 0) break;
      if (waited > 60) throw new Error("the reminder queue did not drain");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const reminders = dawit.inbox.messages().filter(fromBot(/Reminder: “Listening circle”/));
    expect(reminders.filter((message) => message.roomId === reminder.roomId)).toHaveLength(1);

    // The feed URL handed out before the restart still works: its token was kept in Matrix.
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(parseIcs(await feed.text()).events[0]?.summary).toBe("Listening circle");

    await send("dawit-bekele", "east-africa-practice", `!convene show ${conveningId}`);
    const shown = await dawit.inbox.next(
      (message) => fromBot(/UTC\+5:45/)(message) && message.body.includes("Listening circle"),
      TIMEOUT,
      "the convening shown in Dawit's own zone",
    );
    expect(shown.roomId).toBe(rooms.get("east-africa-practice"));
  }, 240_000);

  it("moves a convening: whoever answered is told, the card and feed change, and the reminder follows", async () => {
    const claire = person("claire-dubois");
    const dawit = person("dawit-bekele");
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    await send(
      "claire-dubois",
      "europe-practice",
      `!convene schedule "Peer exchange" ${inTwoDays} for 45m with east-africa`,
    );
    const done = await claire.inbox.next(
      fromBot(/Peer exchange\s*» est programmée sous l’identifiant c/),
      TIMEOUT,
      "the schedule reply",
    );
    const id = /identifiant (c[a-z0-9]{4})/.exec(done.body)?.[1] ?? "";
    const card = await dawit.inbox.next(
      (message) =>
        fromBot(/Peer exchange/)(message) &&
        message.roomId === rooms.get("east-africa-practice") &&
        message.replaces === undefined,
      TIMEOUT,
      "the card in East Africa",
    );
    await send("dawit-bekele", "east-africa-practice", `!convene rsvp ${id} yes`);
    await dawit.inbox.next(fromBot(/You're going to “Peer exchange”/), TIMEOUT, "a confirmation");
    // The inbox keeps every message: the earlier feed answer (another convening's) is not this one.
    const earlier = new Set(claire.inbox.messages().map((message) => message.eventId));
    await send("claire-dubois", "europe-practice", `!convene feed ${id}`);
    const feed = await claire.inbox.next(
      (message) => !earlier.has(message.eventId) && fromBot(/\/calendars\/[A-Za-z0-9_-]{43}\.ics/)(message),
      TIMEOUT,
      "a feed URL",
    );
    const movedFeedUrl = /(http:\/\/\S+\.ics)/.exec(feed.body)?.[1] ?? "";
    const before = parseIcs(await (await fetch(movedFeedUrl)).text()).events[0];

    // Moved to 100 s from now: with the 1-minute lead, its reminder is due in 40 s.
    const soon = new Date(Date.now() + 100_000);
    await send(
      "claire-dubois",
      "europe-practice",
      `!convene reschedule ${id} ${soon.toISOString().replace(/\.\d+Z$/, "Z")}`,
    );
    await claire.inbox.next(fromBot(/Peer exchange\s*» \(c[a-z0-9]{4}\) a été déplacée/), TIMEOUT, "done");
    await dawit.inbox.next(fromBot(/“Peer exchange” has moved: /), TIMEOUT, "the move, by DM");
    await dawit.inbox.next(
      (message) => message.replaces === card.eventId && message.body !== card.body,
      TIMEOUT,
      "the card edited with the new time",
    );
    const after = parseIcs(await (await fetch(movedFeedUrl)).text()).events[0];
    expect(after?.uid).toBe(before?.uid);
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? Number.MAX_SAFE_INTEGER);
    expect(after?.start).toBe(Math.floor(soon.getTime() / 1000) * 1000);
    await dawit.inbox.next(
      fromBot(/Reminder: “Peer exchange” starts in 1 minute/),
      150_000,
      "the reminder at the new time",
    );
  }, 240_000);

  it("lets only the organiser cancel, tells everyone who answered, and marks the card", async () => {
    await send("omar-masri", "mena-practice", `!convene cancel ${conveningId}`);
    await person("omar-masri").inbox.next(
      fromBot(/cannot run `!convene cancel`/),
      TIMEOUT,
      "a refusal to cancel",
    );
    await send("claire-dubois", "europe-practice", `!convene cancel ${conveningId} venue closed`);
    const dawit = person("dawit-bekele");
    await dawit.inbox.next(
      fromBot(/has been cancelled\. Reason: venue closed/),
      TIMEOUT,
      "a cancellation DM",
    );
    await dawit.inbox.next(
      (message) => message.replaces !== undefined && /CANCELLED/.test(message.body),
      TIMEOUT,
      "the card marked cancelled",
    );
  });
});
