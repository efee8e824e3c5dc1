/**
 * socket.io on the hub's HTTP server: live updates to open digest pages now, and to signed-in
 * people's clients later. With a Redis pair it uses socket.io's Redis adapter, so that a
 * broadcast from one hub process reaches clients connected to any other behind the same proxy.
 */
import type { IncomingMessage, Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Redis } from "ioredis";
import { Server as SocketIoServer } from "socket.io";
import type { Logger } from "../lib/logger.ts";
import type { HubMetrics } from "./metrics.ts";

/** Options for {@link attachSocketServer}. */
export type SocketServerOptions = {
  readonly logger: Logger;
  readonly metrics: HubMetrics;
  /** The hub's public URL; browsers on any other origin are refused. */
  readonly publicUrl?: string;
  /** Redis connections for the adapter (the subscriber one of its own), and its key prefix. */
  readonly adapter?: { readonly pub: Redis; readonly sub: Redis; readonly key: string };
};

/** Attaches socket.io at `/socket.io` on `httpServer`. */
export function attachSocketServer(httpServer: HttpServer, options: SocketServerOptions): SocketIoServer {
  const publicOrigin = options.publicUrl === undefined ? undefined : new URL(options.publicUrl).origin;
  const io = new SocketIoServer(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // No `cors` option: no CORS headers, so browsers only allow same-origin polling. WebSockets
    // ignore CORS, hence the explicit origin check below (cross-site WebSocket hijacking).
    allowRequest: (req, callback) => {
      callback(null, isSameOrigin(req, publicOrigin));
    },
  });
  if (options.adapter !== undefined) {
    const { pub, sub, key } = options.adapter;
    io.adapter(createAdapter(pub, sub, { key }));
  }
  io.on("connection", (socket) => {
    options.metrics.socketClients.inc();
    options.logger.debug({ socketId: socket.id }, "socket.io client connected");
    socket.once("disconnect", (reason) => {
      options.metrics.socketClients.dec();
      options.logger.debug({ socketId: socket.id, reason }, "socket.io client disconnected");
    });
  });
  return io;
}

/**
 * True when the request has no Origin (not a browser, so CSRF-style abuse does not apply) or
 * its Origin is the hub's own: the public URL's origin if configured, else the Host it called.
 */
function isSameOrigin(req: IncomingMessage, publicOrigin: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (publicOrigin !== undefined) return origin === publicOrigin;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
