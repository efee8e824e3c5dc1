/**
 * The runtime's BotMatrix and reactions against the real devnet, through the test bot's
 * commands (tests/support/bots/matrix-test-commands.ts) and a person on another homeserver
 * using a real matrix-js-sdk client with the Rust crypto:
 * - `!mkroom` creates a room version 12 room, encrypted, the bot its creator and absent from the
 *   power levels' users, the person invited at the level asked for; state written there reads
 *   back at once, and a refused write comes back as M_FORBIDDEN;
 * - `!dm` arrives decrypted in a DM room (is_direct), a second `!dm` reuses it, and after the
 *   person leaves it a new one is made;
 * - `!edit` sends an m.replace edit;
 * - a reaction, sent in the clear (as matrix-js-sdk does) or encrypted (as Rust-SDK clients
 *   do), reaches onReaction once; after a SIGKILL, reactions sent while the bot was down are
 *   handled once when it returns, and one whose handling was cut short (answered, not yet
 *   recorded as done) is handled again without a second answer (the transaction id).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import {
  ClientEvent,
  EventTimeline,
  EventType,
  MatrixEvent,
  Method,
  RelationType,
  RoomEvent,
  type MatrixClient,
  type Room,
} from "matrix-js-sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Secret } from "../../../config/index.ts";
import { createLogger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { startBot, type RunningBot } from "../../../bots/runtime/start-bot.ts";
import { homeserverOf, registerTestUser, type TestUser } from "../../support/devnet-access.ts";
import {
  collectMessages,
  joinInvitedRoom,
  startTestClient,
  stopTestClient,
  uniqueLocalpart,
  waitFor,
  waitForMembership,
  waitForMessage,
  type ReceivedMessage,
} from "../../support/matrix-test-client.ts";
import { spawnTestBot, type BotProcess } from "../../support/bots/bot-process.ts";
import { personKey, TEST_STATE_TYPE } from "../../support/bots/matrix-test-commands.ts";
import { testBotDefinition } from "../../support/bots/test-bot-definition.ts";

const devnet = inject("devnet");
const eastAfrica = homeserverOf(devnet, "east-africa");
const mena = homeserverOf(devnet, "mena");
const regionalServers = devnet.homeservers.filter((hs) => hs.id !== "outsider").map((hs) => hs.serverName);

let redis: Redis;
let stateDir: string;
let bot: RunningBot | undefined;
let botUser: TestUser;
const clients: MatrixClient[] = [];
const processes: BotProcess[] = [];

async function newTester(): Promise<MatrixClient> {
  const tester = await registerTestUser(eastAfrica, uniqueLocalpart("tester"));
  const client = await startTestClient({
    baseUrl: eastAfrica.clientUrl,
    userId: tester.userId,
    password: tester.password,
  });
  clients.push(client);
  return client;
}

/** An encrypted room the tester creates with `botId` in it (the bot accepts the invite). */
async function encryptedRoomWith(client: MatrixClient, botId: string): Promise<string> {
  const { room_id: roomId } = await client.createRoom({
    invite: [botId],
    initial_state: [
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ],
  });
  await waitForMembership(client, roomId, botId, "join");
  return roomId;
}

function fromBot(client: MatrixClient, roomId: string, accept: (body: string) => boolean) {
  return waitForMessage(client, roomId, (m) => m.sender === botUser.userId && accept(m.body), 60_000);
}

/** Waits until the client's synced room satisfies `ready` (e.g. after joining it). */
function waitForRoom(client: MatrixClient, roomId: string, ready: (room: Room) => boolean): Promise<Room> {
  return waitFor<Room>(
    (resolve) => {
      const check = (): void => {
        const room = client.getRoom(roomId);
        if (room !== null && ready(room)) resolve(room);
      };
      client.on(ClientEvent.Sync, check);
      check();
      return () => client.off(ClientEvent.Sync, check);
    },
    30_000,
    `${roomId} to be synced as expected by ${client.getUserId() ?? "?"}`,
  );
}

/**
 * Joins a room the bot invited the client to and finds the bot's message `body` in it: sent
 * while the client was only invited, it predates the join and is fetched by paging back.
 */
async function joinAndFind(client: MatrixClient, roomId: string, body: string): Promise<ReceivedMessage> {
  const found = fromBot(client, roomId, (text) => text === body);
  await joinInvitedRoom(client, roomId, [mena.serverName]);
  const room = await waitForRoom(client, roomId, (r) => r.getMyMembership() === "join");
  await client.scrollback(room, 50);
  return found;
}

/**
 * Waits until the bot's own sync shows `user` gone from `roomId`: the bot picks DM rooms by
 * what it has synced, so a `!dm` sent before it has seen a leave would rightly reuse the room.
 */
async function untilBotSeesLeft(client: MatrixClient, commandRoomId: string, roomId: string): Promise<void> {
  const user = client.getUserId() ?? "";
  const deadline = Date.now() + 60_000;
  for (let attempt = 1; ; attempt++) {
    const answer = fromBot(client, commandRoomId, (body) => body.startsWith(`joined ${String(attempt)}:`));
    await client.sendTextMessage(commandRoomId, `!joined ${roomId} ${String(attempt)}`);
    if (!(await answer).body.includes(user)) return;
    if (Date.now() > deadline) throw new Error(`the bot still sees ${user} in ${roomId}`);
  }
}

/** The next invite to a room marked as a direct message (is_direct) from `inviter`. */
function nextDirectInvite(
  client: MatrixClient,
  inviter: string,
  except: ReadonlySet<string>,
): Promise<string> {
  return waitFor<string>(
    (resolve) => {
      const check = (): void => {
        const invited = client.getRooms().find((room) => {
          if (except.has(room.roomId) || room.getMyMembership() !== "invite") return false;
          const membership = room.getMember(client.getUserId() ?? "")?.events.member;
          return membership?.getSender() === inviter && membership.getContent()["is_direct"] === true;
        });
        if (invited !== undefined) resolve(invited.roomId);
      };
      client.on(ClientEvent.Room, check);
      client.on(RoomEvent.MyMembership, check);
      check();
      return () => {
        client.off(ClientEvent.Room, check);
        client.off(RoomEvent.MyMembership, check);
      };
    },
    60_000,
    `a direct-message invite from ${inviter}`,
  );
}

function annotation(targetEventId: string, key: string) {
  return {
    "m.relates_to": { rel_type: RelationType.Annotation as const, event_id: targetEventId, key },
  };
}

/** A reaction as matrix-js-sdk sends it: m.reaction in the clear, even in an encrypted room. */
async function reactInTheClear(
  client: MatrixClient,
  roomId: string,
  target: string,
  key: string,
): Promise<string> {
  return (await client.sendEvent(roomId, EventType.Reaction, annotation(target, key))).event_id;
}

/**
 * A reaction as clients on the Rust SDK send it: encrypted, the relation lifted into the
 * cleartext. matrix-js-sdk will not encrypt a reaction itself, so it is encrypted with the
 * client's own crypto machine and sent as the m.room.encrypted it becomes.
 */
async function reactEncrypted(
  client: MatrixClient,
  roomId: string,
  target: string,
  key: string,
): Promise<string> {
  const room = client.getRoom(roomId);
  if (room === null) throw new Error(`${roomId} is not synced`);
  const event = new MatrixEvent({
    type: EventType.Reaction,
    content: annotation(target, key),
    room_id: roomId,
    sender: client.getUserId() ?? "",
    event_id: `~${roomId}:${client.makeTxnId()}`,
  });
  const crypto = client.getCrypto() as unknown as { encryptEvent(e: MatrixEvent, r: Room): Promise<void> };
  await crypto.encryptEvent(event, room);
  expect(event.getWireType()).toBe(EventType.RoomMessageEncrypted);
  expect(event.getWireContent()["m.relates_to"]).toMatchObject({
    rel_type: "m.annotation",
    event_id: target,
  });
  // Sent as it is: the SDK's sendEvent would not take an event that is already encrypted.
  const path = `/rooms/${encodeURIComponent(roomId)}/send/${EventType.RoomMessageEncrypted}/${client.makeTxnId()}`;
  const sent = await client.http.authedRequest<{ event_id: string }>(
    Method.Put,
    path,
    undefined,
    event.getWireContent(),
  );
  return sent.event_id;
}

/** A state event's content as the client has synced it. */
function stateContent(room: Room, type: string, stateKey = ""): Record<string, unknown> | undefined {
  return room
    .getLiveTimeline()
    .getState(EventTimeline.FORWARDS)
    ?.getStateEvents(type, stateKey)
    ?.getContent();
}

/** How many times the bot answered the reaction `key` so far. */
function reactedCount(messages: ReceivedMessage[], botId: string, key: string): number {
  return messages.filter((m) => m.sender === botId && m.body === `reacted ${key}`).length;
}

beforeAll(async () => {
  redis = new Redis(devnet.redis.url, { maxRetriesPerRequest: null });
  stateDir = await mkdtemp(join(tmpdir(), "meridian-bot-matrix-"));
  botUser = await registerTestUser(mena, uniqueLocalpart("bot"));
  const started = await startBot(
    testBotDefinition(),
    {
      homeserverUrl: mena.clientUrl,
      userId: botUser.userId as UserId,
      password: new Secret(botUser.password),
      storeKey: new Secret(randomBytes(32).toString("base64")),
      stateDir: join(stateDir, "bot"),
      redisPrefix: `test:${uniqueLocalpart("bm")}`,
    },
    {
      logger: createLogger({ name: "test-bot", level: process.env["LOG_LEVEL"] ?? "silent" }),
      redis,
      redisUrl: devnet.redis.url,
      rolesOf: () => new Set(["member"] as const),
      invitePolicy: {
        decide: ({ inviter }) =>
          inviter !== undefined && regionalServers.some((s) => inviter.endsWith(`:${s}`))
            ? { accept: true }
            : { accept: false, reason: "not from the network" },
      },
    },
  );
  if (!started.ok) throw new Error(`the bot did not start: ${started.error.message}`);
  bot = started.value;
});

afterAll(async () => {
  for (const client of clients) stopTestClient(client);
  for (const child of processes)
    if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill("SIGKILL");
  await bot?.stop();
  redis.disconnect();
  await rm(stateDir, { recursive: true, force: true });
});

describe("BotMatrix", () => {
  it("creates an encrypted version 12 room as its creator, inviting the sender at the level asked for", async () => {
    const client = await newTester();
    const testerId = client.getUserId() ?? "";
    const roomId = await encryptedRoomWith(client, botUser.userId);

    await client.sendTextMessage(roomId, "!mkroom planning");
    const answer = await fromBot(
      client,
      roomId,
      (body) => body.startsWith("room: ") || body.includes("failed"),
    );
    const created = /^room: (!\S+)$/.exec(answer.body)?.[1];
    expect(created, answer.body).toBeDefined();
    const newRoomId = created ?? "";

    await waitForMembership(client, newRoomId, testerId, "invite");
    await joinInvitedRoom(client, newRoomId, [mena.serverName]);
    const room = await waitForRoom(client, newRoomId, (r) => r.getMyMembership() === "join");
    const create = room
      .getLiveTimeline()
      .getState(EventTimeline.FORWARDS)
      ?.getStateEvents(EventType.RoomCreate, "");
    expect(create?.getSender()).toBe(botUser.userId);
    expect(create?.getContent()["room_version"]).toBe("12");
    expect(room.hasEncryptionStateEvent()).toBe(true);
    expect(stateContent(room, EventType.RoomEncryption)).toEqual({
      algorithm: "m.megolm.v1.aes-sha2",
    });
    expect(room.name).toBe("planning");
    // Asked for the bot at 100 too: a creator listed in `users` would have failed the room.
    expect(stateContent(room, EventType.RoomPowerLevels)?.["users"]).toEqual({
      [testerId]: 50,
    });
    expect(stateContent(room, EventType.RoomJoinRules)?.["join_rule"]).toBe("invite");

    // In its own room the bot may write state, and reads its write back at once.
    await client.sendTextMessage(newRoomId, "!state yes");
    const state = await fromBot(client, newRoomId, (body) => body.startsWith("state"));
    expect(state.wasEncrypted).toBe(true);
    expect(state.body).toBe(`state: yes by ${botUser.userId}, 1 of its type`);
    expect(stateContent(room, TEST_STATE_TYPE, personKey(testerId))).toEqual({
      value: "yes",
    });

    // In the tester's room the bot is at level 0: the homeserver's refusal comes back as a value.
    await client.sendTextMessage(roomId, "!state no");
    const refused = await fromBot(client, roomId, (body) => body.startsWith("state"));
    expect(refused.body).toMatch(/^state failed: M_FORBIDDEN \(/);
  });

  it("sends a direct message in an encrypted DM room, reuses it, and makes a new one once the person left", async () => {
    const client = await newTester();
    const roomId = await encryptedRoomWith(client, botUser.userId);
    const seen = new Set<string>();

    await client.sendTextMessage(roomId, "!dm first");
    const dmRoomId = await nextDirectInvite(client, botUser.userId, seen);
    seen.add(dmRoomId);
    const first = await joinAndFind(client, dmRoomId, "first");
    expect(first.wasEncrypted).toBe(true);
    expect(client.getRoom(dmRoomId)?.hasEncryptionStateEvent()).toBe(true);
    await fromBot(client, roomId, (body) => body === "sent you a direct message");

    await client.sendTextMessage(roomId, "!dm second");
    const second = await fromBot(client, dmRoomId, (body) => body === "second");
    expect(second.wasEncrypted).toBe(true);

    await client.leave(dmRoomId);
    await waitForMembership(client, dmRoomId, client.getUserId() ?? "", "leave");
    await untilBotSeesLeft(client, roomId, dmRoomId);
    const replies = collectMessages(client, roomId);
    await client.sendTextMessage(roomId, "!dm third");
    const newDmRoomId = await nextDirectInvite(client, botUser.userId, seen);
    expect(newDmRoomId).not.toBe(dmRoomId);
    expect((await joinAndFind(client, newDmRoomId, "third")).wasEncrypted).toBe(true);
    // Three DMs asked for, three answered, and no other DM room was made along the way.
    await replies.until(
      (messages) => messages.filter((m) => m.body === "sent you a direct message").length === 3,
      60_000,
      "the third DM's confirmation",
    );
    replies.stop();
    expect(
      client
        .getRooms()
        .filter((room) => room.getMyMembership() === "invite" && room.getMember(botUser.userId) !== null),
    ).toEqual([]);
  });

  it("edits a message with an m.replace relation", async () => {
    const client = await newTester();
    const roomId = await encryptedRoomWith(client, botUser.userId);
    await client.sendTextMessage(roomId, "!edit final words");
    const done = await fromBot(client, roomId, (body) => body.startsWith("edited "));
    const draftId = done.body.slice("edited ".length);
    const edit = await fromBot(client, roomId, (body) => body === "* final words");
    expect(edit.wasEncrypted).toBe(true);
    const event = client.getRoom(roomId)?.findEventById(edit.eventId);
    expect(event?.getRelation()).toMatchObject({ rel_type: "m.replace", event_id: draftId });
    expect(event?.getContent()["m.new_content"]).toEqual({ msgtype: "m.notice", body: "final words" });
  });
});

describe("reactions", () => {
  it("hands a reaction to onReaction once, whether sent in the clear or encrypted", async () => {
    const client = await newTester();
    const roomId = await encryptedRoomWith(client, botUser.userId);
    const messages = collectMessages(client, roomId);
    const { event_id: target } = await client.sendTextMessage(roomId, "pick one");

    await reactInTheClear(client, roomId, target, "👍");
    await messages.until((m) => reactedCount(m, botUser.userId, "👍") === 1, 60_000, "the answer to 👍");
    await reactEncrypted(client, roomId, target, "🎉");
    await messages.until((m) => reactedCount(m, botUser.userId, "🎉") === 1, 60_000, "the answer to 🎉");

    // The bot handles a room's events in order: once this is answered, any second answer to a
    // reaction above would have come first.
    await client.sendTextMessage(roomId, "!echo barrier");
    await messages.until((m) => m.some((x) => x.body === "echo: barrier"), 60_000, "the barrier");
    expect(reactedCount(messages.messages(), botUser.userId, "👍")).toBe(1);
    expect(reactedCount(messages.messages(), botUser.userId, "🎉")).toBe(1);
    expect(messages.messages().find((m) => m.body.startsWith("reacted "))?.wasEncrypted).toBe(true);
    messages.stop();
  });

  it("after a kill, handles reactions sent while down once, and one caught mid-handling without a second answer", async () => {
    const user = await registerTestUser(mena, uniqueLocalpart("bot"));
    const redisPrefix = `test:${uniqueLocalpart("bm-restart")}`;
    const settings = {
      homeserverUrl: mena.clientUrl,
      userId: user.userId,
      password: user.password,
      storeKey: randomBytes(32).toString("base64"),
      stateDir: join(stateDir, uniqueLocalpart("state")),
      redisUrl: devnet.redis.url,
      redisPrefix,
      networkServers: regionalServers,
    };
    const ledger = `${redisPrefix}:testbot:ledger`;
    const start = (): BotProcess => {
      const child = spawnTestBot(settings);
      processes.push(child);
      return child;
    };
    const first = start();
    await first.ready();
    const client = await newTester();
    const roomId = await encryptedRoomWith(client, user.userId);
    const messages = collectMessages(client, roomId);
    const answered = (key: string): number => reactedCount(messages.messages(), user.userId, key);
    const { event_id: target } = await client.sendTextMessage(roomId, "pick one");

    const handledBeforeKill = await reactEncrypted(client, roomId, target, "🅰️");
    await messages.until(() => answered("🅰️") === 1, 60_000, "the answer to 🅰️");
    first.child.kill("SIGKILL");
    expect(await first.exited()).toBe("SIGKILL");
    // As if the kill had come after the answer was sent but before the ledger recorded it as
    // done: the restarted bot handles 🅰️ again, and its answer must not show twice.
    expect(await redis.del(`${ledger}:done:${handledBeforeKill}`)).toBe(1);
    await redis.zadd(`${ledger}:pending`, Date.now(), handledBeforeKill);
    await redis.hset(`${ledger}:pending-rooms`, handledBeforeKill, roomId);

    // Encrypted to the bot's device as it was before the kill: the restarted bot still decrypts it.
    await reactEncrypted(client, roomId, target, "🅱️");
    await reactInTheClear(client, roomId, target, "🆑");
    const second = start();
    await second.ready();
    await messages.until(
      () => answered("🅱️") === 1 && answered("🆑") === 1,
      90_000,
      "answers after the restart",
    );
    await waitFor<undefined>(
      (resolve) => {
        const timer = setInterval(() => {
          void redis.exists(`${ledger}:done:${handledBeforeKill}`).then((n) => {
            if (n === 1) resolve(undefined);
          });
        }, 200);
        return () => {
          clearInterval(timer);
        };
      },
      60_000,
      "🅰️ to be handled again after the restart",
    );
    // Events of a room are handled in order: once this is answered, nothing above is pending.
    await client.sendTextMessage(roomId, "!echo barrier");
    await messages.until((m) => m.some((x) => x.body === "echo: barrier"), 60_000, "the barrier");
    expect([answered("🅰️"), answered("🅱️"), answered("🆑")]).toEqual([1, 1, 1]);

    second.child.kill("SIGTERM");
    expect(await second.exited()).toBe(0);
    messages.stop();
  }, 240_000);
});
