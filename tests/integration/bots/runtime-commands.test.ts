/**
 * The bot runtime against the real devnet, in-process: a user on one regional homeserver
 * talks to a bot on another in an encrypted room. `!help` is answered in the thread,
 * encrypted; a command needing the organisers role is refused for a plain member, accepted
 * for an organiser and for a member promoted by power level; an invite from a homeserver
 * outside the network is declined with a reason.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { MatrixClient } from "matrix-js-sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Secret } from "../../../config/index.ts";
import { createLogger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { startBot, type RunningBot } from "../../../bots/runtime/start-bot.ts";
import { homeserverOf, registerTestUser, type TestUser } from "../../support/devnet-access.ts";
import {
  startTestClient,
  stopTestClient,
  uniqueLocalpart,
  waitFor,
  waitForMembership,
  waitForMessage,
  joinInvitedRoom,
} from "../../support/matrix-test-client.ts";
import { testBotDefinition } from "../../support/bots/test-bot-definition.ts";

const devnet = inject("devnet");
const eastAfrica = homeserverOf(devnet, "east-africa");
const mena = homeserverOf(devnet, "mena");
const europe = homeserverOf(devnet, "europe");
const outsider = homeserverOf(devnet, "outsider");

let redis: Redis;
let stateDir: string;
let bot: RunningBot | undefined;
let botUser: TestUser;
let organiser: TestUser;
const clients: MatrixClient[] = [];

async function clientFor(baseUrl: string, user: TestUser): Promise<MatrixClient> {
  const client = await startTestClient({ baseUrl, userId: user.userId, password: user.password });
  clients.push(client);
  return client;
}

async function encryptedRoomWithBot(owner: MatrixClient, invite: string[]): Promise<string> {
  const { room_id: roomId } = await owner.createRoom({
    invite: [botUser.userId, ...invite],
    initial_state: [
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ],
  });
  await waitForMembership(owner, roomId, botUser.userId, "join");
  return roomId;
}

function fromBot(roomId: string, client: MatrixClient, accept: (body: string) => boolean) {
  return waitForMessage(client, roomId, (m) => m.sender === botUser.userId && accept(m.body), 60_000);
}

beforeAll(async () => {
  redis = new Redis(devnet.redis.url, { maxRetriesPerRequest: null });
  stateDir = await mkdtemp(join(tmpdir(), "meridian-bot-"));
  botUser = await registerTestUser(mena, uniqueLocalpart("bot"));
  organiser = await registerTestUser(europe, uniqueLocalpart("organiser"));
  const started = await startBot(
    testBotDefinition(),
    {
      homeserverUrl: mena.clientUrl,
      userId: botUser.userId as UserId,
      password: new Secret(botUser.password),
      storeKey: new Secret(randomBytes(32).toString("base64")),
      stateDir: join(stateDir, "bot"),
      redisPrefix: `test:${uniqueLocalpart("rt")}`,
    },
    {
      logger: createLogger({ name: "test-bot", level: process.env["LOG_LEVEL"] ?? "silent" }),
      redis,
      redisUrl: devnet.redis.url,
      rolesOf: (user) =>
        new Set(user === organiser.userId ? (["organisers", "member"] as const) : (["member"] as const)),
      invitePolicy: {
        decide: ({ inviter }) =>
          inviter !== undefined &&
          [eastAfrica, mena, europe].some((hs) => inviter.endsWith(`:${hs.serverName}`))
            ? { accept: true }
            : { accept: false, reason: "This bot serves the network's homeservers only." },
      },
    },
  );
  if (!started.ok) throw new Error(`the bot did not start: ${started.error.message}`);
  bot = started.value;
});

afterAll(async () => {
  for (const client of clients) stopTestClient(client);
  await bot?.stop();
  redis.disconnect();
  await rm(stateDir, { recursive: true, force: true });
});

describe("bot runtime", () => {
  it("answers !help from another region's homeserver, encrypted, in the command's thread", async () => {
    const member = await registerTestUser(eastAfrica, uniqueLocalpart("member"));
    const client = await clientFor(eastAfrica.clientUrl, member);
    const roomId = await encryptedRoomWithBot(client, []);
    const { event_id: commandId } = await client.sendTextMessage(roomId, "!help");
    const answer = await fromBot(
      roomId,
      client,
      (body) => body.includes("echo") && body.includes("announce"),
    );
    expect(answer.wasEncrypted).toBe(true);
    expect(answer.threadRootId).toBe(commandId);
  });

  it("refuses an organisers-only command to a plain member, accepts it from an organiser and after promotion", async () => {
    const owner = await registerTestUser(eastAfrica, uniqueLocalpart("owner"));
    const member = await registerTestUser(europe, uniqueLocalpart("member"));
    const ownerClient = await clientFor(eastAfrica.clientUrl, owner);
    const memberClient = await clientFor(europe.clientUrl, member);
    const organiserClient = await clientFor(europe.clientUrl, organiser);
    const roomId = await encryptedRoomWithBot(ownerClient, [member.userId, organiser.userId]);
    for (const [client, user] of [
      [memberClient, member],
      [organiserClient, organiser],
    ] as const) {
      await waitForMembership(client, roomId, user.userId, "invite");
      await joinInvitedRoom(client, roomId, [eastAfrica.serverName]);
      await waitForMembership(ownerClient, roomId, user.userId, "join");
      await waitForMembership(client, roomId, botUser.userId, "join");
    }

    await memberClient.sendTextMessage(roomId, "!announce workshop moved");
    const refusal = await fromBot(roomId, memberClient, (body) => body.includes("organisers"));
    expect(refusal.body).toMatch(/power level 50/);

    await organiserClient.sendTextMessage(roomId, "!announce from the organiser");
    await fromBot(roomId, organiserClient, (body) => body === "announced: from the organiser");

    await ownerClient.setPowerLevel(roomId, member.userId, 50);
    await waitFor<undefined>(
      (resolve) => {
        const check = (): void => {
          if (memberClient.getRoom(roomId)?.getMember(member.userId)?.powerLevel === 50) resolve(undefined);
        };
        const timer = setInterval(check, 100);
        check();
        return () => {
          clearInterval(timer);
        };
      },
      30_000,
      "the promotion to reach the member's homeserver",
    );
    await memberClient.sendTextMessage(roomId, "!announce after promotion");
    await fromBot(roomId, memberClient, (body) => body === "announced: after promotion");
  });

  it("declines an invite from a homeserver outside the network, with a reason", async () => {
    const stranger = await registerTestUser(outsider, uniqueLocalpart("stranger"));
    const client = await clientFor(outsider.clientUrl, stranger);
    const { room_id: roomId } = await client.createRoom({ invite: [botUser.userId] });
    await waitForMembership(client, roomId, botUser.userId, "leave");
    const reason: unknown = client.getRoom(roomId)?.getMember(botUser.userId)?.events.member?.getContent()[
      "reason"
    ];
    expect(reason).toContain("network");
  });

  it("publishes its health", async () => {
    const health = await bot!.health();
    expect(health).toMatchObject({ botId: "testbot", synced: true, redis: true });
  });
});
