/**
 * Check that host:port can be bound before starting a server on it. Synapse and redis-server
 * report a taken port only in their logs (or retry), so checking first turns a confusing hang
 * into a sentence naming the port and what to change.
 */
import { createServer } from "node:net";

export type PortCheck =
  { free: true } | { free: false; reason: "in-use" | "address-unavailable" | "other"; detail: string };

/** Binds and immediately releases host:port. */
export function checkPortFree(host: string, port: number): Promise<PortCheck> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") resolve({ free: false, reason: "in-use", detail: error.message });
      else if (error.code === "EADDRNOTAVAIL")
        resolve({ free: false, reason: "address-unavailable", detail: error.message });
      else resolve({ free: false, reason: "other", detail: error.message });
    });
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => {
        resolve({ free: true });
      });
    });
  });
}

/** The first free port from `start` upwards (at most `attempts` tries). */
export async function findFreePort(host: string, start: number, attempts = 50): Promise<number | undefined> {
  for (let port = start; port < start + attempts && port <= 65535; port++) {
    if ((await checkPortFree(host, port)).free) return port;
  }
  return undefined;
}
