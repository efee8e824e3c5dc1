/**
 * A hub for fuzzing: the app `startHub` builds (every built-in route module, the same
 * middleware and error handling), over a loopback port, with what lies outside the hub faked:
 * homeservers that know each member's OpenID token, a route bot that always answers, a
 * digest index held in memory, and a convening index with two feed tokens and no convenings.
 * Nothing here can fail the way a real dependency can, so any 5xx is the hub's own.
 */
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import { Registry } from "prom-client";
import {
  type FeedSubject,
  conveningIndexKeys,
  hashFeedToken,
  newFeedToken,
  serialiseFeedSubject,
} from "../../../../lib/convening-index/index.ts";
import type { PublishedDigestItem, PublishedEdition } from "../../../../lib/digest-index/index.ts";
import { silentLogger } from "../../../../lib/logger.ts";
import { type UserId, localpartOf, serverOf } from "../../../../lib/matrix-ids.ts";
import type { IntakeReply, IntakeRequest } from "../../../../lib/request-intake/index.ts";
import { err, ok } from "../../../../lib/result.ts";
import {
  type HubDirectory,
  type OpenIdVerifier,
  clientUrlOfServer,
  createHubAuth,
} from "../../../../server/auth/index.ts";
import { createHubApp } from "../../../../server/create-hub-app.ts";
import { createGracefulHttpServer } from "../../../../server/http-lifecycle.ts";
import type { RenderedBody } from "../../../../server/digest-source/cached-digest-index.ts";
import type { DigestSite } from "../../../../server/digest-source/connect-digest-site.ts";
import { digestSnapshotOf } from "../../../../server/digest-site/digest-snapshot.ts";
import { searchNamesOf } from "../../../../server/digest-site/search-names.ts";
import { createHubMetrics } from "../../../../server/metrics.ts";
import { createReadinessRegistry } from "../../../../server/readiness.ts";
import type { PracticeRequests } from "../../../../server/requests/practice-requests.ts";
import { HUB_ROUTE_MODULES } from "../../../../server/routes/hub-routes.ts";
import { SITE_NETWORK, publishedItem, realisticEdition } from "../../../support/digest-site-fixtures.ts";

export const MEMBER = "@amina:ea.example.org" as UserId;
export const STEERING = "@claire:eu.example.org" as UserId;
export const STRANGER = "@stranger:ea.example.org" as UserId;
export const T0 = Date.UTC(2026, 11, 1, 9);

export const directory: HubDirectory = {
  regions: [
    { homeserver: { serverName: "ea.example.org", clientUrl: "http://ea.invalid" } },
    { homeserver: { serverName: "eu.example.org", clientUrl: "http://eu.invalid" } },
  ],
  people: [
    { id: "amina", userId: MEMBER },
    { id: "claire", userId: STEERING },
  ],
  roles: { steering: ["claire"] },
};

/** Each homeserver knows the token `<localpart>-token` of its own users, and nothing else. */
export const verifier: OpenIdVerifier = (clientUrl, token) => {
  const owner = [MEMBER, STEERING, STRANGER].find(
    (user) =>
      token === `${localpartOf(user)}-token` && clientUrlOfServer(directory, serverOf(user)) === clientUrl,
  );
  return Promise.resolve(owner === undefined ? err("rejected") : ok(owner));
};

/** The route bot's answer, picked by the text so every kind comes back: a case, problems, a refusal. */
export function routerAnswer(request: IntakeRequest): IntakeReply {
  switch (request.text.length % 3) {
    case 0:
      return { ok: true, caseId: "rk7m2pq", ...(request.anonymous ? { handle: "Requester K7QM" } : {}) };
    case 1:
      return { ok: false, problems: [{ field: "topic", message: "No topic is called that" }] };
    default:
      return { ok: false, refused: "Too many requests today" };
  }
}

/** Digest content with markup and odd text of its own, so escaping is tested both ways. */
export function digestContent(): { items: PublishedDigestItem[]; editions: PublishedEdition[] } {
  const { items, edition } = realisticEdition(6);
  const odd = [
    publishedItem("item-odd1", {
      title: `<script>alert("x")</script> & "quotes" 'too'`,
      messages: [{ author: "<b>Mallory</b>", pseudonymous: false, text: "javascript:alert(1) \u202e evil" }],
    }),
    publishedItem("item-odd2", { title: "مرحبا بالعالم", language: "ar", regions: ["mena"], topics: [] }),
  ];
  return { items: [...items, ...odd], editions: [edition] };
}

/**
 * The three Redis reads a feed makes, over a map: two feed tokens resolve (a member's and a
 * region's), and no convening is stored, so each renders an empty calendar.
 */
function conveningIndex(redisPrefix: string) {
  const keys = conveningIndexKeys(redisPrefix, SITE_NETWORK.network.id);
  const strings = new Map<string, string>();
  const tokens: string[] = [];
  const subjects: FeedSubject[] = [
    { kind: "person", user: MEMBER },
    { kind: "region", region: "mena" },
  ];
  for (const subject of subjects) {
    const token = newFeedToken();
    tokens.push(token);
    strings.set(keys.feedLookup(hashFeedToken(token)), serialiseFeedSubject(subject));
    strings.set(keys.feedTokenOf(subject), token);
  }
  const reads = {
    get: (key: string) => Promise.resolve(strings.get(key) ?? null),
    smembers: () => Promise.resolve([]),
    sunion: () => Promise.resolve([]),
    hmget: (_key: string, ...fields: string[]) => Promise.resolve(fields.map(() => null)),
  };
  // The feed code uses only these reads; the rest of the client is never reached.
  return { redis: reads as unknown as Redis, keys, tokens };
}

function digestSite(): DigestSite {
  const { items, editions } = digestContent();
  const snapshot = digestSnapshotOf(items, editions, searchNamesOf(SITE_NETWORK));
  const pages = new Map<string, RenderedBody>();
  const view = {
    snapshot,
    page: (key: string, render: () => RenderedBody) => {
      const cached = pages.get(key) ?? render();
      pages.set(key, cached);
      return cached;
    },
  };
  return {
    index: { current: () => Promise.resolve(ok(view)), invalidate: () => undefined },
    network: SITE_NETWORK,
    publicUrl: undefined,
  };
}

export interface FuzzHub {
  readonly url: string;
  /** Valid feed file names (`<token>.ics`). */
  readonly feedFiles: readonly string[];
  /** Whatever the route bot was asked. */
  readonly asked: IntakeRequest[];
  stop(): Promise<void>;
}

/** Starts the hub app on a free loopback port. */
export async function startFuzzHub(): Promise<FuzzHub> {
  const logger = silentLogger();
  const registry = new Registry();
  const readiness = createReadinessRegistry({ checks: [], timeoutMs: 1000, logger });
  const metrics = createHubMetrics(registry, { refreshReadiness: () => readiness.run() });
  const asked: IntakeRequest[] = [];
  const requests: PracticeRequests = {
    ask: (request) => {
      asked.push(request);
      return Promise.resolve(ok(routerAnswer(request)));
    },
    readSummaries: () => Promise.resolve({ summaries: [], skipped: [] }),
  };
  const calendars = conveningIndex("fuzz");
  const app = createHubApp({
    logger,
    metrics,
    routeContext: {
      logger,
      readiness,
      metrics: registry,
      calendars: { redis: calendars.redis, keys: calendars.keys, network: SITE_NETWORK },
      auth: createHubAuth({ directory, verifyOpenIdToken: verifier, now: () => T0 }, false),
      requests,
      digestSite: digestSite(),
    },
    routes: HUB_ROUTE_MODULES,
    trustProxy: false,
    https: false,
  });
  const { server } = createGracefulHttpServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    feedFiles: calendars.tokens.map((token) => `${token}.ics`),
    asked,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
