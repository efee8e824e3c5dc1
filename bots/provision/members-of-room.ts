/**
 * Who belongs in each managed space and room. Rules (roles apply across the whole network):
 *
 * - root space and cross-regional rooms: every person;
 * - a region's space: the region's people; a network's space: the network's people;
 * - regional and network rooms: their region's or network's people, plus organisers and
 *   moderators (they serve every room);
 * - steering room: the steering group;
 * - public digest: the steering group, organisers and moderators (the curators).
 *
 * Bots: convene, route and digest join every private room (they convene, route requests and
 * collect items there; route raises triage in the steering room); only the digest bot joins
 * the public digest; no bot joins spaces, which only admit people to rooms.
 */
import type { NetworkConfig, PersonConfig } from "../../config/network-config.ts";
import { listBots } from "../../config/queries.ts";
import type { UserId } from "../../lib/matrix-ids.ts";
import type { ManagedKind } from "./managed-room.ts";
import type { MemberRoles } from "./power-levels.ts";

/** What a room's membership is drawn from. */
export type MemberScope =
  | { readonly kind: Exclude<ManagedKind, "regional" | "network" | "region-space" | "network-space"> }
  | { readonly kind: "regional" | "region-space"; readonly region: string }
  | { readonly kind: "network" | "network-space"; readonly network: string };

/** The roles a person holds. */
export function rolesOf(config: NetworkConfig, person: PersonConfig): MemberRoles {
  return {
    steering: config.roles.steering.includes(person.id),
    organiser: config.roles.organisers.includes(person.id),
    moderator: config.roles.moderators.includes(person.id),
  };
}

function belongs(config: NetworkConfig, person: PersonConfig, scope: MemberScope): boolean {
  const roles = rolesOf(config, person);
  const staff = roles.organiser || roles.moderator;
  switch (scope.kind) {
    case "root-space":
    case "cross-regional":
      return true;
    case "region-space":
      return person.region === scope.region;
    case "network-space":
      return person.networks.includes(scope.network);
    case "regional":
      return person.region === scope.region || staff;
    case "network":
      return person.networks.includes(scope.network) || staff;
    case "steering":
      return roles.steering;
    case "public-digest":
      return roles.steering || staff;
  }
}

/** The people who belong in a room with this scope, in config order. */
export function peopleOfRoom(config: NetworkConfig, scope: MemberScope): PersonConfig[] {
  return config.people.filter((person) => belongs(config, person, scope));
}

/** The bots (never the provisioner) that join a room of this kind. */
export function botsOfRoom(config: NetworkConfig, kind: ManagedKind): UserId[] {
  if (kind === "root-space" || kind === "region-space" || kind === "network-space") return [];
  return listBots(config)
    .filter(({ name }) => name !== "provisioner" && (kind !== "public-digest" || name === "digest"))
    .map(({ bot }) => bot.userId);
}
