/**
 * The devnet library end to end, on its own directory and loopback addresses (127.0.0.21/22,
 * ports 28008/28448, managed Redis on a free port) so it never touches the shared devnet the
 * global setup runs: up, federation between the two homeservers, idempotent up, restart of a
 * dead homeserver, a clear port-collision error, and down stopping exactly its processes.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  down,
  readState,
  registerUser,
  status,
  up,
  type DevnetSpec,
  type DevnetState,
  type DevnetStateHomeserver,
} from "../../../devnet/index.ts";
import type { ServerName } from "../../../lib/matrix-ids.ts";

const A = { id: "dn-a", serverName: "127.0.0.21:28448" as ServerName, clientUrl: "http://127.0.0.21:28008" };
const B = { id: "dn-b", serverName: "127.0.0.22:28448" as ServerName, clientUrl: "http://127.0.0.22:28008" };

let dir: string;
let spec: DevnetSpec;
const lines: string[] = [];
const log = (line: string): void => {
  lines.push(line);
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function matrix(
  hs: { clientUrl: string },
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${hs.clientUrl}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token === "" ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${JSON.stringify(json)}`);
  return json;
}

function homeserver(state: DevnetState, id: string): DevnetStateHomeserver {
  const hs = state.homeservers.find((h) => h.id === id);
  if (hs === undefined) throw new Error(`no homeserver ${id} in state`);
  return hs;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "meridian-devnet-test-"));
  // No redisUrl: this test exercises the managed redis-server path.
  spec = {
    dir,
    homeservers: [A, B],
    accounts: [
      { homeserverId: A.id, localpart: "dn-admin", admin: true, displayName: "Devnet admin" },
      { homeserverId: B.id, localpart: "dn-bot", password: "fixed-bot-password" },
    ],
  };
});

afterAll(async () => {
  // Whatever happened above, leave no process behind.
  await down(dir, { log });
  await rm(dir, { recursive: true, force: true });
});

describe("devnet", () => {
  let first: DevnetState;

  it("starts two healthy homeservers and a managed Redis", async () => {
    const result = await up(spec, { log });
    if (!result.ok) throw new Error(result.error.message);
    first = result.value;
    const now = await status(dir);
    expect(now.homeservers.map((hs) => [hs.id, hs.health])).toEqual([
      [A.id, "healthy"],
      [B.id, "healthy"],
    ]);
    expect(now.redis).toMatchObject({ managed: true, health: "healthy" });
    expect(first.accounts.map((a) => a.userId).sort()).toEqual([
      "@dn-admin:127.0.0.21:28448",
      "@dn-bot:127.0.0.22:28448",
    ]);
    expect(first.accounts.find((a) => a.localpart === "dn-bot")?.password).toBe("fixed-bot-password");
  }, 120_000);

  it("lets spec accounts log in with the passwords kept in state", async () => {
    const account = first.accounts.find((a) => a.localpart === "dn-admin")!;
    const login = await matrix(A, "", "POST", "/_matrix/client/v3/login", {
      type: "m.login.password",
      identifier: { type: "m.id.user", user: account.localpart },
      password: account.password,
    });
    expect(login["user_id"]).toBe(account.userId);
  });

  it("federates: a user on B joins A's room and sees A's message", async () => {
    const suffix = Date.now().toString(36);
    const alice = await registerUser(homeserver(first, A.id), `alice-${suffix}`, "alice-password");
    const bob = await registerUser(homeserver(first, B.id), `bob-${suffix}`, "bob-password");
    if (!alice.ok) throw new Error(alice.error.message);
    if (!bob.ok) throw new Error(bob.error.message);

    const room = await matrix(A, alice.value.accessToken, "POST", "/_matrix/client/v3/createRoom", {
      preset: "private_chat",
      invite: [bob.value.userId],
    });
    const roomId = String(room["room_id"]);
    // The invite travels to B over federation; wait for it rather than guessing a delay.
    await waitUntil("bob's invite to arrive on B", 30_000, async () => {
      const sync = await matrix(B, bob.value.accessToken, "GET", "/_matrix/client/v3/sync?timeout=1000");
      const invites = (sync["rooms"] as { invite?: Record<string, unknown> } | undefined)?.invite ?? {};
      return roomId in invites ? true : undefined;
    });
    await matrix(
      B,
      bob.value.accessToken,
      "POST",
      `/_matrix/client/v3/join/${encodeURIComponent(roomId)}?via=${encodeURIComponent(A.serverName)}`,
      {},
    );
    await matrix(
      A,
      alice.value.accessToken,
      "PUT",
      `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/t${suffix}`,
      {
        msgtype: "m.text",
        body: "hello over federation",
      },
    );
    const seen = await waitUntil("A's message on B", 30_000, async () => {
      const messages = await matrix(
        B,
        bob.value.accessToken,
        "GET",
        `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=20`,
      );
      const chunk = (messages["chunk"] ?? []) as {
        type: string;
        sender: string;
        content: { body?: string };
      }[];
      return chunk.find(
        (event) => event.type === "m.room.message" && event.content.body === "hello over federation",
      );
    });
    expect(seen.sender).toBe(alice.value.userId);
  }, 90_000);

  it("reports a taken user name from registerUser", async () => {
    const again = await registerUser(homeserver(first, B.id), "dn-bot", "whatever");
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.reason).toBe("user-in-use");
  });

  it("treats a second up as a no-op", async () => {
    const again = await up(spec, { log });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.homeservers.map((hs) => hs.pid)).toEqual(first.homeservers.map((hs) => hs.pid));
    expect(again.value.redis.pid).toBe(first.redis.pid);
    expect(again.value.startedAt).toBe(first.startedAt);
    expect(again.value.accounts).toEqual(first.accounts);
  }, 60_000);

  it("restarts only a homeserver that died", async () => {
    const deadPid = homeserver(first, B.id).pid!;
    process.kill(deadPid, "SIGKILL");
    await waitUntil("the killed homeserver to be gone", 10_000, () =>
      Promise.resolve(alive(deadPid) ? undefined : true),
    );
    const again = await up(spec, { log });
    if (!again.ok) throw new Error(again.error.message);
    expect(homeserver(again.value, A.id).pid).toBe(homeserver(first, A.id).pid);
    expect(homeserver(again.value, B.id).pid).not.toBe(deadPid);
    expect((await status(dir)).homeservers.every((hs) => hs.health === "healthy")).toBe(true);
    first = again.value;
  }, 120_000);

  it("refuses a port already in use with a sentence naming it", async () => {
    const otherDir = await mkdtemp(join(tmpdir(), "meridian-devnet-collide-"));
    try {
      const clash = await up(
        {
          dir: otherDir,
          homeservers: [
            { id: "clash", serverName: "127.0.0.21:28449" as ServerName, clientUrl: A.clientUrl },
          ],
          accounts: [],
        },
        { log },
      );
      expect(clash.ok).toBe(false);
      if (clash.ok) return;
      expect(clash.error.kind).toBe("port-in-use");
      expect(clash.error.message).toBe(
        "port 28008 on 127.0.0.21 is already in use by another program: stop it, or change region clash's clientUrl in the config.",
      );
      // It failed before starting anything, Redis included.
      expect(await readState(otherDir)).toBeUndefined();
    } finally {
      await down(otherDir, { log });
      await rm(otherDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("down stops exactly the processes it started", async () => {
    const pids = [...first.homeservers.map((hs) => hs.pid!), first.redis.pid!];
    expect(pids.every(alive)).toBe(true);
    const stopped = await down(dir, { log });
    if (!stopped.ok) throw new Error(stopped.error.message);
    expect(pids.filter(alive)).toEqual([]);
    const after = await status(dir);
    expect(after.homeservers.map((hs) => hs.health)).toEqual(["stopped", "stopped"]);
    expect(after.redis?.health).toBe("stopped");
    expect((await readState(dir))?.stoppedAt).toBeDefined();
  }, 60_000);
});
