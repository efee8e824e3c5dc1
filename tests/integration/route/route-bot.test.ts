/**
 * The router bot on the devnet, on a private provisioned copy of the example network:
 * - a practitioner in East Africa files a French request; an expert in Europe who speaks
 *   French receives the case, accepts and answers; resolve and close work;
 * - an anonymous case (messages both ways, an SLA escalation, a reassign) leaves no trace of
 *   the requester's id, localpart or names in any room the experts are in, while a leaky
 *   relay's message in such a room is caught by the same check;
 * - an unaccepted request escalates once, to the next step, across a restart of the bot;
 * - malformed requests and requests from rooms the bot does not route from are refused.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { Preset, type MatrixClient } from "matrix-js-sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { routeBot } from "../../../bots/route/route-bot.ts";
import { findIdentityLeaks } from "../../../bots/route/relay/index.ts";
import { invitePolicyFromConfig } from "../../../bots/runtime/invites/decide-invite.ts";
import { rolesFromConfig } from "../../../bots/runtime/roles/roles-of.ts";
import { startBot, type RunningBot } from "../../../bots/runtime/start-bot.ts";
import { Secret, type NetworkConfig } from "../../../config/index.ts";
import { createLogger } from "../../../lib/logger.ts";
import {
  askRouter,
  createReplyListener,
  requestIntakeKeys,
  serveIntake,
} from "../../../lib/request-intake/index.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { homeserverOf } from "../../support/devnet-access.ts";
import { openInbox, type Inbox, type InboxMessage } from "../../support/inbox.ts";
import { startTestClient, stopTestClient, waitForMembership } from "../../support/matrix-test-client.ts";
import { readRoomEvents } from "../../support/read-room-events.ts";
import { createTestNetwork, type TestNetwork } from "../../support/test-network.ts";

const devnet = inject("devnet");
const TIMEOUT = 60_000;
const STORE_KEY = randomBytes(32).toString("base64");
/** High urgency's acceptance SLA in this test: short enough to lapse while it runs. */
const SHORT_SLA = "25s";

interface Person {
  readonly id: string;
  readonly userId: UserId;
  readonly displayName: string;
  readonly client: MatrixClient;
  readonly inbox: Inbox;
  /** Their direct chat with the router, once opened. */
  dm?: string;
}

let net: TestNetwork;
let config: NetworkConfig;
let redis: Redis;
let stateDir: string;
let bot: RunningBot | undefined;
const people = new Map<string, Person>();
const rooms = new Map<string, string>();
const redisPrefix = `test-route-${Date.now().toString(36)}`;
const logger = createLogger({ name: "route-test", level: process.env["LOG_LEVEL"] ?? "warn" });
const intakeKeys = () => requestIntakeKeys(redisPrefix, config.network.id);
const intakeStops: (() => Promise<void>)[] = [];

async function stopRouteBot(): Promise<void> {
  for (const stop of intakeStops.splice(0)) await stop();
  await bot?.stop();
}

async function startRouteBot(): Promise<RunningBot> {
  const account = config.bots.route;
  const user = net.accounts.get(account.userId);
  if (user === undefined) throw new Error("the route bot has an account");
  const started = await startBot(
    routeBot(config, {
      prefix: `${redisPrefix}:data`,
      // As in meridian bots: requests the hub passes on, over pub/sub on a connection of its own.
      serveIntake: async (handler) => {
        const subscriber = redis.duplicate();
        const server = await serveIntake(subscriber, redis, intakeKeys(), handler, logger);
        intakeStops.push(async () => {
          await server.stop();
          subscriber.disconnect();
        });
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
      logger,
      redis,
      redisUrl: devnet.redis.url,
      rolesOf: rolesFromConfig(config),
      invitePolicy: invitePolicyFromConfig(config),
    },
  );
  if (!started.ok) throw new Error(started.error.message);
  return started.value;
}

function person(id: string): Person {
  const found = people.get(id);
  if (found === undefined) throw new Error(`no person ${id}`);
  return found;
}

const botId = (): string => config.bots.route.userId;
const fromBot = (pattern: RegExp, roomId?: string) => (message: InboxMessage) =>
  message.sender === botId() &&
  pattern.test(message.body) &&
  (roomId === undefined || message.roomId === roomId);

/** The person's direct chat with the router (opened on first use, as a client would). */
async function dmOf(p: Person): Promise<string> {
  if (p.dm !== undefined) return p.dm;
  const { room_id: roomId } = await p.client.createRoom({
    preset: Preset.TrustedPrivateChat,
    is_direct: true,
    invite: [botId()],
    initial_state: [
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ],
  });
  await waitForMembership(p.client, roomId, botId(), "join", TIMEOUT);
  p.dm = roomId;
  return roomId;
}

async function say(p: Person, roomId: string, body: string): Promise<void> {
  await p.client.sendTextMessage(roomId, body);
}

/** A wait for a message that arrives after this call (the inbox keeps earlier tests' messages). */
function after(
  p: Person,
): (accept: (m: InboxMessage) => boolean, what: string, timeoutMs?: number) => Promise<InboxMessage> {
  const seen = new Set(p.inbox.messages().map((m) => m.eventId));
  return (accept, what, timeoutMs = TIMEOUT) =>
    p.inbox.next((m) => !seen.has(m.eventId) && accept(m), timeoutMs, what);
}

/**
 * An offer of `caseId` reached this expert: the offer notice, or the request text the bot posts
 * right after it. Either proves the invite and the offer. Both are awaited because, under load,
 * the first message after an invite has at times not decrypted for the invitee (see the
 * closing note of issue 6); the text after it always has.
 */
const offerOf = (caseId: string, roomId?: string) => (message: InboxMessage) =>
  fromBot(new RegExp(`${caseId}.*(offered|proposée)|^(Request|Demande) ${caseId} `), roomId)(message);

/** Offers of `caseId` this expert received: the request text is posted once per offer. */
const offersOf = (expert: Person, caseId: string): number =>
  expert.inbox
    .messages()
    .filter((m) => m.sender === botId() && new RegExp(`^(Request|Demande) ${caseId} `).test(m.body)).length;

const caseIdIn = (body: string): string => {
  const id = /\br[a-z2-9]{6}\b/.exec(body)?.[0];
  if (id === undefined) throw new Error(`no case id in "${body}"`);
  return id;
};

describe("the router bot on the devnet", () => {
  beforeAll(async () => {
    net = await createTestNetwork(devnet);
    config = net.configWith((doc) => {
      doc.setIn(["routing", "sla", "high", "acceptWithin"], SHORT_SLA);
    });
    const applied = await net.provision("apply", { config });
    if (!applied.ok || (applied.value.report?.failures.length ?? 0) > 0)
      throw new Error(
        `provisioning failed: ${JSON.stringify(applied.ok ? applied.value.report : applied.error)}`,
      );
    // What apply observed predates the rooms it created: a second look finds them all.
    const observed = await net.provision("plan", { config });
    if (!observed.ok) throw new Error("could not observe the provisioned network");
    for (const room of observed.value.observed.rooms) rooms.set(room.marker.configId, room.roomId);

    redis = new Redis(devnet.redis.url, { maxRetriesPerRequest: null });
    stateDir = await mkdtemp(join(tmpdir(), "route-bot-"));
    bot = await startRouteBot();

    for (const id of [
      "hodan-abdi",
      "samira-el-idrissi",
      "amina-yusuf",
      "dawit-bekele",
      "rania-khoury",
      "omar-masri",
    ]) {
      const found = config.people.find((candidate) => candidate.id === id);
      const account = found === undefined ? undefined : net.accounts.get(found.userId);
      if (found === undefined || account === undefined) throw new Error(`no account for ${id}`);
      const client = await startTestClient({
        baseUrl: homeserverOf(devnet, found.region).clientUrl,
        userId: found.userId,
        password: account.password,
      });
      people.set(id, {
        id,
        userId: found.userId,
        displayName: found.displayName,
        client,
        inbox: openInbox(client),
      });
    }
  }, 240_000);

  afterAll(async () => {
    for (const { client, inbox } of people.values()) {
      inbox.stop();
      stopTestClient(client);
    }
    await stopRouteBot();
    redis.disconnect();
    await rm(stateDir, { recursive: true, force: true });
  });

  it("routes a French request from East Africa to a French-speaking expert in Europe, who accepts, answers and resolves", async () => {
    const hodan = person("hodan-abdi");
    const samira = person("samira-el-idrissi");
    const dm = await dmOf(hodan);
    const hodanNext = after(hodan);
    await say(
      hodan,
      dm,
      "!request topic:mothers lang:fr urgency:normal Comment associer les groupes de mères à la prévention dans mon quartier ?",
    );
    const filed = await hodanNext(fromBot(/est enregistrée/, dm), "the filing reply in French");
    const caseId = caseIdIn(filed.body);
    // Samira: the mothers pool's French speaker (the East African pool has none).
    const offered = await samira.inbox.next(offerOf(caseId), TIMEOUT, "the offer");
    const caseRoom = offered.roomId;
    const posted = await samira.inbox.next(
      fromBot(/Comment associer les groupes de mères/, caseRoom),
      TIMEOUT,
      "the request text in the case room",
    );
    expect(posted.body).toContain("Hodan Abdi");

    await say(samira, caseRoom, "!case accept");
    await hodan.inbox.next(
      fromBot(/Un expert a pris votre demande/, caseRoom),
      TIMEOUT,
      "the acceptance notice",
    );
    await say(samira, caseRoom, "Bonjour, voici comment nous avons fait à Lyon.");
    await hodan.inbox.next(
      (m) => m.sender === samira.userId && m.roomId === caseRoom && /Lyon/.test(m.body),
      TIMEOUT,
      "the expert's answer",
    );
    await say(samira, caseRoom, "!case resolve guide partagé");
    await hodan.inbox.next(
      fromBot(/résolue : guide partagé/, caseRoom),
      TIMEOUT,
      "the resolution with its summary",
    );
    await say(hodan, caseRoom, "!case close");
    await hodan.inbox.next(fromBot(/maintenant : closed/, caseRoom), TIMEOUT, "the close");
  }, 180_000);

  it("keeps an anonymous requester unknown to the experts through messages, an escalation and a reassign", async () => {
    const amina = person("amina-yusuf");
    const [dawit, samira, rania] = ["dawit-bekele", "samira-el-idrissi", "rania-khoury"].map(person);
    if (dawit === undefined || samira === undefined || rania === undefined) throw new Error("experts");
    const dm = await dmOf(amina);
    await say(
      amina,
      dm,
      `!request topic:psychosocial-support lang:en urgency:high anonymous I am ${amina.displayName} (${amina.userId}); a boy in my group stopped coming after joining an online channel.`,
    );
    const filed = await amina.inbox.next(
      fromBot(/filed anonymously/, dm),
      TIMEOUT,
      "the anonymous filing reply",
    );
    const caseId = caseIdIn(filed.body);
    const handle = /“(Requester [A-Z2-9]{4})”/.exec(filed.body)?.[1] ?? "";
    expect(handle).not.toBe("");
    const intro = await amina.inbox.next(fromBot(/private line/), TIMEOUT, "her own room for the case");
    const ownRoom = intro.roomId;

    // Dawit: first of the psychosocial pool. He lets the 25 s lapse; it escalates to the
    // cross-regional pool, where Samira is first.
    const toDawit = await dawit.inbox.next(offerOf(caseId), TIMEOUT, "the offer to Dawit");
    const caseRoom = toDawit.roomId;
    await amina.inbox.next(fromBot(/passed it to more experts/, ownRoom), 90_000, "the escalation notice");
    // The cross-regional pool is next; of Samira and Rania, the one with fewer open cases.
    const offeredTo = (expert: Person) =>
      expert.inbox.next(offerOf(caseId, caseRoom), TIMEOUT, `the offer to ${expert.id}`).then(() => expert);
    const second = await Promise.any([offeredTo(samira), offeredTo(rania)]);
    const third = second === samira ? rania : samira;
    await say(second, caseRoom, "!case accept");
    await amina.inbox.next(fromBot(/An expert has taken/, ownRoom), TIMEOUT, "the acceptance notice");
    await second.inbox.next(
      fromBot(/a boy in my group stopped coming/, caseRoom),
      TIMEOUT,
      "the request posted again for the new expert",
    );

    await say(amina, ownRoom, `Thank you. ${amina.displayName} here again: he is 15.`);
    await second.inbox.next(
      fromBot(new RegExp(`^${handle}: Thank you\\. ${handle} here again: he is 15\\.$`), caseRoom),
      TIMEOUT,
      "the first relayed message, her name replaced by the handle",
    );
    await say(second, caseRoom, "Is he still in contact with the channel?");
    await amina.inbox.next(
      (m) =>
        m.sender === botId() &&
        m.roomId === ownRoom &&
        m.body.startsWith(`${second.displayName}: Is he still`),
      TIMEOUT,
      "the expert's answer relayed to her",
    );
    await say(amina, ownRoom, "Yes, every evening.");
    await second.inbox.next(fromBot(/every evening/, caseRoom), TIMEOUT, "the second relayed message");

    await say(second, caseRoom, `!case reassign ${third.id}`);
    await third.inbox.next(offerOf(caseId, caseRoom), TIMEOUT, "the offer after the reassign");
    await say(third, caseRoom, "!case accept");
    await say(third, caseRoom, "I work with families in this situation; can we talk on Thursday?");
    await amina.inbox.next(
      (m) =>
        m.sender === botId() &&
        m.roomId === ownRoom &&
        m.body.startsWith(`${third.displayName}: I work with families`),
      TIMEOUT,
      "the third expert's answer",
    );
    await say(amina, ownRoom, "Thursday is fine.");
    await third.inbox.next(fromBot(/Thursday is fine/, caseRoom), TIMEOUT, "the last relayed message");

    const identity = { userId: amina.userId, displayNames: [amina.displayName] };
    // Every room an expert can read, except those Amina is a member of herself (their regional
    // rooms: there her own membership shows her, as it should). The case room is among them.
    const checked = new Map<string, MatrixClient>();
    for (const expert of [dawit, samira, rania])
      for (const room of expert.client.getRooms())
        if (room.getMember(amina.userId) === null && !checked.has(room.roomId))
          checked.set(room.roomId, expert.client);
    expect(checked.has(caseRoom)).toBe(true);
    expect(checked.has(ownRoom)).toBe(false);
    const caseEvents = await readRoomEvents(third.client, caseRoom);
    // The request, the offers, three relayed messages each way and the notices are all there.
    expect(caseEvents.length).toBeGreaterThan(30);
    for (const [roomId, client] of checked) {
      const events = roomId === caseRoom ? caseEvents : await readRoomEvents(client, roomId);
      expect(findIdentityLeaks(events, identity), `room ${roomId}`).toEqual([]);
    }

    // She chooses to be known: the experts are told her name, she is let into the case room,
    // and what she writes in her own room from then on is not relayed, she is told where to write.
    const thirdNext = after(third);
    await say(amina, ownRoom, "!case reveal");
    await thirdNext(
      fromBot(new RegExp(`make themselves known: ${amina.displayName}`), caseRoom),
      "the reveal",
    );
    await waitForMembership(amina.client, caseRoom, amina.userId, "join", TIMEOUT);
    await say(amina, ownRoom, "Hello again");
    await amina.inbox.next(fromBot(/no longer pass messages on/, ownRoom), TIMEOUT, "where to write now");

    // The same check on a leaky relay's message: the original content passed on as is.
    const leaky = await dawit.client.createRoom({ invite: [] });
    await dawit.client.sendMessage(leaky.room_id, {
      msgtype: "m.text",
      body: `${handle}: Thank you.`,
      format: "org.matrix.custom.html",
      formatted_body: `<a href="https://matrix.to/#/${amina.userId}">${handle}</a>: Thank you.`,
    } as never);
    const leakyEvents = await readRoomEvents(dawit.client, leaky.room_id);
    expect(findIdentityLeaks(leakyEvents, identity).length).toBeGreaterThan(0);
  }, 300_000);

  it("escalates an unaccepted request once, to the next step, across a restart of the bot", async () => {
    const hodan = person("hodan-abdi");
    const [rania, samira] = ["rania-khoury", "samira-el-idrissi"].map(person);
    if (rania === undefined || samira === undefined) throw new Error("experts");
    const dm = await dmOf(hodan);
    const next = after(hodan);
    await say(
      hodan,
      dm,
      "!request topic:psychosocial-support lang:fr urgency:high Un jeune de mon groupe va mal.",
    );
    const filed = await next(fromBot(/est enregistrée/, dm), "the filing reply");
    const caseId = caseIdIn(filed.body);
    // Rania: the psychosocial pool's French speaker. The bot stops before the SLA lapses.
    const offer = await rania.inbox.next(offerOf(caseId), TIMEOUT, "the offer to Rania");
    await stopRouteBot();
    bot = await startRouteBot();
    // Next step with French: East Africa's own experts have none; the cross-regional pool has Samira.
    await samira.inbox.next(offerOf(caseId, offer.roomId), 90_000, "the escalated offer");
    await say(samira, offer.roomId, "!case accept");
    await hodan.inbox.next(fromBot(new RegExp(`pris votre demande ${caseId}`)), TIMEOUT, "the acceptance");
    const escalations = hodan.inbox
      .messages()
      .filter(
        (m) => m.sender === botId() && m.body.includes(caseId) && /transmise à d’autres experts/.test(m.body),
      );
    expect(escalations).toHaveLength(1);
    expect(offersOf(samira, caseId)).toBe(1);
  }, 240_000);

  it("takes a request step by step in a direct message, the text kept out of Redis", async () => {
    const omar = person("omar-masri");
    const dm = await dmOf(omar);
    const text = "How do we invite imams to a prevention roundtable without stigmatising the mosque?";
    const answers = ["faith leaders", "en", "ok", "low", "no", text, "yes"];
    let next = after(omar);
    await say(omar, dm, "!request");
    for (const answer of answers) {
      // Each answer only once the bot has asked its question.
      await next(fromBot(/./, dm), `the question before "${answer.slice(0, 20)}"`);
      if (answer === "yes") {
        const stored = await redis.keys(`${redisPrefix}:*guided*`);
        for (const key of stored) expect(await redis.get(key)).not.toContain("stigmatising");
        expect(stored.length).toBeGreaterThan(0);
      }
      next = after(omar);
      await say(omar, dm, answer);
    }
    const filed = await next(fromBot(/is filed/, dm), "the filing reply");
    expect(filed.body).toMatch(/r[a-z2-9]{6}/);
  }, 120_000);

  it("files a request the hub passes on, and names the fields at fault in a bad one", async () => {
    const hodan = person("hodan-abdi");
    const replies = createReplyListener(redis.duplicate());
    const connections = { publisher: redis, replies };
    try {
      const asked = await askRouter(connections, intakeKeys(), {
        id: crypto.randomUUID(),
        userId: hodan.userId,
        topic: "youth",
        language: "fr",
        urgency: "low",
        anonymous: true,
        text: "Comment garder le contact avec des jeunes qui quittent le club ?",
      });
      const filed = asked.ok && asked.value.ok ? asked.value : undefined;
      expect(filed?.handle).toMatch(/^Requester [A-Z2-9]{4}$/);
      const caseId = filed?.caseId ?? "no case";
      await hodan.inbox.next(fromBot(new RegExp(caseId)), TIMEOUT, "her own room for the hub's request");

      const bad = await askRouter(connections, intakeKeys(), {
        id: crypto.randomUUID(),
        userId: hodan.userId,
        topic: "astrology",
        language: "fr",
        anonymous: false,
        text: "?",
      });
      expect(
        bad.ok && !bad.value.ok && "problems" in bad.value ? bad.value.problems.map((p) => p.field) : [],
      ).toEqual(["topic", "text"]);
    } finally {
      await replies.close();
    }
  }, 120_000);

  it("names what is wrong in a malformed request, and refuses rooms it does not route from", async () => {
    const omar = person("omar-masri");
    const dm = await dmOf(omar);
    await say(omar, dm, "!request topic:mothrs lang:1x urgency:extreme help");
    const problems = await omar.inbox.next(
      fromBot(/could not take that request/, dm),
      TIMEOUT,
      "the problems",
    );
    expect(problems.body).toMatch(/mothrs/);
    expect(problems.body).toMatch(/extreme/);
    const steering = rooms.get("steering");
    if (steering === undefined) throw new Error("no steering room");
    const amina = person("amina-yusuf");
    await waitForMembership(amina.client, steering, amina.userId, "join", TIMEOUT).catch(async () => {
      await amina.client.joinRoom(steering);
    });
    await say(amina, steering, "!request topic:mothers help with a group of mothers please");
    await amina.inbox.next(
      fromBot(/direct message with me, or in your regional room/, steering),
      TIMEOUT,
      "the refusal",
    );
    const aminaNext = after(amina);
    await say(amina, await dmOf(amina), "!request stats");
    const stats = await aminaNext(fromBot(/Practice requests: aggregates/), "the statistics");
    expect(stats.body).not.toContain(amina.userId);
    const omarNext = after(omar);
    await say(omar, dm, "!request stats");
    await omarNext(
      fromBot(/steering/, dm),
      "the refusal of statistics to a non-member of the steering group",
    );
  }, 120_000);
});
