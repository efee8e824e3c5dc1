import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pino } from "pino";
import { Writable } from "node:stream";
import { acquireProcessLock } from "../../../../bots/runtime/identity/process-lock.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function lockPath(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "meridian-lock-"));
  dirs.push(dir);
  return path.join(dir, "lock");
}

function recordingLogger(): { logger: pino.Logger; messages: string[] } {
  const messages: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      messages.push((JSON.parse(chunk.toString("utf8")) as { msg: string }).msg);
      done();
    },
  });
  return { logger: pino(stream), messages };
}

describe("the bot identity lock", () => {
  it("holds pid, host and start time, refuses a second taker, and is released once", async () => {
    const file = await lockPath();
    const { logger } = recordingLogger();
    const first = await acquireProcessLock(file, logger);
    if (!first.ok) throw new Error("first take failed");
    const content = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    expect(content).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(typeof content["startedAt"]).toBe("string");

    const second = await acquireProcessLock(file, logger);
    expect(second).toMatchObject({ ok: false, error: { kind: "held", holder: { pid: process.pid } } });

    await first.value.release();
    await first.value.release();
    const third = await acquireProcessLock(file, logger);
    expect(third.ok).toBe(true);
  });

  it("takes over a lock whose process is gone, with a log line", async () => {
    const file = await lockPath();
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(
      file,
      JSON.stringify({ pid: deadPid, hostname: hostname(), startedAt: "2024-01-01T00:00:00Z" }),
    );
    const { logger, messages } = recordingLogger();
    const taken = await acquireProcessLock(file, logger);
    expect(taken.ok).toBe(true);
    expect(messages).toContain("taking over a stale lock: the process that held it is no longer running");
  });

  it("does not take over a lock from another host, whatever its pid", async () => {
    const file = await lockPath();
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(
      file,
      JSON.stringify({ pid: deadPid, hostname: "elsewhere", startedAt: "2024-01-01T00:00:00Z" }),
    );
    const taken = await acquireProcessLock(file, recordingLogger().logger);
    expect(taken).toMatchObject({ ok: false, error: { kind: "held", holder: { hostname: "elsewhere" } } });
  });

  it("does not remove a lock someone else took after it was removed by hand", async () => {
    const file = await lockPath();
    const { logger } = recordingLogger();
    const first = await acquireProcessLock(file, logger);
    if (!first.ok) throw new Error("first take failed");
    await rm(file);
    const second = await acquireProcessLock(file, logger);
    if (!second.ok) throw new Error("second take failed");
    await first.value.release();
    await expect(readFile(file, "utf8")).resolves.toContain(String(process.pid));
  });
});
