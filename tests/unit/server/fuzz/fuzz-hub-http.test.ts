/**
 * Fuzz over HTTP: a sample of each hub input sent through the whole app (body parsing,
 * sessions, routing, error middleware) on a loopback port, with nothing outside the hub able
 * to fail (see fuzz-hub.ts). 10,000 cases per input run against the functions behind each
 * route in fuzz-hub-inputs.test.ts; here the sample is smaller because a request costs far more.
 * Whatever is sent: never a 5xx, every refusal is `{ errcode, error }` with words in it, and
 * every page is inert (no markup, script or link that came from the request).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localpartOf } from "../../../../lib/matrix-ids.ts";
import { SITE_NETWORK } from "../../../support/digest-site-fixtures.ts";
import { MATRIX_WORDS, NASTY_CHARACTERS, anyText, fuzzWord, longToken } from "../../../support/fuzz-text.ts";
import { expectInert, select } from "../digest-site/parsed-page.ts";
import { type FuzzHub, MEMBER, STEERING, STRANGER, digestContent, startFuzzHub } from "./fuzz-hub.ts";
import { INJECTIONS, hasInjectedMarkup, jsonText, notJson } from "./hub-fuzz-values.ts";

let hub: FuzzHub;
const sessions = { member: "", steering: "", memberCookie: "" };

beforeAll(async () => {
  hub = await startFuzzHub();
  const signIn = async (user: string) => {
    const response = await fetch(`${hub.url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: user, openIdToken: `${localpartOf(user as never)}-token` }),
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return { token: ((await response.json()) as { token: string }).token, cookie };
  };
  const member = await signIn(MEMBER);
  sessions.member = member.token;
  sessions.memberCookie = member.cookie;
  sessions.steering = (await signIn(STEERING)).token;
});

afterAll(async () => {
  await hub.stop();
});

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
}

/** A cheap assertion for hot loops (vitest's expect costs more than the code under test). */
function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`expected: ${what}`);
}

async function send(request: Sent): Promise<Answer> {
  const response = await fetch(`${hub.url}${request.path}`, {
    method: request.method,
    ...(request.headers === undefined ? {} : { headers: request.headers }),
    ...(request.body === undefined ? {} : { body: request.body }),
    redirect: "manual",
  });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

/** What holds for every answer: no 5xx; a refusal in the Matrix error shape, with words. */
function checkAnswer(request: Sent, answer: Answer): void {
  check(answer.status < 500, `no server error, got ${answer.status}: ${answer.text.slice(0, 200)}`);
  if (answer.status < 400 || request.method === "HEAD") return;
  check(answer.type.startsWith("application/json"), `a JSON refusal, got ${answer.type}`);
  const body = JSON.parse(answer.text) as { errcode?: unknown; error?: unknown };
  check(typeof body.errcode === "string" && /^M_[A-Z_]+$/.test(body.errcode), "an errcode");
  check(typeof body.error === "string" && body.error.trim() !== "", "an error in words");
}

/** A page: inert, and none of the request's markup in it. */
function checkPage(answer: Answer): void {
  if (answer.status !== 200 || !answer.type.startsWith("text/html")) return;
  check(!hasInjectedMarkup(answer.text), "no markup from the request");
  const problems = expectInert(answer.text);
  check(problems.length === 0, `an inert page: ${problems.join(", ")}`);
}

/** `request`, printed short in a counterexample (bodies and paths can be 70 kB). */
function printable(request: Sent): Sent {
  const short = (text: string) =>
    text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
  const body = typeof request.body === "string" ? ` ${short(JSON.stringify(request.body))}` : "";
  const shown = `${request.method} ${short(request.path)} ${JSON.stringify(request.headers ?? {})}${body}`;
  return Object.assign({ ...request }, { [fc.toStringMethod]: () => shown });
}

/** Runs `count` generated requests through the hub, checking each answer; returns the statuses seen. */
async function fuzzHttp(
  requests: fc.Arbitrary<Sent>,
  count: number,
  more?: (request: Sent, answer: Answer) => void,
) {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requests.map(printable), async (request) => {
      const answer = await send(request);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      checkAnswer(request, answer);
      more?.(request, answer);
    }),
    { numRuns: count },
  );
  return statuses;
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=UTF-8",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "application/json; charset=bogus",
  "application/json;;;",
  "application/vnd.api+json",
  "text/plain",
  "text/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "*/*",
  "",
] as const;

/** Bodies as clients get them wrong: typed JSON, not JSON, compressed or not, too large. */
function bodies(fields: Readonly<Record<string, fc.Arbitrary<unknown>>>) {
  const text = fc.oneof(
    { weight: 6, arbitrary: jsonText(fields) },
    { weight: 2, arbitrary: notJson },
    // Around the 64 kB limit.
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 60_000, max: 70_000 })
        .map((size) => JSON.stringify({ text: "x".repeat(size) })),
    },
  );
  const headers = fc.oneof(
    { weight: 6, arbitrary: fc.constant({ "content-type": "application/json" }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...CONTENT_TYPES).map((type) => ({ "content-type": type })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("identity", "gzip", "deflate", "br", "zzz", "gzip, gzip")
        .map((encoding) => ({ "content-type": "application/json", "content-encoding": encoding })),
    },
  );
  return fc.tuple(text, headers);
}

describe("inputs the fuzzing found", () => {
  // Express and body-parser mark these with a 4xx status but no body-parser `type`; the error
  // middleware used to answer them with a 500 and log them as hub failures.
  it.each([
    ["a path whose %-escape does not decode", { method: "GET", path: "/calendars/%" }],
    ["an id whose %-escape does not decode", { method: "GET", path: "/digest/items/%E0%A4%A" }],
    [
      "a body that is not what its Content-Encoding says",
      {
        method: "POST",
        path: "/api/v1/session",
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
        body: "{}",
      },
    ],
  ] as const)("answers 400 to %s", async (_what, request: Sent) => {
    const answer = await send(request);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({
      errcode: "M_UNKNOWN",
      error: expect.stringMatching(/\w/) as unknown,
    });
  });
});

describe("POST /api/v1/session over HTTP", () => {
  it("answers every body with a session or a refusal that explains itself (500 requests)", async () => {
    const users = fc.constantFrom(MEMBER, STEERING, STRANGER, "@amina:evil.example.org", ...MATRIX_WORDS);
    const tokens = fc.oneof(
      fc.constantFrom("amina-token", "claire-token", "stranger-token", "forged", ""),
      anyText(20),
      longToken,
    );
    // A person's own token, so sign-ins succeed (and strangers are refused) often enough to see.
    const ownToken = fc
      .tuple(fc.constantFrom(MEMBER, STEERING, STRANGER), fc.boolean())
      .map(([user, forged]) =>
        JSON.stringify({ userId: user, openIdToken: forged ? "forged" : `${localpartOf(user)}-token` }),
      );
    const requests = fc
      .oneof(
        { weight: 5, arbitrary: bodies({ userId: users, openIdToken: tokens }) },
        {
          weight: 1,
          arbitrary: ownToken.map((body) => [body, { "content-type": "application/json" }] as const),
        },
      )
      .map(([body, headers]): Sent => ({ method: "POST", path: "/api/v1/session", headers, body }));
    const statuses = await fuzzHttp(requests, 500);
    for (const status of [200, 400, 401, 403, 413, 415])
      expect(statuses.get(status), `${status}`).toBeGreaterThan(0);
  });
});

describe("POST /api/v1/requests over HTTP", () => {
  it("with or without a valid session, answers a case, problems or a refusal (500 requests)", async () => {
    const auth = fc.oneof(
      { weight: 6, arbitrary: fc.constant(null).map(() => ({ authorization: `Bearer ${sessions.member}` })) },
      { weight: 1, arbitrary: fc.constant(null).map(() => ({ cookie: `x=1; ${sessions.memberCookie}` })) },
      { weight: 1, arbitrary: fc.constant({}) },
      {
        weight: 2,
        arbitrary: fc
          .oneof(
            fc.constant(null).map(() => `Bearer ${sessions.member.slice(0, -2)}xx`),
            fc.constant(null).map(() => `Basic ${sessions.member}`),
            fc.constantFrom("Bearer", "Bearer ", "bearer  x", "Bearer v1.", "Bearer v1.a.b.c"),
            anyText(30).map((text) => `Bearer ${text.replace(/[^\x21-\x7e]/g, "")}`),
          )
          .map((authorization) => ({ authorization })),
      },
    );
    const fields = {
      topic: fc.oneof(fc.constantFrom("online-recruitment", "grooming", ""), fuzzWord),
      language: fc.oneof(fc.constantFrom("fr", "en", "xx", ""), fuzzWord),
      urgency: fc.constantFrom("low", "normal", "high", "now"),
      anonymous: fc.boolean(),
      text: fc.oneof(fc.constant("Recruiters in a gaming chat: how do we answer them?"), fuzzWord, longToken),
    };
    // Bodies with every field of its own type, so many reach the (fake) route bot.
    const typed = fc
      .record({ ...fields, urgency: fc.constantFrom("low", "normal", "high") })
      .map((body) => [JSON.stringify(body), { "content-type": "application/json" }] as const);
    const requests = fc
      .tuple(fc.oneof({ weight: 2, arbitrary: bodies(fields) }, { weight: 1, arbitrary: typed }), auth)
      .map(([[body, headers], authHeaders]): Sent => ({
        method: "POST",
        path: "/api/v1/requests",
        headers: { ...headers, ...authHeaders },
        body,
      }));
    const statuses = await fuzzHttp(requests, 500);
    for (const status of [201, 400, 401, 422]) expect(statuses.get(status), `${status}`).toBeGreaterThan(0);
  });
});

// Node itself refuses request heads over 16 kB (a 431 without a body, before the app sees it),
// so no part of a URL is longer than this, and there are at most four parts.
const MAX_ENCODED = 3_000;

/** `text` percent-encoded (lone surrogates as U+FFFD), cut short, at times inside an escape. */
const encoded = (text: string): string => encodeURIComponent(text.toWellFormed()).slice(0, MAX_ENCODED);

/** A query string as people and programs write them: encoded, half-encoded, repeated, empty. */
function queryPart(name: string, value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => `${name}=${encoded(v)}`) },
    { weight: 1, arbitrary: value.map((v) => `${name}=${encoded(v)}&${name}=x`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `${name}=%`,
        `${name}=%zz`,
        `${name}=%E0%A4%A`,
        `${name}=%00`,
        name,
        `${name}[]=a`,
        `${name}[x]=b`,
        `${name}=a+b`,
      ),
    },
  );
}

const queryWords = fc.oneof(
  { weight: 3, arbitrary: fuzzWord },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.constantFrom("mothers", "recrutement", "الأمهات", ...NASTY_CHARACTERS) },
);

describe("GET /api/v1/requests/stats over HTTP", () => {
  it("answers the steering group's any query with figures or a named parameter (300 requests)", async () => {
    const since = fc.oneof(
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.constantFrom("2026-01-01", "2026-02-30", "last-week"),
      queryWords,
    );
    const requests = fc
      .array(
        fc.oneof(
          queryPart("since", since),
          queryPart("until", queryWords),
          queryPart("__proto__", queryWords),
        ),
        {
          maxLength: 3,
        },
      )
      .map((parts): Sent => ({
        method: "GET",
        path: `/api/v1/requests/stats?${parts.join("&")}`,
        headers: { authorization: `Bearer ${sessions.steering}` },
      }));
    const statuses = await fuzzHttp(requests, 300);
    for (const status of [200, 400]) expect(statuses.get(status), `${status}`).toBeGreaterThan(0);
  });
});

/** A path segment: encoded, raw, malformed percent-escapes, dot segments. */
const segment = fc.oneof(
  { weight: 4, arbitrary: fuzzWord.map(encoded) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "%",
      "%zz",
      "%E0%A4%A",
      "%C0%AF",
      "%00",
      "%2F",
      "%2e%2e",
      "..",
      ".",
      "~",
      "a;b",
      "a%20b",
    ),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,50}$/) },
);

describe("GET /calendars/:file over HTTP", () => {
  it("answers a feed or the plain 404, whatever the name (500 requests)", async () => {
    const file = fc.oneof(
      { weight: 4, arbitrary: segment },
      { weight: 1, arbitrary: fc.constantFrom(...hub.feedFiles) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...hub.feedFiles), fc.constantFrom("x", ".ics", "%20", "/"))
          .map(([name, tail]) => `${name}${tail}`),
      },
      { weight: 1, arbitrary: segment.map((s) => `${s}.ics`) },
    );
    const requests = fc
      .tuple(
        file,
        fc.constantFrom("GET", "GET", "HEAD", "POST"),
        fc.option(fc.constantFrom("*", '"x"', 'W/"x"', ",,,", '"unterminated'), { nil: undefined }),
      )
      .map(([name, method, match]): Sent => ({
        method,
        path: `/calendars/${name}`,
        ...(match === undefined ? {} : { headers: { "if-none-match": match } }),
      }));
    const statuses = await fuzzHttp(requests, 500, (request, answer) => {
      if (answer.status === 200 && request.method === "GET")
        check(answer.text.startsWith("BEGIN:VCALENDAR"), "a calendar");
    });
    for (const status of [200, 404]) expect(statuses.get(status), `${status}`).toBeGreaterThan(0);
  });
});

describe("GET /digest over HTTP", () => {
  const { items, editions } = digestContent();
  const topics = SITE_NETWORK.routing.topics.map((topic) => topic.id);
  const regions = SITE_NETWORK.regions.map((region) => region.id);
  const filters = fc.array(
    fc.oneof(
      queryPart("topic", fc.oneof(fc.constantFrom(...topics), queryWords)),
      queryPart("region", fc.oneof(fc.constantFrom(...regions), queryWords)),
      queryPart("lang", fc.oneof(fc.constantFrom("fr", "ar", "en-GB", "de"), queryWords)),
    ),
    { maxLength: 3 },
  );
  const acceptLanguage = fc.option(
    fc.constantFrom("fr-CA,fr;q=0.9", "ar", "*", "de;q=0", ";;;", "x".repeat(3000)),
    {
      nil: undefined,
    },
  );
  const page = (path: string, parts: readonly string[], language: string | undefined): Sent => ({
    method: "GET",
    path: `${path}${parts.length === 0 ? "" : `?${parts.join("&")}`}`,
    ...(language === undefined ? {} : { headers: { "accept-language": language } }),
  });

  it("search echoes the words only as text, in the field and the links (400 requests)", async () => {
    const requests = fc
      .tuple(queryPart("q", fc.oneof(queryWords, longToken)), filters, acceptLanguage)
      .map(([q, rest, language]) => page("/digest/search", [q, ...rest], language));
    const statuses = await fuzzHttp(requests, 400, (request, answer) => {
      checkPage(answer);
      // The field holds exactly the words asked for (as the browser reads the attribute back).
      const asked = new URL(request.path, hub.url).searchParams.get("q")?.trim() ?? "";
      const shown = select(answer.text, "input", { name: "q" })[0]?.attrs["value"];
      // eslint-disable-next-line no-control-regex -- the page drops controls; compare without them
      if (answer.status === 200 && !/[\u0000-\u001f\u007f-\u009f\ufffd\ufffe\uffff]/u.test(asked))
        check(
          shown === asked,
          `the words in the field: ${JSON.stringify(shown)} for ${JSON.stringify(asked)}`,
        );
    });
    expect(statuses.get(200)).toBeGreaterThan(0);
  });

  it("pages and feeds with any filter, language, item or edition id (500 requests)", async () => {
    const path = fc.oneof(
      fc.constantFrom(
        "/digest",
        "/digest/",
        "/digest/editions",
        "/digest/directory",
        "/digest/feed.atom",
        "/digest/feed.rss",
        "/digest/feed.json",
      ),
      fc.constantFrom(
        ...items.map((item) => `/digest/items/${item.id}`),
        ...editions.map((e) => `/digest/editions/${e.id}`),
      ),
      segment.map((s) => `/digest/items/${s}`),
      segment.map((s) => `/digest/editions/${s}`),
      segment.map((s) => `/digest/assets/${s}`),
      segment.map((s) => `/digest/${s}`),
    );
    const requests = fc
      .tuple(path, filters, acceptLanguage)
      .map(([p, parts, language]) => page(p, parts, language));
    const statuses = await fuzzHttp(requests, 500, (_request, answer) => {
      checkPage(answer);
    });
    for (const status of [200, 404]) expect(statuses.get(status), `${status}`).toBeGreaterThan(0);
  });
});
