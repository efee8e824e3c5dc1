/**
 * Fuzz: the parsers behind the bots' commands, which the command runtime hands free text to
 * (`!convene schedule` details, `!convene suggest`, a `<when>`, a zone, a one-line or guided
 * `!request`, a case or item id, a consent answer). 10,000 generated inputs each, against the
 * example network. Whatever arrives: nothing throws, a success is well-formed, and a refusal
 * is worded and names what the person typed wrong.
 */
import fc from "fast-check";
import rrulePackage from "rrule";
import { describe, expect, it } from "vitest";
import { parseScheduleDetails } from "../../../../bots/convene/commands/parse-schedule-details.ts";
import { renderScheduleError } from "../../../../bots/convene/service/render-schedule-error.ts";
import { suggestConvening } from "../../../../bots/convene/service/suggest-convening.ts";
import {
  parseRecurrenceWords,
  renderRecurrenceError,
} from "../../../../bots/convene/time/parse-recurrence.ts";
import { parseWhenWords } from "../../../../bots/convene/time/parse-when.ts";
import { readZone } from "../../../../bots/convene/time/read-zone.ts";
import { renderWhenError } from "../../../../bots/convene/time/render-when-error.ts";
import { parseItemId } from "../../../../bots/digest/item/item-id.ts";
import { readChoice } from "../../../../bots/digest/service/read-choice.ts";
import { parseCaseId } from "../../../../bots/route/case/case-id.ts";
import {
  type GuidedState,
  type GuidedTurn,
  GUIDED_STEPS,
  MAX_TEXT_LENGTH,
  answerGuidedRequest,
  parseOneLineRequest,
  renderOneLineProblems,
  renderProblem,
  startGuidedRequest,
  withoutText,
} from "../../../../bots/route/intake/index.ts";
import { personById } from "../../../../config/queries.ts";
import { intakeContextFor } from "../../../../bots/route/intake/index.ts";
import { loadExample } from "../../config/example-config.ts";
import {
  FLAG_WORDS,
  NUMBER_WORDS,
  OBJECT_KEY_WORDS,
  TIME_WORDS,
  anyText,
  fuzzWord,
  graphemeText,
} from "../../../support/fuzz-text.ts";

const { RRule } = rrulePackage;
const RUNS = 10_000;
const config = loadExample();
const NOW = "2026-11-25T10:00:00Z";
const whenContext = { now: NOW, defaultZone: "Africa/Nairobi", weekStartsOn: "mon" as const };

const RRULE = /^FREQ=(?:DAILY|WEEKLY|MONTHLY)(?:;[A-Z]+=[A-Z0-9,+-]+)*$/;
const regionIds = config.regions.map((region) => region.id);
const networkIds = config.networks.map((network) => network.id);
const topicIds = config.routing.topics.map((topic) => topic.id);

/** A cheap assertion for hot loops (vitest's expect costs more than the code under test). */
function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`expected: ${what}`);
}

/** The user's words an error carries (`token`, `word`, `value`, `words`), at any depth. */
function quotedWords(error: unknown): string[] {
  if (typeof error !== "object" || error === null) return [];
  return Object.entries(error).flatMap(([key, value]) => {
    if ((key === "token" || key === "word") && typeof value === "string") return [value];
    if (key === "words" && Array.isArray(value)) return [value.join(" ")];
    return typeof value === "object" ? quotedWords(value) : [];
  });
}

/** Words split the way the services split a command's text before parsing it. */
const splitLikeServices = (text: string): string[] => text.split(/\s+/u).filter(Boolean);

// `<when>` pieces, then keyword clauses in any order, sometimes broken: enough structure to
// reach every clause parser, enough noise to reach every refusal.
const dateWord = fc.oneof(
  fc.constantFrom(
    "2026-12-03",
    "2026-12-07",
    "tomorrow",
    "tuesday",
    "next",
    "3",
    "Dec",
    "2026",
    "25/12/2026",
  ),
  fc.constantFrom(...OBJECT_KEY_WORDS),
  fc
    .date({ min: new Date("1999-01-01"), max: new Date("2101-01-01"), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 16)),
);
const timeWord = fc.oneof(
  fc.constantFrom("14:00", "9:30", "2pm", "15h", "15h30", "3", "00:00", "23:59", "24:00", "12am"),
  fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 70 })).map(([h, m]) => `${h}:${String(m).padStart(2, "0")}`),
);
const zoneWord = fc.constantFrom(
  "Africa/Nairobi",
  "Europe/Brussels",
  "europe/berlin",
  "Asia/Kathmandu",
  "UTC",
  "EST",
  "Europe/Berln",
  "Mars/Olympus",
  "A/B/C/D",
);
const targetWord = fc.oneof(
  fc.constantFrom(...regionIds, ...networkIds),
  fc.constantFrom(...regionIds).map((id) => `${id},`),
  fc.constantFrom("east-afrika", "MENA", "Europe,", ",", ",,", "mena,europe"),
);
// An `until` date costs the expansion of the series up to it (milliseconds for a long
// one), so most are near the start, before it, or not dates at all.
const repeatWord = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("week", "2", "weeks", "other", "day", "days", "month", "weekday") },
  {
    weight: 3,
    arbitrary: fc.constantFrom("x6", "x0", "×3", "count", "6", "times", "until", "fortnight", "53", "x999"),
  },
  { weight: 2, arbitrary: fc.constantFrom("2026-12-24", "2026-01-01", "2027-02-30", "12/24") },
  { weight: 1, arbitrary: fc.constantFrom("2027-03-31", "2028-12-31") },
  { weight: 1, arbitrary: fc.constantFrom(...OBJECT_KEY_WORDS) },
);
const clause = fc
  .oneof(
    fc.tuple(
      fc.constant("for"),
      fc.constantFrom("90m", "1h", "1h30", "45min", "0m", "25h", "1h75", "90", "x"),
    ),
    fc.tuple(fc.constant("with"), fc.array(targetWord, { minLength: 0, maxLength: 4 })),
    fc.tuple(fc.constant("cap"), fc.constantFrom("20", "0", "10000", "10001", "-1", "many", "1e3")),
    fc.tuple(
      fc.constant("lang"),
      fc.array(fc.constantFrom("en", "fr", "sw", "pt-BR", "EN", "xx-", "français")),
    ),
    fc.tuple(fc.constant("every"), fc.array(repeatWord, { maxLength: 4 })),
  )
  .map(([keyword, rest]) => [keyword, ...(Array.isArray(rest) ? rest : [rest])]);
const scheduleWords = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(dateWord, timeWord) },
      {
        weight: 1,
        arbitrary: fc.array(fc.oneof(dateWord, timeWord, fc.constantFrom(...TIME_WORDS)), { maxLength: 3 }),
      },
    ),
    fc.option(zoneWord, { nil: undefined }),
    fc.option(fc.array(targetWord, { minLength: 1, maxLength: 3 }), { freq: 4, nil: undefined }),
    fc.array(clause, { maxLength: 3 }),
    // Noise: a random word put in at a random place.
    fc.array(fc.tuple(fc.nat(), fuzzWord), { maxLength: 2 }),
  )
  .map(([when, zone, targets, clauses, noise]) => {
    const words = [
      ...when,
      ...(zone === undefined ? [] : [zone]),
      ...(targets === undefined ? [] : ["with", ...targets]),
      ...clauses.flat(),
    ];
    for (const [at, word] of noise) words.splice(at % (words.length + 1), 0, word);
    return words;
  });

describe("convene's parsers under fuzz", () => {
  it("schedule details: a well-formed convening, or a refusal naming the word at fault", () => {
    let accepted = 0;
    fc.assert(
      fc.property(scheduleWords, (words) => {
        const parsed = parseScheduleDetails(config, splitLikeServices(words.join(" ")), whenContext);
        if (!parsed.ok) {
          const text = renderScheduleError(parsed.error);
          check(text.trim() !== "", "a worded refusal");
          for (const word of quotedWords(parsed.error)) check(text.includes(word), `"${word}" quoted back`);
          return;
        }
        accepted++;
        const details = parsed.value;
        check(new Date(details.when.start).toISOString() === details.when.start, "an ISO instant");
        check(Date.parse(details.when.start) > Date.parse(NOW), "in the future");
        check(readZone(details.when.zone).ok, "a known zone");
        check(Number.isInteger(details.durationMinutes), "whole minutes");
        check(details.durationMinutes >= 1 && details.durationMinutes <= 24 * 60, "at most a day");
        check(details.regions.length + details.networks.length > 0, "someone invited");
        check(
          details.regions.every((id) => regionIds.includes(id)),
          "known regions",
        );
        check(
          details.networks.every((id) => networkIds.includes(id)),
          "known networks",
        );
        check(
          details.capacity === undefined || (details.capacity >= 1 && details.capacity <= 10_000),
          "a cap",
        );
        check(details.languages.length > 0, "a language");
        check(details.rrule === undefined || RRULE.test(details.rrule), "an RRULE");
      }),
      { numRuns: RUNS },
    );
    // Otherwise the checks on successes above would pass without running.
    expect(accepted).toBeGreaterThan(50);
  });

  it("a repeat rule (every …): an RRULE other calendars read, or a refusal quoting the words", () => {
    const starts = ["2026-12-03T11:00:00.000Z", "2026-12-31T21:00:00.000Z", "2027-01-29T08:00:00.000Z"];
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 4, arbitrary: repeatWord }, { weight: 1, arbitrary: fuzzWord }), {
          maxLength: 5,
        }),
        fc.constantFrom(...starts),
        fc.constantFrom("Africa/Nairobi", "Europe/Brussels", "Asia/Kathmandu", "America/St_Johns", "UTC"),
        (rest, start, zone) => {
          const words = splitLikeServices(["every", ...rest].join(" "));
          const { consumed, result } = parseRecurrenceWords(words, { start, zone });
          if (!result.ok) {
            const text = renderRecurrenceError(result.error);
            check(text.trim() !== "", "a worded refusal");
            for (const word of quotedWords(result.error)) check(text.includes(word), `"${word}" quoted back`);
            return;
          }
          accepted++;
          // On a refusal `consumed` may point past the words; only a success's count is used.
          check(consumed >= 2 && consumed <= words.length, "words consumed");
          check(RRULE.test(result.value), `an RRULE, not ${result.value}`);
          check(RRule.parseString(result.value).freq !== undefined, "read back by the rrule library");
        },
      ),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it("a <when> (as !convene reschedule reads it): an instant, or a refusal quoting the words", () => {
    const words = fc.array(fc.oneof(dateWord, timeWord, zoneWord, fc.constantFrom(...TIME_WORDS), fuzzWord), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(words, zoneWord, (typed, defaultZone) => {
        const split = splitLikeServices(typed.join(" "));
        const { consumed, result } = parseWhenWords(split, { ...whenContext, defaultZone });
        check(Number.isInteger(consumed) && consumed >= 0 && consumed <= split.length, "words consumed");
        if (result.ok) {
          check(new Date(result.value.start).toISOString() === result.value.start, "an ISO instant");
          return;
        }
        const text = renderWhenError(result.error);
        check(text.trim() !== "", "a worded refusal");
        for (const word of quotedWords(result.error)) check(text.includes(word), `"${word}" quoted back`);
      }),
      { numRuns: RUNS },
    );
  });

  it("suggest: slots as a safe reply, or a worded refusal", () => {
    const SAFE_TAG = /^<\/?(?:strong|em|code|pre|ul|li|br)>$/;
    const words = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            fc.constantFrom("90m", "1h", "30m", "0m", "25h", "90", "x"),
            fc.constantFrom("with", "WITH", "avec"),
            fc.array(targetWord, { maxLength: 3 }),
            fc.option(
              fc.tuple(
                fc.constant("between"),
                fc.oneof(dateWord, fc.constantFrom("2026-12-01")),
                fc.constantFrom("and", "to"),
                fc.oneof(dateWord, fc.constantFrom("2026-12-14", "2027-06-01")),
              ),
              { nil: undefined },
            ),
          )
          .map(([duration, withWord, targets, between]) => [
            duration,
            withWord,
            ...targets,
            ...(between ?? []),
          ]),
      },
      { weight: 1, arbitrary: fc.array(fuzzWord, { maxLength: 6 }) },
    );
    let accepted = 0;
    fc.assert(
      fc.property(words, fc.constantFrom("en", "fr"), (typed, locale) => {
        const found = suggestConvening({
          config,
          words: splitLikeServices(typed.join(" ")),
          now: Date.parse(NOW),
          locale,
          earlier: [],
        });
        if (!found.ok) {
          check(found.error.trim() !== "", "a worded refusal");
          return;
        }
        accepted++;
        check(found.value.text.trim() !== "", "slots in words");
        for (const tag of found.value.html.match(/<[^>]*>?/g) ?? [])
          check(SAFE_TAG.test(tag), `markup ${tag}`);
      }),
      // Each accepted case searches two weeks of slots: the cost is there, not in parsing.
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it("a zone (as !convene tz reads it): a canonical IANA name, or a refusal quoting it", () => {
    // Refusals cost a nearest-name search over every zone the runtime knows (2-7 ms each),
    // so most cases are spellings of real zones and about one in six is a refusal.
    const zone = fc.oneof(
      {
        weight: 14,
        arbitrary: fc
          .constantFrom(...Intl.supportedValuesOf("timeZone"))
          .chain((name) => fc.constantFrom(name, name.toLowerCase(), name.toUpperCase())),
      },
      { weight: 2, arbitrary: zoneWord },
      { weight: 1, arbitrary: fc.constantFrom(...TIME_WORDS, "utc", "GMT", "Etc/GMT+14", "Etc/GMT+15") },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,10}\/[A-Za-z_]{1,12}$/) },
      { weight: 1, arbitrary: anyText(12) },
    );
    fc.assert(
      fc.property(zone, (word) => {
        const read = readZone(word);
        if (read.ok) {
          check(
            new Intl.DateTimeFormat("en", { timeZone: read.value }).resolvedOptions().timeZone !== "",
            "usable",
          );
          return;
        }
        check(read.error.token === word, "the word quoted back as typed");
      }),
      { numRuns: RUNS },
    );
  });
});

const amina = intakeContextFor(config, personById(config, "amina-yusuf")!);
const claire = intakeContextFor(config, personById(config, "claire-dubois")!);
const SENTENCE = "A young man in our programme is being contacted online by a recruiter".split(" ");

describe("route's parsers under fuzz", () => {
  const requestWord = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...topicIds).map((id) => `topic:${id}`) },
    { weight: 1, arbitrary: fc.constantFrom(...regionIds).map((id) => `region:${id}`) },
    { weight: 2, arbitrary: fc.constantFrom(...FLAG_WORDS, "sujet:grooming", "langue:fr", "urgence:haute") },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("topic", "lang", "urgency", "region", "Topic", "x", "e.g."), anyText(8))
        .map(([key, value]) => `${key}:${value}`),
    },
    { weight: 4, arbitrary: fc.constantFrom(...SENTENCE) },
    { weight: 3, arbitrary: fuzzWord },
  );

  it("one-line !request: a routable draft, or every problem in the requester's language", () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(requestWord, { maxLength: 16 }),
        fc.constantFrom(amina, claire),
        (typed, context) => {
          const parsed = parseOneLineRequest(config, splitLikeServices(typed.join(" ")), context);
          if (!parsed.ok) {
            check(parsed.error.length > 0, "at least one problem");
            const text = renderOneLineProblems(config, context.locale, parsed.error);
            check(text.split("\n").length >= parsed.error.length + 2, "one line per problem, and the usage");
            for (const problem of parsed.error) {
              const line = renderProblem(config, context.locale, problem);
              check(line.trim() !== "", "a worded problem");
              const typedValue =
                "word" in problem ? problem.word : "value" in problem ? problem.value : undefined;
              // Long values are echoed shortened; their start is always there.
              if (typedValue !== undefined)
                check(line.includes(typedValue.slice(0, 20)), `"${typedValue}" echoed`);
            }
            return;
          }
          accepted++;
          const draft = parsed.value;
          check(topicIds.includes(draft.topic) && regionIds.includes(draft.region), "known topic and region");
          check(["low", "normal", "high"].includes(draft.urgency), "an urgency");
          check(draft.text === draft.text.trim() && draft.text.length > 0, "trimmed text");
          check(Array.from(draft.text).length <= MAX_TEXT_LENGTH, "bounded text");
        },
      ),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(50);
  });

  it("guided !request: every turn asks, cancels or hands over a valid draft, even after a restart", () => {
    // Long answers cost milliseconds each (they are read and quoted back), so they are rare.
    const odd = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          "ok",
          "yes",
          "no",
          "oui",
          "non",
          "Oui !",
          "cancel",
          "1",
          "2",
          "9",
          "0",
          "-1",
          "high",
          "anonymous",
        ),
      },
      { weight: 4, arbitrary: fc.constantFrom(...topicIds, ...regionIds, "en", "fr", "sw", "xx") },
      { weight: 4, arbitrary: fuzzWord.filter((word) => word.length < 100) },
      { weight: 4, arbitrary: graphemeText(30) },
      { weight: 1, arbitrary: fc.constantFrom("word ".repeat(1000), "x".repeat(5000)) },
    );
    // The answers that complete a request, each sometimes replaced by an odd one (which the
    // exchange refuses, asking again), then a few odd answers more.
    const GOOD = ["1", "ok", "ok", "ok", "no", SENTENCE.join(" "), "yes"];
    const answers = fc
      .tuple(
        fc.tuple(
          ...GOOD.map((good) =>
            fc.oneof({ weight: 6, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: odd }),
          ),
        ),
        fc.array(odd, { maxLength: 3 }),
        // A restart before about one answer in five.
        fc.array(fc.nat({ max: 4 }), { minLength: 10, maxLength: 10 }),
      )
      .map(([path, more, restarts]) =>
        [...path, ...more].map((text, index) => ({ text, restart: restarts[index] === 0 })),
      );
    const seen = { done: 0, cancelled: 0, ask: 0 };
    fc.assert(
      fc.property(fc.constantFrom(amina, claire), answers, (context, said) => {
        let turn: GuidedTurn = startGuidedRequest(config, context);
        for (const { text, restart } of said) {
          if (turn.kind !== "ask") break;
          check(turn.reply.trim() !== "", "a question in words");
          check(GUIDED_STEPS.includes(turn.state.step), "a known step");
          // A restart brings the state back from Redis, where the text is never kept.
          const state: GuidedState = restart ? withoutText(turn.state) : turn.state;
          turn = answerGuidedRequest(config, state, text);
        }
        seen[turn.kind]++;
        if (turn.kind === "cancelled") check(turn.reply.trim() !== "", "a worded goodbye");
        if (turn.kind === "done") {
          check(
            topicIds.includes(turn.draft.topic) && regionIds.includes(turn.draft.region),
            "a routable draft",
          );
          check(turn.draft.text.trim() !== "", "with its text");
        }
      }),
      { numRuns: RUNS },
    );
    expect(seen.done).toBeGreaterThan(50);
    expect(seen.cancelled).toBeGreaterThan(50);
  });

  it("case ids: the canonical id, or a refusal quoting what was typed", () => {
    const typed = fc.oneof(
      fc.stringMatching(/^\s?[rR][a-zA-Z0-9]{5,7}\s?$/),
      fc.constantFrom(...NUMBER_WORDS),
      anyText(12),
    );
    fc.assert(
      fc.property(typed, (input) => {
        const parsed = parseCaseId(input);
        if (parsed.ok) check(/^r[a-hj-km-np-z2-9]{6}$/.test(parsed.value), "a canonical id");
        else check(parsed.error.includes(input), "the input quoted");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("digest's parsers under fuzz", () => {
  it("item ids and consent answers: a known value, or a refusal quoting what was typed", () => {
    const typed = fc.oneof(
      fc.stringMatching(/^\s?[dD][a-zA-Z0-9]{5,7}\s?$/),
      fc.constantFrom(
        "named",
        "Named ",
        "NOM",
        "nommée",
        "pseudo",
        "anonymous",
        "no",
        "non",
        "refuser",
        "maybe",
      ),
      fc.constantFrom(...OBJECT_KEY_WORDS),
      fuzzWord,
    );
    fc.assert(
      fc.property(typed, (input) => {
        const id = parseItemId(input);
        if (id.ok) check(/^d[a-hj-km-np-z2-9]{6}$/.test(id.value), "a canonical id");
        else check(id.error.includes(input), "the input quoted");
        const choice = readChoice(input);
        if (choice.ok) check(["named", "pseudonym", "refused"].includes(choice.value), "a choice");
        else
          check(choice.error.includes(input) && /named, pseudonym or no/.test(choice.error), "the options");
      }),
      { numRuns: RUNS },
    );
  });
});

describe("inputs the fuzzing found", () => {
  // Words that name a property of every object: looked up in an object literal, they found
  // Object.prototype's instead of nothing.
  it.each(["constructor", "__proto__"])("%s is no date, weekday, repeat unit or consent answer", (word) => {
    for (const when of [`${word} 14:00`, `next ${word} 14:00`, `${word} 3 14:00`]) {
      const parsed = parseWhenWords(when.split(" "), whenContext);
      expect(parsed.result.ok, when).toBe(false);
    }
    const schedule = parseScheduleDetails(
      config,
      `2026-12-03 14:00 with mena every ${word} x3`.split(" "),
      whenContext,
    );
    expect(schedule).toMatchObject({ ok: false, error: { kind: "recurrence" } });
    expect(readChoice(word).ok).toBe(false);
  });
});
