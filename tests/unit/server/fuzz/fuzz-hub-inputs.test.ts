/**
 * Fuzz, 10,000 cases per hub input, at the functions each route hands its input to (the
 * same calls, in the same order): sign-in and request bodies, the statistics query, feed
 * file names, the digest's search words, filters and language. Whatever arrives: nothing
 * throws, a refusal names every field at fault without echoing a secret, and a page never
 * carries markup that came from the request. A request the hub accepts is followed through
 * to the route bot and back, so the two sides of the pub/sub contract cannot drift apart.
 * fuzz-hub-http.test.ts sends a sample of each over HTTP through the whole app.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CaseId } from "../../../../bots/route/case/index.ts";
import type { RequestDraft } from "../../../../bots/route/intake/index.ts";
import { answerHubRequest } from "../../../../bots/route/service/hub-intake.ts";
import { isFeedTokenShaped, newFeedToken } from "../../../../lib/convening-index/index.ts";
import {
  type IntakeRequest,
  parseIntakeReply,
  parseIntakeRequest,
  serialiseIntakeReply,
  serialiseIntakeRequest,
} from "../../../../lib/request-intake/index.ts";
import { ok } from "../../../../lib/result.ts";
import type { FieldProblem } from "../../../../server/api/field-problems.ts";
import { readSignInBody } from "../../../../server/auth/read-sign-in-body.ts";
import { redactFeedPath, tokenOfFeedFile } from "../../../../server/calendars/feed-path.ts";
import { digestSnapshotOf } from "../../../../server/digest-site/digest-snapshot.ts";
import { filterItems, readItemFilter } from "../../../../server/digest-site/filter-items.ts";
import { SITE_LOCALES } from "../../../../server/digest-site/messages/site-messages.ts";
import { pageContextOf } from "../../../../server/digest-site/page-context.ts";
import { renderLatestPage } from "../../../../server/digest-site/pages/render-latest-page.ts";
import { renderSearchPage } from "../../../../server/digest-site/pages/render-search-page.ts";
import { searchItems } from "../../../../server/digest-site/search-items.ts";
import { searchNamesOf } from "../../../../server/digest-site/search-names.ts";
import { firstQueryValue } from "../../../../server/digest-source/send-digest-page.ts";
import { readRequestBody } from "../../../../server/requests/read-request-body.ts";
import { readStatsQuery } from "../../../../server/requests/read-stats-query.ts";
import { SITE_NETWORK } from "../../../support/digest-site-fixtures.ts";
import { anyText, fuzzWord, graphemeText, longToken, wordSoup } from "../../../support/fuzz-text.ts";
import { loadExample } from "../../config/example-config.ts";
import { digestContent } from "./fuzz-hub.ts";
import { INJECTIONS, hasInjectedMarkup, jsonBody, queryValue } from "./hub-fuzz-values.ts";

const RUNS = 10_000;

/** A cheap assertion for hot loops (vitest's expect costs more than the code under test). */
function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`expected: ${what}`);
}

/** What `sendBadRequest` makes of problems: every field named, each with what was expected. */
function checkProblems(problems: readonly FieldProblem[], body: unknown): void {
  check(problems.length > 0, "at least one problem");
  const sent = typeof body === "object" && body !== null ? Object.keys(body) : [];
  for (const { field, message } of problems) {
    // An empty key sent is named as sent, empty (the summary then reads " is not a field…").
    check(typeof field === "string" && (field !== "" || sent.includes("")), "a field named");
    check(typeof message === "string" && message.trim() !== "", "what was expected, in words");
    check(
      field === "body" || sent.includes(field) || KNOWN_FIELDS.has(field),
      `a field that exists: ${field}`,
    );
  }
}

const KNOWN_FIELDS = new Set(["userId", "openIdToken", "topic", "language", "urgency", "anonymous", "text"]);

describe("POST /api/v1/session: the body", () => {
  it("signs in only a well-formed { userId, openIdToken }, and never echoes the token", () => {
    const shaped = jsonBody({
      userId: fc.oneof(
        fc.constantFrom("@amina:ea.example.org", "@x:y", "@bad", "amina", "@:y", "@x:", ""),
        fc.tuple(anyText(10), anyText(10)).map(([name, server]) => `@${name}:${server}`),
      ),
      openIdToken: fc.oneof(
        fc.constantFrom("amina-token", "", "x".repeat(512), "x".repeat(513)),
        anyText(20),
        longToken,
      ),
    });
    fc.assert(
      fc.property(shaped, (body) => {
        const read = readSignInBody(body);
        if (read.ok) {
          check(/^@[^:]+:.+$/.test(read.value.userId), "a user id");
          check(
            read.value.openIdToken.length >= 1 && read.value.openIdToken.length <= 512,
            "a token's length",
          );
          return;
        }
        checkProblems(read.error, body);
        const token = (body as { openIdToken?: unknown } | null)?.openIdToken;
        if (typeof token === "string" && token.length >= 6)
          for (const { message } of read.error) check(!message.includes(token), "the token never echoed");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("POST /api/v1/requests: the body, and what the route bot makes of it", () => {
  const config = loadExample();
  const person = config.people.find((p) => p.id === "claire-dubois")!;
  const topics = config.routing.topics.map((topic) => topic.id);
  const filed: RequestDraft[] = [];
  const route = {
    file: (draft: RequestDraft) => {
      filed.push(draft);
      return Promise.resolve(ok({ caseId: "rk7m2pq" as CaseId }));
    },
  };

  it("passes on only typed fields; the bot reads it back and answers in a shape the hub reads", async () => {
    const fields = {
      topic: fc.oneof(fc.constantFrom(...topics, "Online recruitment", "", " "), fuzzWord),
      language: fc.oneof(fc.constantFrom("fr", "en", "pt-BR", "xx", "", "fr en"), fuzzWord),
      urgency: fc.oneof(fc.constantFrom("low", "normal", "high", "HIGH", "now", ""), fuzzWord),
      anonymous: fc.oneof(fc.boolean(), fc.constantFrom("true", 0, 1, null)),
      text: fc.oneof(
        fc.constant("Recruiters in a gaming chat: how do we answer them without pushing the boys away?"),
        wordSoup(fuzzWord, 12),
        graphemeText(40),
        fc.integer({ min: 3990, max: 4010 }).map((n) => "é".repeat(n)),
      ),
    };
    // Half the bodies have every field of its own type, so many reach the route bot.
    const typed = fc
      .record({
        topic: fields.topic,
        language: fields.language,
        urgency: fc.constantFrom("low", "normal", "high", undefined),
        anonymous: fc.boolean(),
        text: fields.text,
      })
      .map((body): unknown => JSON.parse(JSON.stringify(body)));
    const shaped = fc.oneof(jsonBody(fields), typed);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(shaped, async (body) => {
        const read = readRequestBody(body);
        if (!read.ok) {
          checkProblems(read.error, body);
          return;
        }
        accepted++;
        // As the hub publishes it and the route bot reads it.
        const request: IntakeRequest = {
          id: "4b1f7c2e-8d3a-4c1b-9f2e-6a5d4c3b2a10",
          userId: person.userId,
          ...read.value,
        };
        const received = parseIntakeRequest(serialiseIntakeRequest(request));
        check(received.ok, "the bot reads every request the hub accepts");
        const before = filed.length;
        const answer = await answerHubRequest(config, route, received.value);
        const draft = filed[before];
        // What the person sent is what is filed: the text as text (all of it, even when it
        // opens like an option: "anonymous", "region:mena", "Topic: …"), the anonymity as chosen.
        if (draft !== undefined) {
          check(draft.anonymous === read.value.anonymous, "the anonymity chosen in the body");
          check(draft.text === read.value.text.trim(), "the text sent, all of it");
        }
        const back = parseIntakeReply(serialiseIntakeReply(answer));
        check(back.ok, "the hub reads every answer the bot gives");
        if (!back.value.ok && "problems" in back.value)
          for (const problem of back.value.problems) {
            check(["topic", "language", "urgency", "text", "request"].includes(problem.field), problem.field);
            check(problem.message.trim() !== "", "a worded problem");
          }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(500);
    expect(filed.length).toBeGreaterThan(50);
  });
});

describe("GET /api/v1/requests/stats: the query", () => {
  it("takes only a real ISO date or instant as since, and names anything else", () => {
    const dates = fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    const since = fc.oneof(
      dates,
      dates.map((iso) => iso.slice(0, 10)),
      dates.map((iso) => `${iso.slice(0, 16)}+05:45`),
      fc.constantFrom("2026-02-30", "2026-13-01", "2026-01-01T25:00Z", "2026-01-01T10:00", "last-week", ""),
      queryValue,
    );
    const query = fc.oneof(
      fc.record({ since }, { requiredKeys: [] }),
      fc.dictionary(
        fc.oneof(fc.constantFrom("since", "until", "__proto__", "constructor"), anyText(6)),
        queryValue,
        {
          maxKeys: 3,
        },
      ),
    );
    fc.assert(
      fc.property(query, (q) => {
        const read = readStatsQuery(q);
        if (read.ok) {
          check(read.value.since === undefined || Number.isFinite(read.value.since), "an instant");
          return;
        }
        checkProblems(read.error, q);
        for (const { field } of read.error)
          check(Object.hasOwn(q, field), `a parameter that was sent: ${field}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("GET /calendars/:file: the file name", () => {
  it("is a token only when it is one, and is never logged as it is", () => {
    const file = fc.oneof(
      fc.constant(null).map(() => `${newFeedToken()}.ics`),
      fc.constant(null).map(() => newFeedToken()),
      fc.constant(null).map(() => `${newFeedToken()}x.ics`),
      fc.stringMatching(/^[A-Za-z0-9_-]{40,46}(?:\.ics)?$/),
      anyText(50),
      fuzzWord,
      fc.constantFrom(".ics", "..", "%2e%2e", "a/b.ics", "/", "//"),
    );
    fc.assert(
      fc.property(file, (name) => {
        const token = tokenOfFeedFile(name);
        if (token !== undefined)
          check(isFeedTokenShaped(token) && name === `${token}.ics`, "the token itself");
        const logged = redactFeedPath(`/${name}`);
        check(/^\/calendars\/(?:~[0-9a-f]{12}(?:\.ics)?\/?)*$/.test(logged), `only hashes logged: ${logged}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("GET /digest pages: search words, filters and language", () => {
  const { items, editions } = digestContent();
  const snapshot = digestSnapshotOf(items, editions, searchNamesOf(SITE_NETWORK));
  const latest = editions[0]!;
  const topicIds: readonly string[] = SITE_NETWORK.routing.topics.map((topic) => topic.id);
  const regionIds: readonly string[] = SITE_NETWORK.regions.map((region) => region.id);

  const contextFor = (
    lang: unknown,
    acceptLanguage: string | undefined,
    path: string,
    params: Record<string, string>,
  ) =>
    pageContextOf(
      SITE_NETWORK,
      { css: "css1", live: "live1" },
      {
        lang: firstQueryValue(lang),
        acceptLanguage,
        base: "/digest",
        current: { path, params },
        socketPath: "/socket.io/",
      },
    );

  const lang = fc.oneof(
    fc.constantFrom(undefined, "fr", "AR", "en-GB", "fr_CA", "de", "", "*", "zz-Latn"),
    queryValue,
    fc.array(fc.constantFrom("fr", "ar"), { minLength: 2, maxLength: 2 }),
  );
  const acceptLanguage = fc.oneof(
    fc.constantFrom(
      undefined,
      "fr-CA,fr;q=0.9,en;q=0.8",
      "ar",
      "*",
      "de;q=0",
      "en;q=abc",
      ";;;,,,",
      "x".repeat(5000),
    ),
    anyText(40),
  );
  const filterValue = fc.oneof(fc.constantFrom(...topicIds, ...regionIds), queryValue);

  it("search: escapes the words everywhere it shows them, whatever they are", () => {
    const q = fc.oneof(
      { weight: 3, arbitrary: wordSoup(fc.oneof(fuzzWord, fc.constantFrom(...INJECTIONS)), 6) },
      {
        weight: 1,
        arbitrary: fc.constantFrom("mothers", "recrutement", "الأمهات", "Amina", "listening circle"),
      },
      { weight: 1, arbitrary: longToken },
      { weight: 1, arbitrary: queryValue },
    );
    fc.assert(
      fc.property(
        q,
        lang,
        acceptLanguage,
        filterValue,
        filterValue,
        (typed, chosen, accepted, topic, region) => {
          // As the route reads the query.
          const query = firstQueryValue(typed)?.trim() ?? "";
          const filter = readItemFilter(SITE_NETWORK, firstQueryValue(topic), firstQueryValue(region));
          check(filter.topic === undefined || topicIds.includes(filter.topic), "a known topic or none");
          check(filter.region === undefined || regionIds.includes(filter.region), "a known region or none");
          const context = contextFor(chosen, accepted, "/search", {
            ...(query === "" ? {} : { q: query }),
            ...filter,
          });
          check(SITE_LOCALES.includes(context.format.locale), "a locale the site speaks");
          const results =
            query === "" ? undefined : filterItems(searchItems(snapshot.searchable(), query), filter);
          const page = renderSearchPage(context, query, filter, results);
          check(page.startsWith("<!doctype html>"), "a page");
          check(!hasInjectedMarkup(page), "no markup from the query");
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("latest: keeps only known filters and languages, and shows nothing of the rest", () => {
    fc.assert(
      fc.property(filterValue, filterValue, lang, acceptLanguage, (topic, region, chosen, accepted) => {
        const filter = readItemFilter(SITE_NETWORK, firstQueryValue(topic), firstQueryValue(region));
        const context = contextFor(chosen, accepted, "", { ...filter });
        const page = renderLatestPage(
          context,
          { kind: "edition", edition: { edition: latest, items: snapshot.itemsOf(latest) } },
          filter,
        );
        check(!hasInjectedMarkup(page), "no markup from the query");
      }),
      { numRuns: RUNS },
    );
  });
});
