/**
 * The hub's API authorisation matrix: every route under /api, called by every caller (no
 * session, forged, tampered, foreign-key, expired and ex-member tokens, an outsider, a bot,
 * and signed-in people of each role), must answer the status authorisation-expectations.ts
 * gives. The hub runs in-process with all its route modules; the homeserver's OpenID check
 * and the route bot are faked (the real ones have integration tests).
 *
 * Routes are enumerated twice, from the mounted routers and from the route files' source,
 * so a route under /api without a row fails the first test, by name.
 */
import { readFileSync, readdirSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IntakeRequest } from "../../../lib/request-intake/index.ts";
import { type UserId, serverOf } from "../../../lib/matrix-ids.ts";
import { err, ok } from "../../../lib/result.ts";
import {
  type HubAuth,
  type OpenIdVerifier,
  clientUrlOfServer,
  createHubAuth,
  sessionKeyOf,
  signSessionToken,
} from "../../../server/auth/index.ts";
import { createHubApp } from "../../../server/create-hub-app.ts";
import { createHubMetrics } from "../../../server/metrics.ts";
import { createReadinessRegistry } from "../../../server/readiness.ts";
import type { PracticeRequests } from "../../../server/requests/practice-requests.ts";
import { HUB_ROUTE_MODULES } from "../../../server/routes/hub-routes.ts";
import type { HubRouteContext } from "../../../server/routes/route-module.ts";
import { capturingLogger } from "../server/hub-test-helpers.ts";
import {
  API_ROUTE_RULES,
  HUB_CALLERS,
  type HubCaller,
  PERSONA_IDS,
  type PersonaId,
} from "./authorisation-expectations.ts";
import { type Persona, outsiderId, personaNetwork, personaOf, resolvePersonas } from "./security-personas.ts";

const network = personaNetwork();
const personas = resolvePersonas(network);
const T0 = Date.UTC(2026, 2, 2, 9, 0);
const HOUR = 3_600_000;

/** Each homeserver confirms the token "openid:<user id>" for its own users only. */
const verifier: OpenIdVerifier = (clientUrl, token) => {
  const userId = token.startsWith("openid:") ? token.slice("openid:".length) : "";
  const confirmed = userId !== "" && clientUrlOfServer(network, serverOf(userId as UserId)) === clientUrl;
  return Promise.resolve(confirmed ? ok(userId) : err("rejected"));
};

const asked: IntakeRequest[] = [];
const requests: PracticeRequests = {
  ask: (request) => {
    asked.push(request);
    return Promise.resolve(ok({ ok: true, caseId: "rk7m2pq" }));
  },
  readSummaries: () => Promise.resolve({ summaries: [], skipped: [] }),
};

const auth: HubAuth = createHubAuth(
  {
    directory: network,
    sessionKey: { reveal: () => "authorisation-matrix" },
    verifyOpenIdToken: verifier,
    now: () => T0,
  },
  false,
);

function routeContext(): HubRouteContext {
  const { logger } = capturingLogger();
  const readiness = createReadinessRegistry({ checks: [], timeoutMs: 1000, logger });
  return {
    logger,
    readiness,
    metrics: new Registry(),
    calendars: undefined,
    auth,
    requests,
    digestSite: undefined,
  };
}

// ---------------------------------------------------------------------------------------
// The routes under /api, as mounted and as written.

const ROUTES_DIR = fileURLToPath(new URL("../../../server/routes/", import.meta.url));

function joined(mountPath: string, path: string): string {
  return `${mountPath === "/" ? "" : mountPath.replace(/\/+$/, "")}${path}`;
}

/** "METHOD /path" for every route the hub's route modules mount under /api. */
function mountedApiRoutes(): string[] {
  const context = routeContext();
  return HUB_ROUTE_MODULES.flatMap((module) =>
    module.createRouter(context).stack.flatMap((layer) => {
      const { route } = layer;
      if (route === undefined) return [];
      const methods = [...new Set(route.stack.map((handler) => handler.method.toUpperCase()))];
      return methods.map((method) => `${method} ${joined(module.mountPath, route.path)}`);
    }),
  ).filter((route) => route.split(" ")[1]?.startsWith("/api/") === true);
}

/**
 * The same, read from the source of server/routes/*.ts: catches a route under /api that the
 * mounted list misses (a module left out of HUB_ROUTE_MODULES, or one that mounts only with
 * a context this test does not give).
 */
function writtenApiRoutes(): string[] {
  return readdirSync(ROUTES_DIR)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => {
      const source = readFileSync(`${ROUTES_DIR}${file}`, "utf8");
      const mountPath = /mountPath: "([^"]+)"/.exec(source)?.[1] ?? "/";
      return [...source.matchAll(/router\.(get|post|put|patch|delete|all)\(\s*["'`]([^"'`]+)["'`]/g)].map(
        ([, method = "", path = ""]) => `${method.toUpperCase()} ${joined(mountPath, path)}`,
      );
    })
    .filter((route) => route.split(" ")[1]?.startsWith("/api/") === true);
}

// ---------------------------------------------------------------------------------------
// The hub, and what each caller brings.

let server: Server;
let baseUrl = "";

beforeAll(async () => {
  const { logger } = capturingLogger();
  const context = routeContext();
  const metrics = createHubMetrics(context.metrics, { refreshReadiness: () => context.readiness.run() });
  const app = createHubApp({
    logger,
    metrics,
    routeContext: context,
    routes: HUB_ROUTE_MODULES,
    trustProxy: false,
    https: false,
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function isPersona(caller: HubCaller): caller is HubCaller & PersonaId {
  return (PERSONA_IDS as readonly string[]).includes(caller);
}

const steering = personaOf(personas, "steering");
const member = personaOf(personas, "member");

async function signIn(userId: string, openIdToken: string): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId, openIdToken }),
  });
}

/** A session token issued to `who` by signing in, or undefined when sign-in is refused. */
async function tokenOf(who: Persona): Promise<string | undefined> {
  const response = await signIn(who.userId, `openid:${who.userId}`);
  if (response.status !== 200) return undefined;
  return ((await response.json()) as { token: string }).token;
}

/** The bearer token a caller sends, if any. */
async function bearerOf(caller: HubCaller): Promise<string | undefined> {
  const later = T0 + HOUR;
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
  switch (caller) {
    case "no session":
      return undefined;
    case "forged token":
      return `v1.${b64(steering.userId)}.${later}.${b64("not the hub's signature at all, 32b")}`;
    case "tampered token": {
      // The member's own token, rewritten to name the steering member.
      const [version, , expiry, signature] = ((await tokenOf(member)) ?? "").split(".");
      return [version, b64(steering.userId), expiry, signature].join(".");
    }
    case "token signed with another key":
      return signSessionToken(sessionKeyOf({ reveal: () => "another hub" }), steering.userId, later);
    case "expired token":
      return signSessionToken(auth.sessionKey, steering.userId, T0);
    case "token of someone not in the config":
      return signSessionToken(auth.sessionKey, outsiderId(network), later);
    case "outsider":
    case "bot":
    case "other-region-member":
    case "member":
    case "expert":
    case "organiser":
    case "moderator":
    case "steering":
      return tokenOf(personaOf(personas, caller));
  }
}

const REQUEST = {
  topic: "online-recruitment",
  language: "en",
  anonymous: false,
  text: "Recruiters in a gaming chat: how do we answer them?",
};

/** Calls `route` as `caller`: sign-in itself for POST /session, else with the caller's token. */
async function call(route: string, caller: HubCaller): Promise<Response> {
  const [method = "", path = ""] = route.split(" ");
  if (route === "POST /api/v1/session") {
    // People sign in with a token their homeserver confirms; the others show what they hold.
    if (isPersona(caller)) {
      const who = personaOf(personas, caller);
      return signIn(who.userId, `openid:${who.userId}`);
    }
    return signIn(steering.userId, (await bearerOf(caller)) ?? "");
  }
  const token = await bearerOf(caller);
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(method === "POST" ? { "content-type": "application/json" } : {}),
    },
    ...(method === "POST" ? { body: JSON.stringify(REQUEST) } : {}),
  });
}

// ---------------------------------------------------------------------------------------

describe("the hub's API table", () => {
  it("has a row for every route under /api, and none for a route that is gone", () => {
    const table = Object.keys(API_ROUTE_RULES).sort();
    const mounted = mountedApiRoutes().sort();
    const written = writtenApiRoutes().sort();
    const missing = [...new Set([...mounted, ...written])].filter((route) => !table.includes(route));
    expect(
      missing,
      `API routes without a row in tests/unit/security/authorisation-expectations.ts: ${missing.join("; ")}`,
    ).toEqual([]);
    expect(mounted, "rows for routes the hub no longer mounts").toEqual(table);
    expect(written, "routes in server/routes/*.ts the hub does not mount").toEqual(mounted);
  });
});

describe("every caller gets the table's status from every API route", () => {
  it.each(Object.entries(API_ROUTE_RULES))("%s", async (route, rule) => {
    const answers: Partial<Record<HubCaller, number>> = {};
    for (const caller of HUB_CALLERS) {
      asked.length = 0;
      const response = await call(route, caller);
      answers[caller] = response.status;
      const as = `${route} as ${caller}`;
      const body = response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>);
      if (response.status === 401)
        expect(body?.["errcode"], `${as}: 401 says whether a token was missing or bad`).toBe(
          route === "POST /api/v1/session"
            ? "M_UNKNOWN_TOKEN"
            : caller === "no session" || caller === "outsider" || caller === "bot"
              ? "M_MISSING_TOKEN"
              : "M_UNKNOWN_TOKEN",
        );
      if (response.status === 403) expect(body?.["errcode"], as).toBe("M_FORBIDDEN");
      if (route === "POST /api/v1/requests" && response.status === 201) {
        // Filed as the session's person, whatever the body says.
        expect(
          asked.map((request) => request.userId),
          as,
        ).toEqual([isPersona(caller) ? personaOf(personas, caller).userId : caller]);
      } else if (route === "POST /api/v1/requests") {
        expect(asked, `${as}: nothing reaches the router`).toEqual([]);
      }
      if (route === "GET /api/v1/session" && response.status === 200)
        expect(body, as).toMatchObject({
          userId: isPersona(caller) ? personaOf(personas, caller).userId : caller,
          steering: caller === "steering",
        });
    }
    expect(answers, `${route}: status per caller (guard: ${rule.guard})`).toEqual(rule.status);
  });

  it("judges the session cookie like the bearer token", async () => {
    for (const caller of ["member", "expert", "organiser", "moderator", "steering"] as const) {
      const response = await signIn(
        personaOf(personas, caller).userId,
        `openid:${personaOf(personas, caller).userId}`,
      );
      const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const stats = await fetch(`${baseUrl}/api/v1/requests/stats`, { headers: { cookie } });
      expect(stats.status, `stats with ${caller}'s cookie`).toBe(
        API_ROUTE_RULES["GET /api/v1/requests/stats"]?.status[caller],
      );
    }
    const tampered = await bearerOf("tampered token");
    const forgedCookie = await fetch(`${baseUrl}/api/v1/requests/stats`, {
      headers: { cookie: `meridian-session=${tampered ?? ""}` },
    });
    expect(forgedCookie.status).toBe(401);
  });
});
