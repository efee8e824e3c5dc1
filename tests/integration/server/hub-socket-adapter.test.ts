/**
 * Two hub processes' worth of hubs behind one Redis: with socket.io's Redis adapter, a
 * broadcast from one reaches a client connected to the other, and a room joined on one is
 * addressed from the other (as a signed-in person's updates will be).
 */
import { Redis } from "ioredis";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../../lib/logger.ts";
import { type Hub, startHub } from "../../../server/start-hub.ts";
import { type RedisServer, startRedisServer } from "../../support/redis-server.ts";
import { waitFor } from "../../support/matrix-test-client.ts";

let server: RedisServer;
const connections: Redis[] = [];
const hubs: Hub[] = [];
const clients: Socket[] = [];

async function hubOnRedis(): Promise<Hub> {
  const pub = new Redis(server.url);
  const sub = new Redis(server.url);
  connections.push(pub, sub);
  const hub = await startHub(
    { host: "127.0.0.1", port: 0 },
    { logger: silentLogger(), readiness: [], socketAdapter: { pub, sub, key: "test-socket.io" } },
  );
  hubs.push(hub);
  return hub;
}

async function clientOf(hub: Hub): Promise<Socket> {
  const socket = connect(hub.url, { path: "/socket.io", transports: ["websocket"] });
  clients.push(socket);
  await waitFor<undefined>(
    (resolve) => {
      socket.once("connect", () => {
        resolve(undefined);
      });
      return () => socket.off("connect");
    },
    10_000,
    "the socket.io connection",
  );
  return socket;
}

function next(socket: Socket, event: string): Promise<unknown> {
  return waitFor<unknown>(
    (resolve) => {
      socket.once(event, (payload: unknown) => {
        resolve(payload);
      });
      return () => socket.off(event);
    },
    10_000,
    `the "${event}" event`,
  );
}

beforeAll(async () => {
  server = await startRedisServer();
}, 30_000);

afterAll(async () => {
  for (const socket of clients) socket.disconnect();
  for (const hub of hubs) await hub.stop();
  for (const connection of connections) connection.disconnect();
  await server.stop();
});

describe("two hubs behind one Redis", () => {
  it("deliver a broadcast and a room message from one hub to a client of the other", async () => {
    const [a, b] = [await hubOnRedis(), await hubOnRedis()];
    const client = await clientOf(b);
    const broadcast = next(client, "hello");
    a.io.emit("hello", { from: "a" });
    expect(await broadcast).toEqual({ from: "a" });

    // A room joined on hub B (as a signed-in person's room will be), addressed from hub A.
    const [socketId] = (await b.io.fetchSockets()).map((socket) => socket.id);
    if (socketId === undefined) throw new Error("hub B has no socket");
    b.io.in(socketId).socketsJoin("person:amina");
    const inRoom = next(client, "case:update");
    await waitFor<undefined>(
      (resolve) => {
        // The join is local to B; A sees it through the adapter once it has propagated.
        const timer = setInterval(() => {
          void a.io
            .in("person:amina")
            .fetchSockets()
            .then((sockets) => {
              if (sockets.length > 0) resolve(undefined);
            });
        }, 50);
        return () => {
          clearInterval(timer);
        };
      },
      10_000,
      "hub A to see the room",
    );
    a.io.to("person:amina").emit("case:update", { case: "rabc234" });
    expect(await inRoom).toEqual({ case: "rabc234" });
  });
});
