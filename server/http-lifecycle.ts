/**
 * Starting and stopping the HTTP server. Stopping is graceful: in-flight requests finish, but
 * only up to a cap, after which remaining connections are cut so a shutdown cannot hang on a
 * slow client.
 */
import type { AddressInfo } from "node:net";
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server as HttpServer,
  type ServerResponse,
} from "node:http";
import type { Server as SocketIoServer } from "socket.io";
import type { Logger } from "../lib/logger.ts";

/** Listens on `host:port` (0 = any free port) and resolves with the bound port. */
export function listen(server: HttpServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(error);
    };
    server.once("error", onError);
    server.listen({ host, port }, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A URL for reaching a server bound to `host:port` from this machine. */
export function localUrl(host: string, port: number): string {
  // A wildcard bind is reachable on loopback; the wildcard itself is not a destination.
  const reachable = host === "0.0.0.0" ? "127.0.0.1" : host === "::" || host === "" ? "::1" : host;
  return `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${port}`;
}

/** The hub's HTTP server with a graceful close. */
export type GracefulHttpServer = {
  readonly server: HttpServer;
  /**
   * Stops accepting connections, disconnects socket.io clients, waits for in-flight requests
   * and, after `graceMs`, destroys whatever connections remain.
   */
  close(io: SocketIoServer, graceMs: number, logger: Logger): Promise<void>;
};

/** Creates an HTTP server for `handler` that can be closed gracefully. */
export function createGracefulHttpServer(handler: RequestListener): GracefulHttpServer {
  const server = createServer(handler);
  let closing = false;
  // Node's server.close() drops idle keep-alive connections once, but a connection whose request
  // is in flight only becomes idle after its response, and would then linger until the keep-alive
  // timeout. So while closing, drop connections as their responses finish.
  server.on("request", (_req: IncomingMessage, res: ServerResponse) => {
    res.once("finish", () => {
      if (closing) {
        setImmediate(() => {
          server.closeIdleConnections();
        });
      }
    });
  });

  return {
    server,
    close: async (io, graceMs, logger) => {
      closing = true;
      const force = setTimeout(() => {
        logger.warn({ graceMs }, "requests still in flight at the shutdown cap; closing their connections");
        server.closeAllConnections();
      }, graceMs);
      try {
        // Disconnects socket.io clients, closes engine.io, then closes the HTTP server and
        // resolves once every connection has ended.
        await io.close();
      } finally {
        clearTimeout(force);
      }
    },
  };
}
