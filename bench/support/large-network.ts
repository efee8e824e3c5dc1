/**
 * A large network for bench/provision, in the example's shape so every other section (roles,
 * routing, digest) stays valid: the example's 3 regions plus 7 more spread over the same 3
 * homeservers (10 regions), 20 extra regional rooms per region, and people up to 200 in all,
 * spread evenly over the regions.
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { EXAMPLE_CONFIG_PATH } from "../../tests/support/paths.ts";

export interface LargeNetworkShape {
  readonly regions: number;
  readonly roomsPerRegion: number;
  readonly people: number;
}

export const LARGE_NETWORK: LargeNetworkShape = { regions: 10, roomsPerRegion: 20, people: 200 };

interface RegionYaml {
  id: string;
  name: string;
  timeZones: string[];
  languages: string[];
  workingHours: unknown;
  homeserver: { serverName: string; clientUrl: string };
}

/** The large network's config text. */
export function largeNetworkText(shape: LargeNetworkShape = LARGE_NETWORK): string {
  const doc = parseDocument(readFileSync(EXAMPLE_CONFIG_PATH, "utf8"));
  const example = doc.toJS() as { regions: RegionYaml[]; people: unknown[]; rooms: unknown[] };
  const regions: RegionYaml[] = [...example.regions];
  for (let index = example.regions.length; index < shape.regions; index += 1) {
    const like = example.regions[index % example.regions.length];
    if (like === undefined) throw new Error("the example has regions");
    regions.push({ ...like, id: `region-${index + 1}`, name: `Region ${index + 1}` });
  }
  const rooms: unknown[] = [...example.rooms];
  for (const region of regions)
    for (let n = 1; n <= shape.roomsPerRegion; n += 1)
      rooms.push({
        id: `${region.id}-room-${n}`,
        name: `${region.name} room ${n}`,
        kind: "regional",
        region: region.id,
      });
  const people: unknown[] = [...example.people];
  for (let n = example.people.length; n < shape.people; n += 1) {
    const region = regions[n % regions.length];
    if (region === undefined) throw new Error("there are regions");
    people.push({
      id: `person-${n + 1}`,
      displayName: `Person ${n + 1}`,
      region: region.id,
      languages: region.languages.slice(0, 2),
    });
  }
  doc.set("regions", doc.createNode(regions));
  doc.set("rooms", doc.createNode(rooms));
  doc.set("people", doc.createNode(people));
  return doc.toString();
}
