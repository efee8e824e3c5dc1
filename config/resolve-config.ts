/**
 * Turns a schema-valid, reference-checked file into the `NetworkConfig` consumers read:
 * fills defaults that depend on other sections and computes Matrix user ids, so that the
 * rules for deriving them live in one place.
 */
import { userId } from "../lib/matrix-ids.ts";
import type { BotConfig, NetworkConfig, PersonConfig, RegionConfig, RoomConfig } from "./network-config.ts";
import type { RawNetworkConfig, RawRoom } from "./schema.ts";

/** Builds the loaded config. Call only after `validateReferences` found nothing: a dangling reference here is a bug. */
export function resolveConfig(raw: RawNetworkConfig): NetworkConfig {
  const regions = new Map(raw.regions.map((region) => [region.id, region]));
  const regionById = (id: string): RegionConfig => {
    const region = regions.get(id);
    if (region === undefined)
      throw new Error(`bug: region "${id}" should have been checked by validateReferences`);
    return region;
  };
  const allRegionIds = raw.regions.map((region) => region.id);

  const resolveRoom = (room: RawRoom): RoomConfig => {
    const common = {
      id: room.id,
      name: room.name,
      ...(room.topic !== undefined && { topic: room.topic }),
      encrypted: room.kind !== "public-digest",
      historyVisibility:
        room.historyVisibility ?? (room.kind === "public-digest" ? "world_readable" : "joined"),
    } as const;
    switch (room.kind) {
      case "regional":
        return {
          kind: room.kind,
          ...common,
          region: room.region,
          homeRegion: room.region,
          regions: [room.region],
        };
      case "network": {
        // A network's room defaults to the regions the network works in, not the whole federation.
        const networkRegions =
          raw.networks.find((network) => network.id === room.network)?.regions ?? allRegionIds;
        return {
          kind: room.kind,
          ...common,
          network: room.network,
          homeRegion: room.homeRegion,
          regions: room.regions ?? networkRegions,
        };
      }
      case "cross-regional":
      case "steering":
      case "public-digest":
        return {
          kind: room.kind,
          ...common,
          homeRegion: room.homeRegion,
          regions: room.regions ?? allRegionIds,
        };
    }
  };

  const people = raw.people.map((person): PersonConfig => {
    const region = regionById(person.region);
    const localpart = person.localpart ?? person.id;
    return {
      id: person.id,
      displayName: person.displayName,
      region: person.region,
      localpart,
      userId: userId(localpart, region.homeserver.serverName),
      languages: person.languages,
      timeZone: person.timeZone ?? region.timeZones[0] ?? "UTC",
      networks: person.networks ?? [],
    };
  });

  const resolveBot = (bot: RawNetworkConfig["bots"]["convene"]): BotConfig => ({
    ...bot,
    userId: userId(bot.localpart, regionById(bot.region).homeserver.serverName),
  });
  const { provisioner } = raw.bots;

  return {
    version: raw.version,
    network: raw.network,
    regions: raw.regions,
    networks: raw.networks.map(({ description, ...network }) => ({
      ...network,
      ...(description !== undefined && { description }),
    })),
    rooms: raw.rooms.map(resolveRoom),
    people,
    roles: {
      ...raw.roles,
      experts: raw.roles.experts.map(({ regions: expertRegions, ...expert }) => ({
        ...expert,
        ...(expertRegions !== undefined && { regions: expertRegions }),
      })),
    },
    bots: {
      convene: resolveBot(raw.bots.convene),
      route: resolveBot(raw.bots.route),
      digest: resolveBot(raw.bots.digest),
      ...(provisioner !== undefined && { provisioner: resolveBot(provisioner) }),
    },
    digest: raw.digest,
    routing: {
      ...raw.routing,
      rules: raw.routing.rules.map((rule) => ({ pool: rule.pool, match: dropUndefined(rule.match) })),
      fallback: dropUndefined(raw.routing.fallback),
    },
    convening: { ...raw.convening, reminders: [...raw.convening.reminders].sort((a, b) => b - a) },
    powerLevels: raw.powerLevels,
    hub: dropUndefined(raw.hub),
    secrets: dropUndefined(raw.secrets),
  };
}

/**
 * Zod types optional keys as `T | undefined`; with exactOptionalPropertyTypes the loaded
 * types say "absent", so absent keys are removed rather than carried as undefined.
 */
type WithoutUndefined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

function dropUndefined<T extends object>(value: T): WithoutUndefined<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as WithoutUndefined<T>;
}
