import { io as connectSocket, type Socket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { sampleValue, startTestHub } from "./hub-test-helpers.ts";

const clients: Socket[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

function connect(url: string): Promise<Socket> {
  const client = connectSocket(url, { path: "/socket.io", transports: ["websocket"], reconnection: false });
  clients.push(client);
  return new Promise((resolve, reject) => {
    client.once("connect", () => {
      resolve(client);
    });
    client.once("connect_error", reject);
  });
}

async function connectedClients(url: string): Promise<number | undefined> {
  return sampleValue(await (await fetch(`${url}/metrics`)).text(), "meridian_hub_socketio_connected_clients");
}

describe("socket.io", () => {
  it("accepts clients on the hub's port and counts them in a gauge", async () => {
    const hub = await startTestHub();
    const first = await connect(hub.url);
    await connect(hub.url);
    expect(await connectedClients(hub.url)).toBe(2);

    const serverSide = hub.io.of("/").sockets.get(first.id ?? "");
    expect(serverSide).toBeDefined();
    const serverSawDisconnect = new Promise<void>((resolve) =>
      serverSide?.once("disconnect", () => {
        resolve();
      }),
    );
    first.disconnect();
    await serverSawDisconnect;
    expect(await connectedClients(hub.url)).toBe(1);
  });

  it("refuses browsers from another origin and allows the hub's own", async () => {
    const hub = await startTestHub();
    const handshake = `${hub.url}/socket.io/?EIO=4&transport=polling`;
    const foreign = await fetch(handshake, { headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    await foreign.body?.cancel();
    const own = await fetch(handshake, { headers: { origin: hub.url } });
    expect(own.status).toBe(200);
    await own.body?.cancel();
  });

  it("with a public URL, allows only that origin", async () => {
    const hub = await startTestHub({ publicUrl: "https://hub.example.org" });
    const handshake = `${hub.url}/socket.io/?EIO=4&transport=polling`;
    const local = await fetch(handshake, { headers: { origin: hub.url } });
    expect(local.status).toBe(403);
    await local.body?.cancel();
    const publicOrigin = await fetch(handshake, { headers: { origin: "https://hub.example.org" } });
    expect(publicOrigin.status).toBe(200);
    await publicOrigin.body?.cancel();
  });
});
