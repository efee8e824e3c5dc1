/**
 * The session and request routes over HTTP, with the two things outside the hub faked: the
 * homeserver's answer about OpenID tokens and the route bot (a PracticeRequests). The real
 * ones are exercised in tests/integration/server/practice-requests.test.ts.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { type CaseSummary, aggregateCases } from "../../../../lib/case-index/index.ts";
import type { AskRouterFailure, IntakeReply, IntakeRequest } from "../../../../lib/request-intake/index.ts";
import { type UserId, localpartOf, serverOf } from "../../../../lib/matrix-ids.ts";
import { err, ok, type Result } from "../../../../lib/result.ts";
import {
  type HubDirectory,
  type OpenIdVerifier,
  clientUrlOfServer,
  createHubAuth,
} from "../../../../server/auth/index.ts";
import { createHubApp } from "../../../../server/create-hub-app.ts";
import { createHubMetrics } from "../../../../server/metrics.ts";
import { createReadinessRegistry } from "../../../../server/readiness.ts";
import type { PracticeRequests } from "../../../../server/requests/practice-requests.ts";
import { practiceRequestRoutes } from "../../../../server/routes/practice-request-routes.ts";
import { sessionRoutes } from "../../../../server/routes/session-routes.ts";
import { capturingLogger } from "../hub-test-helpers.ts";

const AMINA = "@amina:ea.example.org" as UserId;
const OMAR = "@omar:mena.example.org" as UserId;
const STRANGER = "@stranger:ea.example.org" as UserId;

const directory: HubDirectory = {
  regions: [
    { homeserver: { serverName: "ea.example.org", clientUrl: "http://ea.invalid" } },
    { homeserver: { serverName: "mena.example.org", clientUrl: "http://mena.invalid" } },
  ],
  people: [
    { id: "amina", userId: AMINA },
    { id: "omar", userId: OMAR },
  ],
  roles: { steering: ["amina"] },
};

/** Each homeserver knows the tokens "<localpart>-token" of its own users; "down" finds it down. */
const verifier: OpenIdVerifier = (clientUrl, token) => {
  if (token === "down") return Promise.resolve(err("unavailable"));
  const owner = [AMINA, OMAR, STRANGER].find(
    (user) =>
      token === `${localpartOf(user)}-token` && clientUrlOfServer(directory, serverOf(user)) === clientUrl,
  );
  return Promise.resolve(owner === undefined ? err("rejected") : ok(owner));
};

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 1);

function summary(overrides: Partial<CaseSummary>): CaseSummary {
  return {
    topic: "online-recruitment",
    region: "europe",
    language: "fr",
    state: "resolved",
    urgency: "normal",
    createdAt: T0,
    acceptedAt: T0 + HOUR,
    resolvedAt: T0 + 10 * HOUR,
    escalations: 0,
    ...overrides,
  };
}

const summaries = [
  ...Array.from({ length: 4 }, (_, i) => summary({ createdAt: T0 + i * 24 * HOUR })),
  summary({ topic: "grooming", createdAt: T0 + 40 * 24 * HOUR, escalations: 2 }),
];

interface Started {
  url: string;
  asked: IntakeRequest[];
  log: ReturnType<typeof capturingLogger>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

async function startApp(
  answer: (request: IntakeRequest) => Result<IntakeReply, AskRouterFailure>,
  now: () => number = () => T0,
): Promise<Started> {
  const log = capturingLogger();
  const registry = new Registry();
  const readiness = createReadinessRegistry({ checks: [], timeoutMs: 1000, logger: log.logger });
  const metrics = createHubMetrics(registry, { refreshReadiness: () => readiness.run() });
  const asked: IntakeRequest[] = [];
  const requests: PracticeRequests = {
    ask: (request) => {
      asked.push(request);
      return Promise.resolve(answer(request));
    },
    readSummaries: () => Promise.resolve({ summaries, skipped: [{ caseId: "c-bad", reason: "not JSON" }] }),
  };
  const app = createHubApp({
    logger: log.logger,
    metrics,
    routeContext: {
      logger: log.logger,
      readiness,
      metrics: registry,
      calendars: undefined,
      auth: createHubAuth({ directory, verifyOpenIdToken: verifier, now }, false),
      requests,
      digestSite: undefined,
    },
    routes: [sessionRoutes, practiceRequestRoutes],
    trustProxy: false,
    https: false,
  });
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked, log };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function signIn(started: Started, userId: UserId): Promise<{ token: string; cookie: string }> {
  const response = await post(`${started.url}/api/v1/session`, {
    userId,
    openIdToken: `${localpartOf(userId)}-token`,
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { token: string };
  return { token: body.token, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]! };
}

const request = {
  topic: "online-recruitment",
  language: "fr",
  anonymous: true,
  text: "Recruiters in a gaming chat: how do we answer them?",
};

describe("POST /api/v1/session", () => {
  it("signs a member in: a token in the JSON and an HttpOnly, SameSite=Strict cookie", async () => {
    const started = await startApp(() => err("router-not-running"));
    const response = await post(`${started.url}/api/v1/session`, {
      userId: AMINA,
      openIdToken: "amina-token",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      userId: AMINA,
      steering: true,
      expiresAt: new Date(T0 + 8 * HOUR).toISOString(),
    });
    expect(typeof body["token"]).toBe("string");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^meridian-session=v1\./);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    // The token never reaches the logs.
    expect(JSON.stringify(started.log.lines)).not.toContain(body["token"]);
    expect(JSON.stringify(started.log.lines)).not.toContain("amina-token");
  });

  it.each([
    ["a forged token", { userId: AMINA, openIdToken: "forged" }, 401],
    ["another user's token", { userId: AMINA, openIdToken: "stranger-token" }, 401],
    ["a server outside the network", { userId: "@amina:evil.example.org", openIdToken: "amina-token" }, 403],
    ["a valid token of someone not in the network", { userId: STRANGER, openIdToken: "stranger-token" }, 403],
    ["a homeserver that cannot answer", { userId: AMINA, openIdToken: "down" }, 502],
    ["a malformed body", { userId: "amina" }, 400],
  ])("refuses %s", async (_name, body, status) => {
    const started = await startApp(() => err("router-not-running"));
    const response = await post(`${started.url}/api/v1/session`, body);
    expect(response.status).toBe(status);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("tells a non-member nothing before their token is confirmed", async () => {
    const started = await startApp(() => err("router-not-running"));
    const stranger = await post(`${started.url}/api/v1/session`, { userId: STRANGER, openIdToken: "forged" });
    const member = await post(`${started.url}/api/v1/session`, { userId: AMINA, openIdToken: "forged" });
    expect(stranger.status).toBe(member.status);
    expect(await stranger.json()).toEqual(await member.json());
  });
});

describe("sessions", () => {
  it("open the API by bearer token or by cookie, and GET /session says who", async () => {
    const started = await startApp(() => err("router-not-running"));
    const { token, cookie } = await signIn(started, OMAR);
    for (const headers of [{ authorization: `Bearer ${token}` }, { cookie: `other=1; ${cookie}` }]) {
      const response = await fetch(`${started.url}/api/v1/session`, { headers });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ userId: OMAR, steering: false });
    }
  });

  it("are refused when absent, tampered with or expired; a bad bearer is not rescued by a cookie", async () => {
    let clock = T0;
    const started = await startApp(
      () => err("router-not-running"),
      () => clock,
    );
    const { token, cookie } = await signIn(started, OMAR);
    const me = (headers: Record<string, string>) => fetch(`${started.url}/api/v1/session`, { headers });
    const absent = await me({});
    expect(absent.status).toBe(401);
    expect(await absent.json()).toEqual({ errcode: "M_MISSING_TOKEN", error: "Sign in first" });
    expect((await me({ authorization: `Bearer ${token.slice(0, -2)}xx` })).status).toBe(401);
    expect((await me({ authorization: `Basic ${token}`, cookie })).status).toBe(401);
    clock = T0 + 8 * HOUR;
    const expired = await me({ authorization: `Bearer ${token}` });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { errcode: string }).errcode).toBe("M_UNKNOWN_TOKEN");
  });

  it("end in the browser with DELETE /session, which clears the cookie", async () => {
    const started = await startApp(() => err("router-not-running"));
    const response = await fetch(`${started.url}/api/v1/session`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(/^meridian-session=;.*Expires=Thu, 01 Jan 1970/);
  });
});

describe("GET /api/v1/requests/stats", () => {
  it("gives the steering group the aggregates and nothing else", async () => {
    const started = await startApp(() => err("router-not-running"));
    const { token } = await signIn(started, AMINA);
    const response = await fetch(`${started.url}/api/v1/requests/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(aggregateCases(summaries))));
    // The unreadable entry is logged by its case id, for whoever looks after the bot.
    await started.log.waitFor((line) => Array.isArray(line["caseIds"]) && line["skipped"] === 1);
  });

  it("counts cases created since a date", async () => {
    const started = await startApp(() => err("router-not-running"));
    const { token } = await signIn(started, AMINA);
    const response = await fetch(`${started.url}/api/v1/requests/stats?since=2026-01-03`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await response.json()).toEqual(
      JSON.parse(JSON.stringify(aggregateCases(summaries.filter((c) => c.createdAt >= T0 + 2 * 24 * HOUR)))),
    );
  });

  it("answers 400 naming since when it is not a date", async () => {
    const started = await startApp(() => err("router-not-running"));
    const { token } = await signIn(started, AMINA);
    const response = await fetch(`${started.url}/api/v1/requests/stats?since=last-week`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errcode: "M_BAD_JSON", problems: [{ field: "since" }] });
  });

  it("refuses people outside the steering group (403) and anyone signed out (401)", async () => {
    const started = await startApp(() => err("router-not-running"));
    const { token } = await signIn(started, OMAR);
    const omar = await fetch(`${started.url}/api/v1/requests/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(omar.status).toBe(403);
    expect(await omar.json()).toEqual({
      errcode: "M_FORBIDDEN",
      error: "Only the steering group may see this",
    });
    expect((await fetch(`${started.url}/api/v1/requests/stats`)).status).toBe(401);
  });
});

describe("POST /api/v1/requests", () => {
  async function ask(
    answer: (request: IntakeRequest) => Result<IntakeReply, AskRouterFailure>,
    body: unknown = request,
  ): Promise<{ response: Response; started: Started }> {
    const started = await startApp(answer);
    const { token } = await signIn(started, OMAR);
    const response = await post(`${started.url}/api/v1/requests`, body, { authorization: `Bearer ${token}` });
    return { response, started };
  }

  it("passes the request on as the signed-in person and answers 201 with the case", async () => {
    const { response, started } = await ask(() => ok({ ok: true, caseId: "c-42", handle: "Requester 7" }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ caseId: "c-42", handle: "Requester 7" });
    expect(started.asked).toHaveLength(1);
    expect(started.asked[0]).toMatchObject({ ...request, userId: OMAR });
    expect(started.asked[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    // Logs know the request by its intake id only: no text, no requester.
    const logged = JSON.stringify(started.log.lines.filter((line) => "intakeId" in line));
    expect(logged).toContain(started.asked[0]!.id);
    expect(logged).not.toContain(request.text);
    expect(logged).not.toContain(OMAR);
  });

  it("answers 422 with the router's problems or its refusal", async () => {
    const problems = [{ field: "topic", message: "No topic is called that" }];
    const withProblems = await ask(() => ok({ ok: false, problems }));
    expect(withProblems.response.status).toBe(422);
    expect(await withProblems.response.json()).toMatchObject({ problems });
    const refused = await ask(() => ok({ ok: false, refused: "Too many requests today" }));
    expect(refused.response.status).toBe(422);
    expect(await refused.response.json()).toMatchObject({ refused: "Too many requests today" });
  });

  it.each([
    ["router-not-running", 503],
    ["timeout", 504],
    ["unreadable-reply", 502],
  ] as const)("answers %s with %i and a sentence saying so", async (failure, status) => {
    const { response } = await ask(() => err(failure));
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/router/);
  });

  it("answers 400 naming each field at fault, without asking the router", async () => {
    const { response, started } = await ask(() => ok({ ok: true, caseId: "never" }), {
      ...request,
      urgency: "now",
      anonymous: "no",
      userId: AMINA,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: { field: string }[]; error: string };
    expect(body.problems.map(({ field }) => field)).toEqual(["urgency", "anonymous", "userId"]);
    expect(body.error).toMatch(/urgency.*anonymous.*userId/);
    expect(started.asked).toHaveLength(0);
  });

  it("answers 400 to a body that is not JSON, and 401 when signed out", async () => {
    const started = await startApp(() => ok({ ok: true, caseId: "never" }));
    const { token } = await signIn(started, OMAR);
    const notJson = await fetch(`${started.url}/api/v1/requests`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: "{topic:",
    });
    expect(notJson.status).toBe(400);
    const plainText = await fetch(`${started.url}/api/v1/requests`, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
    expect(plainText.status).toBe(400);
    expect(((await plainText.json()) as { problems: unknown[] }).problems).toEqual([
      { field: "body", message: "must be a JSON object, sent with Content-Type: application/json" },
    ]);
    expect((await post(`${started.url}/api/v1/requests`, request)).status).toBe(401);
    expect(started.asked).toHaveLength(0);
  });
});
