import { describe, expect, it } from "vitest";
import { parseUserId } from "../../../lib/matrix-ids.ts";
import {
  type NetworkConfig,
  homeserverOfRegion,
  peopleInRole,
  personByUserId,
  regionOf,
  serverAclForRoom,
} from "../../../config/index.ts";
import { loadExample } from "./example-config.ts";

describe("serverAclForRoom", () => {
  const config = loadExample();

  it("admits every region's host, and its name with port for Synapse's own check, to a cross-regional room", () => {
    expect(serverAclForRoom(config, "convenings-lobby")).toEqual({
      allow: [
        "127.0.0.11",
        "127.0.0.11:18448",
        "127.0.0.12",
        "127.0.0.12:18448",
        "127.0.0.13",
        "127.0.0.13:18448",
      ],
      deny: [],
      allow_ip_literals: true,
    });
  });

  it("admits a regional room's own region plus the bots' homeserver", () => {
    // The example hosts every bot in East Africa.
    expect(serverAclForRoom(config, "europe-practice").allow).toEqual([
      "127.0.0.11",
      "127.0.0.11:18448",
      "127.0.0.13",
      "127.0.0.13:18448",
    ]);
    expect(serverAclForRoom(config, "east-africa-practice").allow).toEqual([
      "127.0.0.11",
      "127.0.0.11:18448",
    ]);
  });

  it("limits a network room to the network's regions by default", () => {
    const moved: NetworkConfig = { ...config, bots: moveBots(config, "europe") };
    expect(serverAclForRoom(moved, "off-ramp-practice").allow).toEqual([
      "127.0.0.12",
      "127.0.0.12:18448",
      "127.0.0.13",
      "127.0.0.13:18448",
    ]);
  });

  it("refuses IP literals when every allowed server has a DNS name", () => {
    const named: NetworkConfig = {
      ...config,
      regions: config.regions.map((region) => ({
        ...region,
        homeserver: { ...region.homeserver, serverName: `matrix.${region.id}.example.org:8448` as never },
      })),
    };
    expect(serverAclForRoom(named, "steering")).toEqual({
      allow: [
        "matrix.east-africa.example.org",
        "matrix.east-africa.example.org:8448",
        "matrix.mena.example.org",
        "matrix.mena.example.org:8448",
        "matrix.europe.example.org",
        "matrix.europe.example.org:8448",
      ],
      deny: [],
      allow_ip_literals: false,
    });
  });

  it("treats an unknown room id as a bug", () => {
    expect(() => serverAclForRoom(config, "no-such-room")).toThrow(/no room "no-such-room"/);
  });
});

describe("lookups", () => {
  const config = loadExample();

  it("finds regions and their homeservers", () => {
    expect(regionOf(config, "mena")?.name).toBe("Middle East and North Africa");
    expect(homeserverOfRegion(config, "europe")?.serverName).toBe("127.0.0.13:18448");
    expect(regionOf(config, "atlantis")).toBeUndefined();
  });

  it("lists people in a role and finds people by user id", () => {
    expect(peopleInRole(config, "steering").map((person) => person.id)).toEqual([
      "amina-yusuf",
      "layla-haddad",
      "claire-dubois",
    ]);
    expect(peopleInRole(config, "experts").length).toBe(config.roles.experts.length);
    const layla = parseUserId("@layla-haddad:127.0.0.12:18448");
    expect(layla.ok && personByUserId(config, layla.value)?.displayName).toBe("Layla Haddad");
    expect(personByUserId(config, "@layla-haddad:127.0.0.99:18448")).toBeUndefined();
  });
});

function moveBots(config: NetworkConfig, region: string): NetworkConfig["bots"] {
  return {
    convene: { ...config.bots.convene, region },
    route: { ...config.bots.route, region },
    digest: { ...config.bots.digest, region },
    provisioner: { ...config.bots.provisioner!, region },
  };
}
