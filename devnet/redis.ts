/**
 * Redis for the devnet: the caller's own (REDIS_URL) when it answers, else a `redis-server`
 * we start and own on 127.0.0.1 (16379 or the next free port), persisting to `<dir>/redis`.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError, DevnetStateRedis } from "./types.ts";
import { checkPortFree, findFreePort } from "./check-port-free.ts";
import { isOurProcess, isProcessAlive } from "./inspect-process.ts";
import { runCommand } from "./run-command.ts";
import { startProcess } from "./start-process.ts";
import { stopProcess } from "./stop-process.ts";
import { tailFile } from "./tail-file.ts";
import { waitReady } from "./wait-ready.ts";

const HOST = "127.0.0.1";
export const MANAGED_REDIS_PORT = 16379;

const REDIS_MISSING =
  "Redis is needed: set REDIS_URL to a running Redis or install redis-server " +
  "(Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).";

/** True when the Redis at `url` answers PING within two seconds. Never throws. */
export async function pingRedis(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Without a listener, connection errors would be emitted as unhandled 'error' events.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** What identifies our redis-server in a process listing (it rewrites its title to `redis-server host:port`). */
export function redisCommandMarker(url: string): string[] {
  return ["redis-server", `:${new URL(url).port}`];
}

/**
 * Returns a Redis to use: `redisUrl` if given (must answer), else the managed one from
 * `previous` state if still ours and answering, else a newly started managed one.
 */
export async function ensureRedis(
  devnetDir: string,
  redisUrl: string | undefined,
  previous: DevnetStateRedis | undefined,
  log: (line: string) => void,
): Promise<Result<DevnetStateRedis, DevnetError>> {
  if (redisUrl !== undefined) {
    // Switching to the caller's Redis: don't orphan the one we started earlier.
    if (previous?.managed === true && isOurProcess(previous.pid, redisCommandMarker(previous.url)))
      await stopProcess(previous.pid);
    if (await pingRedis(redisUrl)) return ok({ url: redisUrl, managed: false });
    return err({
      kind: "redis-failed",
      message: `REDIS_URL is set but nothing answers PING there: start that Redis, or unset REDIS_URL to let the devnet run its own redis-server.`,
    });
  }
  if (
    previous?.managed === true &&
    isOurProcess(previous.pid, redisCommandMarker(previous.url)) &&
    (await pingRedis(previous.url))
  ) {
    return ok(previous);
  }
  const version = await runCommand("redis-server", ["--version"]);
  if (version.code !== 0) return err({ kind: "redis-missing", message: REDIS_MISSING });

  const dir = join(devnetDir, "redis");
  await mkdir(dir, { recursive: true });
  const previousPort = previous?.managed === true ? Number(new URL(previous.url).port) : undefined;
  const port =
    previousPort !== undefined && (await checkPortFree(HOST, previousPort)).free
      ? previousPort
      : await findFreePort(HOST, MANAGED_REDIS_PORT);
  if (port === undefined) {
    return err({
      kind: "port-in-use",
      host: HOST,
      port: MANAGED_REDIS_PORT,
      message: `No free port for Redis on ${HOST} from ${MANAGED_REDIS_PORT} upwards: set REDIS_URL to a running Redis instead.`,
    });
  }
  const url = `redis://${HOST}:${port}`;
  const logFile = join(dir, "redis.log");
  log(`Starting redis-server on ${url} (data and log in ${dir}).`);
  const started = await startProcess({
    command: "redis-server",
    args: [
      "--bind",
      HOST,
      "--port",
      String(port),
      "--dir",
      dir,
      "--appendonly",
      "yes",
      "--daemonize",
      "no",
      "--logfile",
      logFile,
      "--save",
      "",
      // The router's hub intake passes request text over PUBLISH, which Redis stores nowhere,
      // except that the slow log keeps the arguments of any command slower than 10 ms: off.
      "--slowlog-log-slower-than",
      "-1",
    ],
    cwd: dir,
    env: process.env,
    stdoutFile: join(dir, "process-output.log"),
    stderrFile: join(dir, "process-output.log"),
  });
  if (!started.ok) return err({ kind: "redis-missing", message: REDIS_MISSING });
  const pid = started.value;
  const outcome = await waitReady({
    pid,
    probe: () => pingRedis(url),
    isAlive: isProcessAlive,
    timeoutMs: 20_000,
  });
  if (outcome !== "ready") {
    if (outcome === "timeout") await stopProcess(pid);
    return err({
      kind: "redis-failed",
      logFile,
      message: `redis-server on ${url} ${outcome === "exited" ? "exited during startup" : "did not answer PING within 20 s"}; log ${logFile}:\n${await tailFile(logFile, 10)}`,
    });
  }
  return ok({ url, pid, managed: true });
}
