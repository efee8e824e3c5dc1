/**
 * The bridge from the network config to the devnet: one homeserver per region, and an
 * account for every person, every bot and one admin per homeserver. The devnet itself knows
 * nothing of regions or roles; this is the only place that maps one onto the other.
 */
import { listBots, type NetworkConfig } from "../config/index.ts";
import type { DevnetAccountSpec, DevnetHomeserverSpec, DevnetSpec } from "./types.ts";

/** The admin account each devnet homeserver gets, used by provisioning and tests. */
export const DEVNET_ADMIN_LOCALPART = "meridian-admin";

/**
 * A homeserver that is deliberately not part of any network config: tests use it to show
 * that server ACLs keep outsiders out. Its own loopback address, because ACLs ignore ports.
 */
export const OUTSIDER_HOMESERVER: DevnetHomeserverSpec = {
  id: "outsider",
  serverName: "127.0.0.99:18448" as DevnetHomeserverSpec["serverName"],
  clientUrl: "http://127.0.0.99:18008",
};

export interface SpecOptions {
  dir: string;
  redisUrl?: string | undefined;
  /** Bot passwords by bot id, read from their secret files. */
  botPasswords: ReadonlyMap<string, string>;
  extraHomeservers?: readonly DevnetHomeserverSpec[];
}

export function devnetSpecFromConfig(config: NetworkConfig, options: SpecOptions): DevnetSpec {
  // Regions may share a homeserver: it runs once, named after the first region using it.
  const serverIdOf = new Map<string, string>();
  const homeservers: DevnetHomeserverSpec[] = [];
  for (const region of config.regions) {
    if (serverIdOf.has(region.homeserver.serverName)) continue;
    serverIdOf.set(region.homeserver.serverName, region.id);
    homeservers.push({
      id: region.id,
      serverName: region.homeserver.serverName,
      clientUrl: region.homeserver.clientUrl,
    });
  }
  const homeserverOf = (regionId: string): string => {
    const region = config.regions.find((candidate) => candidate.id === regionId);
    return (region === undefined ? undefined : serverIdOf.get(region.homeserver.serverName)) ?? regionId;
  };
  homeservers.push(...(options.extraHomeservers ?? []));

  const accounts: DevnetAccountSpec[] = homeservers.map((hs) => ({
    homeserverId: hs.id,
    localpart: DEVNET_ADMIN_LOCALPART,
    displayName: "Meridian admin",
    admin: true,
  }));
  for (const person of config.people) {
    accounts.push({
      homeserverId: homeserverOf(person.region),
      localpart: person.localpart,
      displayName: person.displayName,
    });
  }
  for (const { name, bot } of listBots(config)) {
    const password = options.botPasswords.get(name);
    // Only a local user can create a room on a homeserver, so the provisioner has an account
    // (same localpart and password) on every region's homeserver; the other bots live on one.
    const servers = name === "provisioner" ? [...serverIdOf.values()] : [homeserverOf(bot.region)];
    for (const server of servers) {
      accounts.push({
        homeserverId: server,
        localpart: bot.localpart,
        displayName: bot.displayName,
        ...(password === undefined ? {} : { password }),
      });
    }
  }
  return {
    dir: options.dir,
    homeservers,
    accounts,
    ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
  };
}
