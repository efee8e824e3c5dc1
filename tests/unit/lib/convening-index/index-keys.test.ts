/** The key layout is the contract between the bot and the hub: pinned here. */
import { describe, expect, it } from "vitest";
import { NETWORK_BOTS_REDIS_PREFIX } from "../../../../lib/bot-health-key.ts";
import { conveningIndexKeys } from "../../../../lib/convening-index/index.ts";
import type { UserId } from "../../../../lib/matrix-ids.ts";

const keys = conveningIndexKeys(NETWORK_BOTS_REDIS_PREFIX, "horn-prevention");

describe("convening index keys", () => {
  it("puts everything under <prefix>:convene:<networkId>", () => {
    expect(keys.base).toBe("meridian:convene:horn-prevention");
    expect(keys.convening("c7k2p")).toBe("meridian:convene:horn-prevention:convening:c7k2p");
    expect(keys.region("east-africa")).toBe("meridian:convene:horn-prevention:region:east-africa");
    expect(keys.network("horn")).toBe("meridian:convene:horn-prevention:network:horn");
    expect(keys.feedLookup("ab12")).toBe("meridian:convene:horn-prevention:feed:token:ab12");
  });

  it("percent-encodes user ids, so their colons never look like separators", () => {
    expect(keys.person("@amina:ea.example.org" as UserId)).toBe(
      "meridian:convene:horn-prevention:person:%40amina%3Aea.example.org",
    );
    expect(keys.feedTokenOf({ kind: "person", user: "@amina:ea.example.org" as UserId })).toBe(
      "meridian:convene:horn-prevention:feed:subject:person:%40amina%3Aea.example.org",
    );
  });

  it("keeps networks, prefixes and subject kinds apart", () => {
    const other = conveningIndexKeys(NETWORK_BOTS_REDIS_PREFIX, "sahel");
    const test = conveningIndexKeys("test:1234", "horn-prevention");
    expect(new Set([keys.convening("x"), other.convening("x"), test.convening("x")]).size).toBe(3);
    expect(keys.feedTokenOf({ kind: "region", region: "x" })).not.toBe(
      keys.feedTokenOf({ kind: "convening", id: "x" }),
    );
    // "a:b" as one id must not meet "a" followed by a separator and "b".
    expect(keys.convening("a:b")).toBe("meridian:convene:horn-prevention:convening:a%3Ab");
    expect(conveningIndexKeys("p", "a:convening").convening("b")).not.toBe(
      conveningIndexKeys("p", "a").convening("convening:b"),
    );
  });
});
