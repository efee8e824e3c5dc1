/**
 * Expected failures come back as values with a message an operator can act on: a bad store
 * key, a wrong password, an unreachable homeserver, a session file sealed with another key.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { Secret } from "../../../../config/secrets.ts";
import { openBotSession, type BotSession } from "../../../../bots/runtime/identity/index.ts";
import { homeserverOf } from "../../../support/devnet-access.ts";
import { capturingLogger, freshBot, randomStoreKey, removeTempDirs } from "./bot-identity-fixture.ts";

const devnet = inject("devnet");
const sessions: BotSession[] = [];
const deps = () => ({ logger: capturingLogger("bot").logger });

afterAll(async () => {
  for (const session of sessions) await session.close();
  await removeTempDirs();
});

describe("bot identity errors", () => {
  it("refuses a store key that is not 32 bytes, and one that is not base64", async () => {
    const options = await freshBot(homeserverOf(devnet, "europe"));
    const short = await openBotSession(
      { ...options, storeKey: new Secret(Buffer.alloc(16, 1).toString("base64")) },
      deps(),
    );
    expect(short).toMatchObject({ ok: false, error: { kind: "bad-store-key" } });
    if (short.ok) return;
    expect(short.error.message).toBe(
      "the store key of bot convene decodes to 16 bytes, but it must be exactly 32 bytes " +
        "(44 base64 characters); generate one with `openssl rand -base64 32`",
    );
    const notBase64 = await openBotSession({ ...options, storeKey: new Secret("not base64!") }, deps());
    expect(notBase64).toMatchObject({ ok: false, error: { kind: "bad-store-key" } });
    // Nothing was written for a key that was refused.
    await expect(readdir(options.stateDir)).rejects.toThrow();
  });

  it("reports a wrong password", async () => {
    const options = await freshBot(homeserverOf(devnet, "europe"));
    const opened = await openBotSession({ ...options, password: new Secret("not the password") }, deps());
    expect(opened).toMatchObject({ ok: false, error: { kind: "wrong-password" } });
    if (opened.ok) return;
    expect(opened.error.message).toContain("refused the password of bot convene");
    // The lock was released: the right password opens at once.
    const retried = await openBotSession(options, deps());
    if (!retried.ok) throw new Error(retried.error.message);
    sessions.push(retried.value);
  });

  it("reports an unreachable homeserver", async () => {
    const options = await freshBot(homeserverOf(devnet, "europe"));
    const opened = await openBotSession({ ...options, homeserverUrl: "http://127.0.0.1:9" }, deps());
    expect(opened).toMatchObject({ ok: false, error: { kind: "homeserver-unreachable" } });
    if (opened.ok) return;
    expect(opened.error.message).toContain("could not reach its homeserver at http://127.0.0.1:9");
  });

  it("explains a session file sealed with another store key", async () => {
    const options = await freshBot(homeserverOf(devnet, "europe"));
    const opened = await openBotSession(options, deps());
    if (!opened.ok) throw new Error(opened.error.message);
    await opened.value.close();

    const reopened = await openBotSession({ ...options, storeKey: randomStoreKey() }, deps());
    expect(reopened).toMatchObject({
      ok: false,
      error: { kind: "corrupt-session", path: path.join(options.stateDir, "session.json.enc") },
    });
    if (reopened.ok) return;
    expect(reopened.error.message).toContain("cannot be decrypted with the configured storeKey");
    expect(reopened.error.message).toContain("If the bot's storeKey was changed, put the old one back");
  });
});
