/**
 * One process per bot identity: a second open of the same state directory is refused with a
 * message naming the holder and the lock file, and succeeds once the first is closed.
 */
import { hostname } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openBotSession, type BotSession } from "../../../../bots/runtime/identity/index.ts";
import { homeserverOf } from "../../../support/devnet-access.ts";
import { capturingLogger, freshBot, removeTempDirs } from "./bot-identity-fixture.ts";

const devnet = inject("devnet");
const sessions: BotSession[] = [];

afterAll(async () => {
  for (const session of sessions) await session.close();
  await removeTempDirs();
});

describe("bot identity lock", () => {
  it("refuses a second session on the same state directory until the first closes", async () => {
    const options = await freshBot(homeserverOf(devnet, "europe"), "digest");
    const log = capturingLogger("bot");
    const first = await openBotSession(options, { logger: log.logger });
    if (!first.ok) throw new Error(first.error.message);
    sessions.push(first.value);

    const second = await openBotSession(options, { logger: log.logger });
    const lockPath = path.join(options.stateDir, "lock");
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error).toMatchObject({ kind: "locked", lockPath });
    expect(second.error.message).toBe(
      `bot digest is already running (pid ${process.pid} on host ${hostname()}); ` +
        `stop it first or remove ${lockPath} if it is not running`,
    );
    // The refused open touched nothing: the first session still works.
    expect(await first.value.client.getCrypto()!.getOwnDeviceKeys()).toBeDefined();

    await first.value.close();
    const third = await openBotSession(options, { logger: log.logger });
    if (!third.ok) throw new Error(third.error.message);
    sessions.push(third.value);
    expect(third.value.deviceId).toBe(first.value.deviceId);
  });
});
