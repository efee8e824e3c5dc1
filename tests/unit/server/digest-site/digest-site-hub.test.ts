/** The digest site's place in the hub: what startHub accepts, and what it serves without an index. */
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { NetworkConfig } from "../../../../config/index.ts";
import { silentLogger } from "../../../../lib/logger.ts";
import {
  asDigestSiteNetwork,
  type DigestSiteNetwork,
  siteLabelsOf,
} from "../../../../server/digest-site/digest-site-network.ts";
import { startHub } from "../../../../server/start-hub.ts";
import { SITE_NETWORK } from "../../../support/digest-site-fixtures.ts";
import { loadExample } from "../../config/example-config.ts";
import { startTestHub } from "../hub-test-helpers.ts";

// The loaded network config is what the CLI passes; it must fit without conversion.
const _fits: (config: NetworkConfig) => DigestSiteNetwork = (config) => config;

describe("the digest site's network", () => {
  it("is the loaded example config as it is", () => {
    const example = loadExample();
    expect(asDigestSiteNetwork(example)).toBe(example);
    const labels = siteLabelsOf(example, "fr");
    expect(labels.topic("online-recruitment")).toBe("Recrutement en ligne");
    expect(labels.region("mena")).toBe("Middle East and North Africa");
    expect(labels.topic("no-such-topic")).toBe("no-such-topic");
  });

  it("is refused when a field the site reads is missing", () => {
    expect(asDigestSiteNetwork(SITE_NETWORK)).toBe(SITE_NETWORK);
    expect(asDigestSiteNetwork({ ...SITE_NETWORK, routing: undefined })).toBeUndefined();
    expect(
      asDigestSiteNetwork({ ...SITE_NETWORK, regions: [{ id: "x", name: "X", languages: ["en"] }] }),
    ).toBeUndefined();
    expect(asDigestSiteNetwork(null)).toBeUndefined();
  });
});

describe("startHub with a digest index", () => {
  const redis = new Redis({ lazyConnect: true });

  it("needs the network, and one with what the site reads", async () => {
    await expect(
      startHub(
        { host: "127.0.0.1", port: 0 },
        { logger: silentLogger(), readiness: [], digestIndex: { redis, redisPrefix: "p" } },
      ),
    ).rejects.toThrow("startHub: digestIndex needs config.network");
    const narrow = {
      network: { id: "n", name: "N", defaultLanguage: "en" },
      regions: [{ id: "r", name: "R" }],
      networks: [],
    };
    await expect(
      startHub(
        { host: "127.0.0.1", port: 0, network: narrow },
        { logger: silentLogger(), readiness: [], digestIndex: { redis, redisPrefix: "p" } },
      ),
    ).rejects.toThrow(/digestIndex needs config\.network with network languages/);
  });

  it("serves no digest site without one: /digest is the plain 404", async () => {
    const hub = await startTestHub();
    for (const path of ["/digest", "/digest/feed.atom", "/digest/assets/site.css"]) {
      const response = await fetch(`${hub.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ errcode: "M_NOT_FOUND", error: "No such resource" });
    }
  });
});
