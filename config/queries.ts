/**
 * Lookups consumers need on a loaded config. Ids come from the config itself, so lookups by
 * config id return undefined only for ids that were never defined; `serverAclForRoom`
 * treats an unknown room as a bug in the caller.
 */
import { type ServerName, type UserId, aclHostOf } from "../lib/matrix-ids.ts";
import type {
  BotConfig,
  BotName,
  Homeserver,
  NetworkConfig,
  PersonConfig,
  RegionConfig,
  RoomConfig,
} from "./network-config.ts";

/** The region with this id. */
export function regionOf(config: NetworkConfig, regionId: string): RegionConfig | undefined {
  return config.regions.find((region) => region.id === regionId);
}

/** The homeserver of the region with this id. */
export function homeserverOfRegion(config: NetworkConfig, regionId: string): Homeserver | undefined {
  return regionOf(config, regionId)?.homeserver;
}

/** The room with this config id (not a Matrix room id). */
export function roomOf(config: NetworkConfig, roomConfigId: string): RoomConfig | undefined {
  return config.rooms.find((room) => room.id === roomConfigId);
}

/** The person with this config id. */
export function personById(config: NetworkConfig, personId: string): PersonConfig | undefined {
  return config.people.find((person) => person.id === personId);
}

/** The configured person with this Matrix user id (e.g. the sender of an event). */
export function personByUserId(config: NetworkConfig, user: UserId | string): PersonConfig | undefined {
  return config.people.find((person) => person.userId === user);
}

/** The configured bots with their names (the provisioner only when configured). */
export function listBots(config: NetworkConfig): { name: BotName; bot: BotConfig }[] {
  const { convene, route, digest, provisioner } = config.bots;
  const bots: { name: BotName; bot: BotConfig }[] = [
    { name: "convene", bot: convene },
    { name: "route", bot: route },
    { name: "digest", bot: digest },
  ];
  if (provisioner !== undefined) bots.push({ name: "provisioner", bot: provisioner });
  return bots;
}

export type RoleName = "steering" | "organisers" | "moderators" | "experts";

/** The people holding a network-wide role, in config order. */
export function peopleInRole(config: NetworkConfig, role: RoleName): PersonConfig[] {
  const ids = role === "experts" ? config.roles.experts.map((expert) => expert.person) : config.roles[role];
  return ids.flatMap((id) => personById(config, id) ?? []);
}

/** Content of an `m.room.server_acl` state event. */
export interface ServerAclContent {
  allow: string[];
  deny: string[];
  allow_ip_literals: boolean;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function isIpLiteralHost(host: string): boolean {
  return IPV4.test(host) || host.startsWith("[");
}

/**
 * The server ACL for a configured room.
 *
 * Allowed: the homeservers of the room's regions (`room.regions`: a regional room's own
 * region; a network room's network regions unless given; every region for cross-regional,
 * steering and public-digest rooms unless given), plus the homeservers hosting the bots,
 * since a bot shut out of a room could not convene, route or collect in it. The public
 * digest is read through the hub's public pages and world-readable history, not by
 * federating: admitting only network homeservers keeps strangers' servers from joining it.
 *
 * Federation matches ACLs against hosts without ports, so entries are hosts. But Synapse
 * validates a new ACL event against its own server name *with* its port ("Can't create an ACL
 * event that denies the local server"), so a server name with an explicit port is also listed
 * as written. `allow_ip_literals` is true only when
 * an allowed server is itself an IP literal (as on the devnet); otherwise any IP-literal
 * server is refused. Nothing is denied beyond what is not allowed.
 *
 * @throws Error when `roomConfigId` names no configured room: ids come from the config, so
 *   that is a bug in the caller.
 */
export function serverAclForRoom(config: NetworkConfig, roomConfigId: string): ServerAclContent {
  const room = roomOf(config, roomConfigId);
  if (room === undefined) throw new Error(`no room "${roomConfigId}" in the network config`);
  const admitted = new Set([...room.regions, ...listBots(config).map(({ bot }) => bot.region)]);
  // In config order, so the event content is stable and diffs between runs are meaningful.
  const servers: ServerName[] = config.regions
    .filter((region) => admitted.has(region.id))
    .map((region) => region.homeserver.serverName);
  const allow = [
    ...new Set(
      servers.flatMap((server) => (aclHostOf(server) === server ? [server] : [aclHostOf(server), server])),
    ),
  ];
  return { allow, deny: [], allow_ip_literals: allow.some(isIpLiteralHost) };
}
