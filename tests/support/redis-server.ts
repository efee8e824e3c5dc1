/**
 * A private redis-server per test file: tests must not touch the system Redis on 6379 nor depend
 * on the shared devnet, and some need to kill and restart Redis, which a shared one cannot allow.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { connect, createServer, type AddressInfo } from "node:net";

export interface RedisServerOptions {
  /** Append-only persistence in `dir`, for tests that restart Redis and expect data to survive. */
  readonly appendOnlyDir?: string;
  /** Reuse a port (restarting a stopped server on the same address); a free one otherwise. */
  readonly port?: number;
  readonly readyTimeoutMs?: number;
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops the server with SIGTERM (a clean shutdown that flushes the append-only file). */
  stop(): Promise<void>;
}

/** A port free right now: redis-server cannot bind port 0, so ask the kernel via a throwaway listener. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One raw RESP PING; true when the server answers +PONG (no client library, so no reconnect noise). */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(500, () => {
      done(false);
    });
    socket.once("error", () => {
      done(false);
    });
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (chunk: Buffer) => {
      // While loading the append-only file Redis answers -LOADING, which is not ready yet.
      done(chunk.toString().startsWith("+PONG"));
    });
  });
}

/** Starts redis-server on loopback and resolves once it answers PING. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = options.port ?? (await freePort());
  const persistence =
    options.appendOnlyDir === undefined
      ? ["--appendonly", "no"]
      : ["--appendonly", "yes", "--appendfsync", "always", "--dir", options.appendOnlyDir];
  const child: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...persistence],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exit = new Promise<void>((resolve) => {
    child.once("exit", () => {
      resolve();
    });
  });
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;

  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
  for (;;) {
    if (exited()) throw new Error(`redis-server on port ${port} exited early: ${output}`);
    if (await ping(port)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server on port ${port} did not answer PING in time: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (exited()) return;
      child.kill("SIGTERM");
      await exit;
    },
  };
}
