/**
 * The Matrix side of a network as its config wants it: a root space, a space per region
 * (hosted on the region's homeserver), a space per network group, and every configured room.
 * Pure: no Matrix I/O, so plans can be computed and tested without a homeserver.
 *
 * Join rules (membership of a space admits to its rooms; spaces themselves are invite-only so
 * that only the config decides who is in them):
 * - regional rooms: restricted to their region's space;
 * - network rooms: restricted to their network's space;
 * - cross-regional rooms: restricted to the root space (every person of the network);
 * - steering: invite-only (the group is small and its room holds triage and approvals);
 * - public digest: public, unencrypted, world-readable.
 */
import type { NetworkConfig, RegionConfig, RoomConfig } from "../../config/network-config.ts";
import { listBots, regionOf } from "../../config/queries.ts";
import { type UserId, userId } from "../../lib/matrix-ids.ts";
import type { DesiredNetwork, DesiredRoom, HostServer, JoinRuleState, ManagedKind } from "./managed-room.ts";
import { type MemberScope, botsOfRoom, peopleOfRoom, rolesOf } from "./members-of-room.ts";
import { levelForRoles, powerLevelsContent } from "./power-levels.ts";
import { serverAclForRegions } from "./space-acl.ts";
import { ROOT_SPACE_ID, networkSpaceId, regionSpaceId } from "./space-ids.ts";

/** Options for {@link desiredNetwork}. */
export interface DesiredNetworkOptions {
  /**
   * Localpart of the provisioner's account on every homeserver; default: the configured
   * provisioner bot's. A room can only be created by a user of its own homeserver, so the
   * provisioner has one account (same localpart) per homeserver.
   */
  readonly provisionerLocalpart?: string;
}

/** What every room and space shares, before its own particulars. */
interface RoomBasics {
  readonly configId: string;
  readonly kind: ManagedKind;
  readonly hostRegion: RegionConfig;
  readonly name: string;
  readonly topic: string | undefined;
  readonly scope: MemberScope;
}

/**
 * The desired spaces and rooms for `config`.
 *
 * @throws Error when no provisioner localpart is known (none configured, none given): the
 *   caller must supply one, so that is a bug in the caller, not bad input.
 */
export function desiredNetwork(config: NetworkConfig, options: DesiredNetworkOptions = {}): DesiredNetwork {
  const localpart = options.provisionerLocalpart ?? config.bots.provisioner?.localpart;
  if (localpart === undefined) throw new Error("desiredNetwork needs a provisioner localpart");
  const servers = [...new Set(config.regions.map((region) => region.homeserver.serverName))];
  const admins = servers.map((server) => userId(localpart, server));
  const bots = listBots(config)
    .filter(({ name }) => name !== "provisioner")
    .map(({ bot }) => bot.userId);

  const draft = [...spacesOf(config), ...config.rooms.map((room) => roomBasics(config, room))];
  const parentsOf = parentLinks(config);
  const rooms = draft.map((basics): DesiredRoom => {
    const room = config.rooms.find((candidate) => candidate.id === basics.configId);
    const host: HostServer = {
      serverName: basics.hostRegion.homeserver.serverName,
      region: basics.hostRegion.id,
    };
    const creator = userId(localpart, host.serverName);
    const people = peopleOfRoom(config, basics.scope);
    const roomBots = botsOfRoom(config, basics.kind);
    const levels = new Map<UserId, number>();
    for (const person of people)
      levels.set(person.userId, levelForRoles(rolesOf(config, person), basics.kind, config.powerLevels));
    for (const bot of roomBots) levels.set(bot, config.powerLevels.bots);
    // The provisioner accounts are the room's creators (see power-levels.ts): room version 12
    // forbids listing them, and no level could be above theirs anyway.
    for (const admin of admins) levels.delete(admin);
    const isSpace = room === undefined;
    return {
      configId: basics.configId,
      kind: basics.kind,
      isSpace,
      host,
      creator,
      additionalCreators: admins.filter((admin) => admin !== creator),
      adminMembers: isSpace ? admins.filter((admin) => admin !== creator) : [],
      name: basics.name,
      ...(basics.topic !== undefined && { topic: basics.topic }),
      encrypted: room?.encrypted ?? true,
      joinRule: joinRuleOf(basics.scope),
      guestAccess: "forbidden",
      historyVisibility: room?.historyVisibility ?? "joined",
      serverAcl: serverAclForRegions(config, host.region, [
        ...(isSpace ? config.regions.map((region) => region.id) : room.regions),
        ...people.map((person) => person.region),
      ]),
      powerLevels: powerLevelsContent(basics.kind, levels),
      invites: sorted(
        [...people.map((person) => person.userId), ...roomBots].filter((user) => user !== creator),
      ),
      parents: sorted(parentsOf.get(basics.configId) ?? []),
      children: sorted(
        [...parentsOf.entries()]
          .filter(([, parents]) => parents.includes(basics.configId))
          .map(([child]) => child),
      ),
      marker: { configId: basics.configId, kind: basics.kind, network: config.network.id },
    };
  });
  return { network: config.network.id, admins, bots, rooms };
}

/** The region hosting the root space: the provisioner's own, else the first region. */
function rootRegion(config: NetworkConfig): RegionConfig {
  const provisionerRegion = config.bots.provisioner?.region;
  const region =
    (provisionerRegion === undefined ? undefined : regionOf(config, provisionerRegion)) ?? config.regions[0];
  if (region === undefined) throw new Error("a loaded config always has a region");
  return region;
}

function requireRegion(config: NetworkConfig, regionId: string): RegionConfig {
  const region = regionOf(config, regionId);
  // The loader checked every reference, so a missing region is a bug.
  if (region === undefined) throw new Error(`no region "${regionId}" in the network config`);
  return region;
}

function spacesOf(config: NetworkConfig): RoomBasics[] {
  const root: RoomBasics = {
    configId: ROOT_SPACE_ID,
    kind: "root-space",
    hostRegion: rootRegion(config),
    name: config.network.name,
    topic: undefined,
    scope: { kind: "root-space" },
  };
  const regions = config.regions.map((region): RoomBasics => ({
    configId: regionSpaceId(region.id),
    kind: "region-space",
    hostRegion: region,
    name: region.name,
    topic: undefined,
    scope: { kind: "region-space", region: region.id },
  }));
  // A network space lives on its first region's homeserver: the network's rooms may each
  // name a different home region, so none of them is more natural.
  const networks = config.networks.map((network): RoomBasics => ({
    configId: networkSpaceId(network.id),
    kind: "network-space",
    hostRegion: requireRegion(config, network.regions[0] ?? rootRegion(config).id),
    name: network.name,
    topic: network.description,
    scope: { kind: "network-space", network: network.id },
  }));
  return [root, ...regions, ...networks];
}

function roomBasics(config: NetworkConfig, room: RoomConfig): RoomBasics {
  const common = {
    configId: room.id,
    hostRegion: requireRegion(config, room.homeRegion),
    name: room.name,
    topic: room.topic,
  };
  switch (room.kind) {
    case "regional":
      return { ...common, kind: room.kind, scope: { kind: "regional", region: room.region } };
    case "network":
      return { ...common, kind: room.kind, scope: { kind: "network", network: room.network } };
    case "cross-regional":
    case "steering":
    case "public-digest":
      return { ...common, kind: room.kind, scope: { kind: room.kind } };
  }
}

/** The join rule for a room with this scope (a scope's kind is its room's kind). */
function joinRuleOf(scope: MemberScope): JoinRuleState {
  switch (scope.kind) {
    case "root-space":
    case "region-space":
    case "network-space":
    case "steering":
      return { rule: "invite" };
    case "public-digest":
      return { rule: "public" };
    case "cross-regional":
      return { rule: "restricted", allow: [ROOT_SPACE_ID] };
    case "regional":
      return { rule: "restricted", allow: [regionSpaceId(scope.region)] };
    case "network":
      return { rule: "restricted", allow: [networkSpaceId(scope.network)] };
  }
}

/** Child config id → the config ids of the spaces listing it. */
function parentLinks(config: NetworkConfig): Map<string, string[]> {
  const links = new Map<string, string[]>();
  for (const region of config.regions) links.set(regionSpaceId(region.id), [ROOT_SPACE_ID]);
  for (const network of config.networks) links.set(networkSpaceId(network.id), [ROOT_SPACE_ID]);
  for (const room of config.rooms) {
    const parent =
      room.kind === "regional"
        ? regionSpaceId(room.region)
        : room.kind === "network"
          ? networkSpaceId(room.network)
          : ROOT_SPACE_ID;
    links.set(room.id, [parent]);
  }
  return links;
}

function sorted<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}
