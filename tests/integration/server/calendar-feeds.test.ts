/**
 * Calendar feeds end to end against the devnet's Redis: convenings published to the index
 * as the convene bot does, feed tokens issued, and each kind of feed fetched over HTTP from
 * a started hub and read back with ical.js (an independent parser). Isolated by a unique
 * key prefix, removed afterwards.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Convening, Rsvp } from "../../../bots/convene/model/convening.ts";
import {
  type FeedSubject,
  conveningIndexKeys,
  conveningsOfPerson,
  conveningsOfRegion,
  feedTokenTag,
  issueFeedToken,
  newFeedToken,
  publishConvening,
  readConvening,
  revokeFeedToken,
} from "../../../lib/convening-index/index.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { type Hub, type HubNetwork, startHub } from "../../../server/start-hub.ts";
import {
  parseIcs,
  type ParsedCalendar,
  type ParsedEvent,
} from "../../unit/bots/convene/calendar/parse-ics.ts";
import { wallClock } from "../../unit/bots/convene/calendar/wall-clock.ts";
import { capturingLogger } from "../../unit/server/hub-test-helpers.ts";

const devnet = inject("devnet");
const prefix = `test:calendars:${randomUUID()}`;

const NETWORK: HubNetwork = {
  network: { id: "horn-prevention", name: "Horn Prevention Network", defaultLanguage: "en" },
  regions: [
    { id: "east-africa", name: "East Africa" },
    { id: "europe", name: "Europe" },
    { id: "mena", name: "Middle East and North Africa" },
  ],
  networks: [{ id: "horn", regions: ["east-africa", "mena"] }],
};
const keys = conveningIndexKeys(prefix, NETWORK.network.id);

const amina = "@amina:ea.example.org" as UserId;
const omar = "@omar:mena.example.org" as UserId;
const lea = "@lea:eu.example.org" as UserId;

/** Cancelled one-off in Nairobi, invited: East Africa. */
const cancelled: Convening = {
  id: "cnl01",
  title: "Youth outreach roundtable",
  organiser: amina,
  time: { start: "2026-12-03T11:00:00.000Z", zone: "Africa/Nairobi", durationMinutes: 90 },
  regions: ["east-africa"],
  networks: [],
  capacity: 12,
  languages: ["en", "sw"],
  status: "cancelled",
  cancelReason: "Flooding on the roads",
  sequence: 3,
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-11-20T10:30:00.000Z",
};
const cancelledAnswers: Rsvp[] = [
  { user: amina, answer: "yes", at: "2026-11-02T08:00:00.000Z" },
  { user: omar, answer: "no", at: "2026-11-02T09:00:00.000Z" },
];

/** Weekly at 14:00 Paris across the change to summer time on 29 March 2026; one place. */
const weekly: Convening = {
  id: "wk001",
  title: "Exchange: early warning, weekly",
  organiser: lea,
  time: {
    start: "2026-03-05T13:00:00.000Z",
    zone: "Europe/Paris",
    durationMinutes: 60,
    rrule: "FREQ=WEEKLY;COUNT=8",
  },
  regions: ["europe"],
  networks: ["horn"],
  capacity: 1,
  languages: ["en", "fr"],
  status: "scheduled",
  sequence: 2,
  createdAt: "2026-02-01T09:00:00.000Z",
  updatedAt: "2026-02-10T09:00:00.000Z",
};
const weeklyAnswers: Rsvp[] = [
  { user: amina, answer: "yes", at: "2026-02-11T08:00:00.000Z" },
  { user: omar, answer: "yes", at: "2026-02-12T08:00:00.000Z" },
];

let redis: Redis;
let hub: Hub;
const log = capturingLogger();
const tokens = new Map<string, string>();

async function tokenFor(subject: FeedSubject): Promise<string> {
  const token = await issueFeedToken(redis, keys, subject);
  tokens.set(token, subject.kind);
  return token;
}

async function keysUnder(pattern: string): Promise<string[]> {
  const found: string[] = [];
  for await (const batch of redis.scanStream({ match: pattern, count: 200 }))
    found.push(...(batch as string[]));
  return found;
}

function feedUrl(token: string): string {
  return `${hub.url}/calendars/${token}.ics`;
}

async function fetchFeed(token: string): Promise<{ response: Response; calendar: ParsedCalendar }> {
  const response = await fetch(feedUrl(token));
  expect(response.status).toBe(200);
  return { response, calendar: parseIcs(await response.text()) };
}

function eventOf(calendar: ParsedCalendar, conveningId: string): ParsedEvent {
  const event = calendar.events.find((e) => e.uid === `convening-${conveningId}@horn-prevention`);
  if (event === undefined) throw new Error(`no event for ${conveningId}`);
  return event;
}

async function expectPlain404(token: string): Promise<void> {
  const response = await fetch(feedUrl(token));
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ errcode: "M_NOT_FOUND", error: "No such resource" });
}

beforeAll(async () => {
  redis = new Redis(devnet.redis.url, { maxRetriesPerRequest: 1 });
  expect(await publishConvening(redis, keys, cancelled, cancelledAnswers)).toBe("stored");
  expect(await publishConvening(redis, keys, weekly, weeklyAnswers)).toBe("stored");
  hub = await startHub(
    { host: "127.0.0.1", port: 0, network: NETWORK },
    { logger: log.logger, readiness: [], conveningIndex: { redis, redisPrefix: prefix } },
  );
});

afterAll(async () => {
  await hub.stop();
  const stale = await keysUnder(`${prefix}:*`);
  if (stale.length > 0) await redis.del(...stale);
  redis.disconnect();
});

describe("the convening index", () => {
  it("reads back what was published, indexed by region, network and person", async () => {
    expect(await readConvening(redis, keys, "wk001")).toEqual({
      ok: true,
      value: { convening: weekly, rsvps: weeklyAnswers },
    });
    expect(await readConvening(redis, keys, "never")).toEqual({ ok: true, value: undefined });
    const ids = async (regionId: string, networkIds: string[] = []) =>
      (await conveningsOfRegion(redis, keys, regionId, networkIds)).found.map((p) => p.convening.id);
    expect(await ids("europe")).toEqual(["wk001"]);
    expect(await ids("east-africa")).toEqual(["cnl01"]);
    expect(await ids("east-africa", ["horn"])).toEqual(["cnl01", "wk001"]);
    expect(await ids("mena")).toEqual([]);
    const omars = await conveningsOfPerson(redis, keys, omar);
    expect(omars.found.map((p) => [p.convening.id, p.answer.answer])).toEqual([
      ["cnl01", "no"],
      ["wk001", "yes"],
    ]);
    expect((await conveningsOfPerson(redis, keys, lea)).found).toEqual([]);
  });

  it("is idempotent and never goes back to a lower sequence", async () => {
    expect(await publishConvening(redis, keys, weekly, weeklyAnswers)).toBe("stored");
    const stale = { ...weekly, title: "An older title", sequence: 1 };
    expect(await publishConvening(redis, keys, stale, [])).toBe("stale");
    expect(await readConvening(redis, keys, "wk001")).toEqual({
      ok: true,
      value: { convening: weekly, rsvps: weeklyAnswers },
    });
    expect(await redis.smembers(keys.person(amina))).toContain("wk001");
  });

  it("follows a convening out of the regions and answers it no longer has", async () => {
    const moving: Convening = { ...weekly, id: "mv001", regions: ["europe"], networks: [], sequence: 1 };
    await publishConvening(redis, keys, moving, [{ user: lea, answer: "maybe", at: "2026-02-11T08:00:00Z" }]);
    expect(await redis.smembers(keys.region("europe"))).toContain("mv001");
    await publishConvening(redis, keys, { ...moving, regions: ["mena"], sequence: 2 }, []);
    expect(await redis.smembers(keys.region("europe"))).not.toContain("mv001");
    expect(await redis.smembers(keys.region("mena"))).toContain("mv001");
    expect(await redis.smembers(keys.person(lea))).not.toContain("mv001");
    // Put back as it was for the feeds below: nowhere.
    await publishConvening(redis, keys, { ...moving, regions: [], sequence: 3 }, []);
    expect(await redis.smembers(keys.region("mena"))).not.toContain("mv001");
  });

  it("skips and reports a record it cannot read instead of failing", async () => {
    await redis.hset(keys.convening("bad01"), "convening", "{not json", "rsvps", "[]");
    await redis.sadd(keys.region("europe"), "bad01", "gone1");
    const read = await conveningsOfRegion(redis, keys, "europe");
    expect(read.found.map((p) => p.convening.id)).toEqual(["wk001"]);
    expect(read.skipped.map((s) => s.conveningId)).toEqual(["bad01", "gone1"]);
    const single = await readConvening(redis, keys, "bad01");
    expect(single.ok ? "" : single.error).toMatch(/bad01.*not JSON/);
  });
});

describe("feed tokens", () => {
  it("give one live token per subject, even when asked for at once", async () => {
    const subject: FeedSubject = { kind: "person", user: lea };
    const issued = await Promise.all(Array.from({ length: 8 }, () => issueFeedToken(redis, keys, subject)));
    expect(new Set(issued).size).toBe(1);
    expect(await issueFeedToken(redis, keys, subject)).toBe(issued[0]);
    expect(issued[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash of the token names its lookup key.
    const lookups = await keysUnder(`${keys.base}:feed:token:*`);
    expect(lookups.join(" ")).not.toContain(issued[0]);
  });
});

describe("GET /calendars/<token>.ics", () => {
  it("serves a single convening: the weekly series, at 14:00 Paris on both sides of the DST change", async () => {
    const { response, calendar } = await fetchFeed(await tokenFor({ kind: "convening", id: "wk001" }));
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(calendar.events).toHaveLength(1);
    const event = eventOf(calendar, "wk001");
    expect(event.sequence).toBe(2);
    expect(event.status).toBe("CONFIRMED");
    expect(event.tzid).toBe("Europe/Paris");
    const starts = event.starts();
    expect(starts).toHaveLength(8);
    expect(starts[0]).toBe(Date.parse("2026-03-05T13:00:00Z"));
    expect(new Set(starts.map((at) => wallClock(at, "Europe/Paris").slice(11)))).toEqual(new Set(["14:00"]));
    expect(new Set(starts.map((at) => new Date(at).toISOString().slice(11, 16)))).toEqual(
      new Set(["13:00", "12:00"]),
    );
  });

  it("serves a region's feed, named from the config, with a cancelled convening kept as CANCELLED", async () => {
    const { calendar } = await fetchFeed(await tokenFor({ kind: "region", region: "east-africa" }));
    expect(calendar.calName).toBe("Horn Prevention Network: convenings in East Africa");
    // The weekly series invites the network "horn", which East Africa belongs to.
    expect(calendar.events.map((e) => e.uid).sort()).toEqual([
      "convening-cnl01@horn-prevention",
      "convening-wk001@horn-prevention",
    ]);
    const event = eventOf(calendar, "cnl01");
    expect(event.status).toBe("CANCELLED");
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe("Cancelled: Youth outreach roundtable");
    expect(event.start).toBe(Date.parse("2026-12-03T11:00:00Z"));
    expect(event.end).toBe(Date.parse("2026-12-03T12:30:00Z"));
    expect(event.transparency).toBe("TRANSPARENT");
  });

  it("leaves an unreadable record out of a region's feed and logs it", async () => {
    const token = await tokenFor({ kind: "region", region: "europe" });
    const { calendar } = await fetchFeed(token);
    expect(calendar.events.map((e) => e.uid)).toEqual(["convening-wk001@horn-prevention"]);
    const warning = await log.waitFor((line) => line["msg"] === "convenings left out of a feed");
    expect(warning["feed"]).toBe(feedTokenTag(token));
  });

  it("serves a person's feed with their own standing in each convening", async () => {
    const aminas = (await fetchFeed(await tokenFor({ kind: "person", user: amina }))).calendar;
    expect(aminas.calName).toBe("Horn Prevention Network: my convenings");
    expect(aminas.events.map((e) => e.uid).sort()).toEqual([
      "convening-cnl01@horn-prevention",
      "convening-wk001@horn-prevention",
    ]);
    // Amina said yes first and took the one place; Omar is on the waitlist.
    expect(eventOf(aminas, "wk001").busyStatus).toBe("BUSY");
    expect(eventOf(aminas, "wk001").description).toContain("Your answer:");
    expect(eventOf(aminas, "cnl01").status).toBe("CANCELLED");
    const omars = (await fetchFeed(await tokenFor({ kind: "person", user: omar }))).calendar;
    expect(eventOf(omars, "wk001").busyStatus).toBe("TENTATIVE");
    expect(eventOf(omars, "wk001").description).not.toBe(eventOf(aminas, "wk001").description);
    for (const event of [...aminas.events, ...omars.events])
      expect(event.propertyNames).not.toContain("attendee");
  });

  it("answers HEAD like GET, without a body", async () => {
    const token = await tokenFor({ kind: "convening", id: "cnl01" });
    const get = await fetch(feedUrl(token));
    const head = await fetch(feedUrl(token), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(get.headers.get("etag"));
    expect(head.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await head.text()).toBe("");
  });

  it("answers 304 to a matching If-None-Match, and 200 with a new ETag once the convening changes", async () => {
    const token = await tokenFor({ kind: "convening", id: "cnl01" });
    const first = await fetch(feedUrl(token));
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const again = await fetch(feedUrl(token), { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    expect((await fetch(feedUrl(token), { headers: { "if-none-match": '"other"' } })).status).toBe(200);

    const renamed = {
      ...cancelled,
      title: "Youth outreach (moved online)",
      sequence: 4,
      updatedAt: "2026-11-21T08:00:00.000Z",
    };
    expect(await publishConvening(redis, keys, renamed, cancelledAnswers)).toBe("stored");
    const changed = await fetch(feedUrl(token), { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const event = eventOf(parseIcs(await changed.text()), "cnl01");
    expect(event.sequence).toBe(4);
    expect(event.summary).toBe("Cancelled: Youth outreach (moved online)");

    // A stale publish (a retried job from before) changes nothing the feed shows.
    expect(await publishConvening(redis, keys, cancelled, cancelledAnswers)).toBe("stale");
    const after = await fetch(feedUrl(token), {
      headers: { "if-none-match": changed.headers.get("etag") ?? "" },
    });
    expect(after.status).toBe(304);
  });

  it("answers a rotated, revoked or never-issued token with the hub's plain 404", async () => {
    const subject: FeedSubject = { kind: "person", user: amina };
    const old = await tokenFor(subject);
    const rotated = await issueFeedToken(redis, keys, subject, { rotate: true });
    tokens.set(rotated, "person");
    expect(rotated).not.toBe(old);
    await expectPlain404(old);
    expect((await fetch(feedUrl(rotated))).status).toBe(200);
    expect(await issueFeedToken(redis, keys, subject)).toBe(rotated);

    const region = await tokenFor({ kind: "region", region: "mena" });
    expect((await fetch(feedUrl(region))).status).toBe(200);
    await revokeFeedToken(redis, keys, { kind: "region", region: "mena" });
    await expectPlain404(region);
    // Issuing after a revocation gives a new URL, never the revoked one back.
    const reissued = await tokenFor({ kind: "region", region: "mena" });
    expect(reissued).not.toBe(region);

    await expectPlain404(newFeedToken());
    const notFound = await fetch(`${hub.url}/calendars/short.ics`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ errcode: "M_NOT_FOUND", error: "No such resource" });
  });

  it("answers 404 for a token whose convening is gone, and for a region the config no longer has", async () => {
    await expectPlain404(await tokenFor({ kind: "convening", id: "never" }));
    await expectPlain404(await tokenFor({ kind: "region", region: "atlantis" }));
  });

  it("never writes a token to the log", () => {
    expect(tokens.size).toBeGreaterThan(5);
    const logged = JSON.stringify(log.lines);
    for (const token of tokens.keys()) expect(logged).not.toContain(token);
    expect(logged).toMatch(/"path":"\/calendars\/~[0-9a-f]{12}\.ics"/);
  });
});
