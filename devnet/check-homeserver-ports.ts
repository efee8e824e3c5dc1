/**
 * Before starting homeservers, make sure each of their listener addresses can be bound,
 * so a collision is one clear sentence instead of a Synapse that never becomes ready.
 */
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError } from "./types.ts";
import type { HomeserverAddresses } from "./homeserver-paths.ts";
import { checkPortFree } from "./check-port-free.ts";

export async function checkHomeserverPorts(
  id: string,
  addresses: HomeserverAddresses,
): Promise<Result<void, DevnetError>> {
  const listeners = [
    { ...addresses.client, field: "clientUrl" },
    { ...addresses.federation, field: "serverName" },
  ];
  for (const { host, port, field } of listeners) {
    const check = await checkPortFree(host, port);
    if (check.free) continue;
    if (check.reason === "address-unavailable") {
      return err({
        kind: "address-unavailable",
        host,
        message:
          `Address ${host} (region ${id}'s ${field}) is not available on this machine: Linux routes all of 127.0.0.0/8 to loopback, ` +
          `but macOS needs an alias first (sudo ifconfig lo0 alias ${host} up).`,
      });
    }
    return err({
      kind: "port-in-use",
      host,
      port,
      homeserverId: id,
      message:
        check.reason === "in-use"
          ? `port ${port} on ${host} is already in use by another program: stop it, or change region ${id}'s ${field} in the config.`
          : `Cannot bind ${host}:${port} for region ${id}'s ${field}: ${check.detail}.`,
    });
  }
  return ok(undefined);
}
