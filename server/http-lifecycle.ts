/**
 * Starting and stopping the HTTP server. Stopping is graceful: in-flight requests finish, but
 * only up to a cap, after which remaining connections are cut so a shutdown cannot hang on a
 * slow client.
 */
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import {
  STATUS_CODES,
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
  server.on("clientError", answerClientError);
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

/**
 * A request Node refuses before the app sees it (headers over 16 KB, a malformed request line)
 * still gets the hub's Matrix-style JSON error, instead of Node's bare status line.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    errcode: "M_UNKNOWN",
    error: tooLarge ? "The request's headers or path are too large" : "The request could not be read",
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
