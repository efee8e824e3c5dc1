/** The calendar feeds' pure parts, and the route's behaviour where no Redis is needed. */
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { NetworkConfig } from "../../../config/index.ts";
import { newFeedToken } from "../../../lib/convening-index/index.ts";
import { silentLogger } from "../../../lib/logger.ts";
import { entityTagOf, ifNoneMatchHits } from "../../../server/calendars/entity-tag.ts";
import { redactFeedPath, tokenOfFeedFile } from "../../../server/calendars/feed-path.ts";
import { type HubNetwork, feedContextOf, networksOfRegion } from "../../../server/calendars/hub-network.ts";
import { startHub } from "../../../server/start-hub.ts";
import { capturingLogger, startTestHub } from "./hub-test-helpers.ts";

const NETWORK: HubNetwork = {
  network: { id: "horn-prevention", name: "Horn Prevention Network", defaultLanguage: "fr" },
  regions: [
    { id: "east-africa", name: "East Africa" },
    { id: "mena", name: "Middle East and North Africa" },
  ],
  networks: [
    { id: "horn", regions: ["east-africa", "mena"] },
    { id: "coast", regions: ["east-africa"] },
  ],
};

// The loaded network config is what the CLI will pass; it must fit without conversion.
const _fits: (config: NetworkConfig) => HubNetwork = (config) => config;

describe("entity tags", () => {
  it("are a quoted SHA-256 of the body, equal for equal bodies", () => {
    expect(entityTagOf("BEGIN:VCALENDAR")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(entityTagOf("a")).toBe(entityTagOf("a"));
    expect(entityTagOf("a")).not.toBe(entityTagOf("b"));
  });

  it.each([
    [undefined, false],
    ["", false],
    ['"other"', false],
    ['"tag"', true],
    ['W/"tag"', true],
    ['"other", "tag"', true],
    ['"other",W/"tag"', true],
    ["*", true],
    [" * ", true],
    ["tag", false],
  ])('If-None-Match %j against "tag" hits: %s', (header, hits) => {
    expect(ifNoneMatchHits(header, '"tag"')).toBe(hits);
  });
});

describe("feed paths", () => {
  it("take a well-formed token followed by .ics, and nothing else", () => {
    const token = newFeedToken();
    expect(tokenOfFeedFile(`${token}.ics`)).toBe(token);
    for (const bad of [
      token,
      `${token}.ical`,
      `${token}x.ics`,
      ".ics",
      `${token}.ics.ics`,
      `../${token}.ics`,
    ])
      expect(tokenOfFeedFile(bad)).toBeUndefined();
  });

  it("are logged with each segment replaced by a short hash", () => {
    const token = newFeedToken();
    const logged = redactFeedPath(`/${token}.ics`);
    expect(logged).toMatch(/^\/calendars\/~[0-9a-f]{12}\.ics$/);
    expect(logged).not.toContain(token);
    expect(redactFeedPath(`/${token}/more`)).toMatch(/^\/calendars\/~[0-9a-f]{12}\/~[0-9a-f]{12}$/);
    expect(redactFeedPath("/")).toBe("/calendars/");
  });
});

describe("the network as feeds see it", () => {
  it("writes in the network's language, regions by name, UIDs scoped by the network id", () => {
    expect(feedContextOf(NETWORK)).toEqual({
      network: "horn-prevention",
      networkName: "Horn Prevention Network",
      locale: "fr",
      regionNames: { "east-africa": "East Africa", mena: "Middle East and North Africa" },
    });
  });

  it("knows which networks invite a region", () => {
    expect(networksOfRegion(NETWORK, "east-africa")).toEqual(["horn", "coast"]);
    expect(networksOfRegion(NETWORK, "mena")).toEqual(["horn"]);
    expect(networksOfRegion(NETWORK, "europe")).toEqual([]);
  });
});

describe("GET /calendars/<token>.ics without a convening index", () => {
  it("answers the hub's plain 404 and logs no token", async () => {
    const log = capturingLogger();
    const hub = await startTestHub({}, { logger: log.logger });
    const token = newFeedToken();
    const feed = await fetch(`${hub.url}/calendars/${token}.ics`);
    const unknown = await fetch(`${hub.url}/no-such-thing`);
    expect(feed.status).toBe(404);
    expect(await feed.json()).toEqual(await unknown.json());

    const post = await fetch(`${hub.url}/calendars/${token}.ics`, { method: "POST" });
    expect(post.status).toBe(404);
    await log.waitFor((line) => line["msg"] === "request" && line["method"] === "POST");
    const logged = log.lines.filter((line) => line["msg"] === "request" && line["method"] !== undefined);
    expect(logged.map((line) => line["path"])).toContain(redactFeedPath(`/${token}.ics`));
    expect(JSON.stringify(log.lines)).not.toContain(token);
  });

  it("refuses to start with an index but no network to name its feeds", async () => {
    // Never connects: startHub refuses before using it.
    const redis = new Redis({ lazyConnect: true });
    await expect(
      startHub(
        { host: "127.0.0.1", port: 0 },
        { logger: silentLogger(), readiness: [], conveningIndex: { redis, redisPrefix: "x" } },
      ),
    ).rejects.toThrow(/conveningIndex needs config.network/);
    redis.disconnect();
  });
});
