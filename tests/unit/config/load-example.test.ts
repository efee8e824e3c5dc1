import { describe, expect, it } from "vitest";
import { loadConfigFile } from "../../../config/index.ts";
import { EXAMPLE_PATH, loadExample } from "./example-config.ts";

describe("the example network", () => {
  it("loads from its file", async () => {
    const loaded = await loadConfigFile(EXAMPLE_PATH);
    expect(loaded.ok ? [] : loaded.error).toEqual([]);
  });

  it("puts region N on 127.0.0.(10+N), as the devnet binds", () => {
    const config = loadExample();
    expect(config.regions.map((region) => region.id)).toEqual(["east-africa", "mena", "europe"]);
    config.regions.forEach((region, index) => {
      expect(region.homeserver).toEqual({
        serverName: `127.0.0.${11 + index}:18448`,
        clientUrl: `http://127.0.0.${11 + index}:18008`,
      });
    });
  });

  it("computes user ids from localpart and the region's server name", () => {
    const config = loadExample();
    const amina = config.people.find((person) => person.id === "amina-yusuf");
    expect(amina?.userId).toBe("@amina-yusuf:127.0.0.11:18448");
    expect(amina?.timeZone).toBe("Africa/Nairobi");
    expect(config.bots.convene.userId).toBe("@convene-bot:127.0.0.11:18448");
    expect(config.bots.provisioner?.password).toEqual({ file: "provisioner-bot.password" });
  });

  it("has the rooms, networks and roles the demo relies on", () => {
    const config = loadExample();
    const kinds = config.rooms.map((room) => room.kind);
    expect(kinds.filter((kind) => kind === "steering")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "public-digest")).toHaveLength(1);
    expect(kinds).toContain("cross-regional");
    expect(kinds.filter((kind) => kind === "regional")).toHaveLength(3);
    expect(config.networks.length).toBeGreaterThanOrEqual(4);
    expect(config.roles.steering.length).toBeGreaterThanOrEqual(3);
    expect(config.people.length).toBeGreaterThanOrEqual(10);
    for (const room of config.rooms) {
      expect(room.encrypted).toBe(room.kind !== "public-digest");
      expect(room.regions).toContain(room.homeRegion);
    }
  });

  it("parses durations to milliseconds and fills defaults", () => {
    const config = loadExample();
    expect(config.routing.sla.high).toEqual({ acceptWithin: 3_600_000, firstReplyWithin: 14_400_000 });
    expect(config.convening.defaultDuration).toBe(90 * 60_000);
    expect(config.convening.reminders).toEqual([86_400_000, 3_600_000]);
    expect(config.hub).toEqual({ host: "127.0.0.1", port: 8080, trustProxy: false });
  });
});
