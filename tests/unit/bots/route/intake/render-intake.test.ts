import { describe, expect, it } from "vitest";
import {
  type IntakeProblem,
  parseOneLineRequest,
  renderOneLineProblems,
  renderProblem,
} from "../../../../../bots/route/intake/index.ts";
import { CATALOGUES } from "../../../../../bots/route/intake/i18n/index.ts";
import { amina, config, NBSP } from "./intake-fixtures.ts";

const EVERY_PROBLEM: readonly IntakeProblem[] = [
  { kind: "unknown-topic", word: "recrutment", suggestions: ["online-recruitment"] },
  { kind: "unknown-topic", word: "astronomy", suggestions: [] },
  { kind: "unknown-option", key: "urgnecy", suggestions: ["urgency"] },
  { kind: "missing-option", key: "topic" },
  { kind: "empty-option", key: "lang" },
  { kind: "repeated-option", key: "region" },
  { kind: "bad-language", value: "xx" },
  { kind: "unknown-region", value: "atlantis", suggestions: [] },
  { kind: "bad-urgency", value: "asap" },
  { kind: "missing-text" },
  { kind: "short-text", min: 10 },
  { kind: "long-text", max: 4000, length: 4100 },
  { kind: "not-yes-no", value: "maybe" },
];

describe("renderProblem", () => {
  it("names what was wrong, in English", () => {
    const en = (problem: IntakeProblem) => renderProblem(config, "en", problem);
    expect(en(EVERY_PROBLEM[0]!)).toBe("There is no topic “recrutment”: did you mean online-recruitment?");
    expect(en(EVERY_PROBLEM[2]!)).toBe(
      "There is no option “urgnecy:” (did you mean urgency:?): the options are topic:, lang:, urgency:, and region:.",
    );
    expect(en(EVERY_PROBLEM[3]!)).toBe(
      "The topic is missing: add one, for example topic:online-recruitment.",
    );
    expect(en(EVERY_PROBLEM[7]!)).toBe(
      "There is no region “atlantis”: the regions are east-africa, mena, and europe.",
    );
    expect(en(EVERY_PROBLEM[8]!)).toBe("“asap” is not an urgency: use low, normal or high.");
  });

  it("names what was wrong, in French, with a no-break space before colons and question marks", () => {
    const fr = (problem: IntakeProblem) => renderProblem(config, "fr-FR", problem);
    expect(fr(EVERY_PROBLEM[0]!)).toBe(
      `Il n’y a pas de sujet «${NBSP}recrutment${NBSP}»${NBSP}: vouliez-vous dire online-recruitment${NBSP}?`,
    );
    expect(fr(EVERY_PROBLEM[3]!)).toBe(
      `Il manque le sujet${NBSP}: ajoutez par exemple topic:online-recruitment.`,
    );
    for (const problem of EVERY_PROBLEM) {
      const sentence = fr(problem);
      // Option keywords such as "lang:" are quoted as typed, not French punctuation.
      const prose = sentence.replace(/(?:topic|lang|urgency|region|urgnecy):/g, "");
      expect(prose, sentence).not.toMatch(/[^\u00a0][:?;](?:\s|$)/u);
      expect(sentence).not.toBe(renderProblem(config, "en", problem));
    }
  });

  it("shortens long values it quotes back", () => {
    const sentence = renderProblem(config, "en", { kind: "bad-urgency", value: "x".repeat(500) });
    expect(sentence).toContain(`“${"x".repeat(39)}…”`);
  });

  it("falls back to English for a language without a catalogue", () => {
    expect(renderProblem(config, "sw", { kind: "missing-text" })).toBe(
      "The request itself is missing: write it after the options.",
    );
  });
});

describe("renderOneLineProblems", () => {
  it("lists every problem, then the usage", () => {
    const result = parseOneLineRequest(config, ["topic:recrutment", "urgency:asap", "hi"], amina);
    expect(result.ok).toBe(false);
    const reply = renderOneLineProblems(config, "en", result.ok ? [] : result.error).split("\n");
    expect(reply).toEqual([
      "I could not take that request:",
      "- There is no topic “recrutment”: did you mean online-recruitment?",
      "- “asap” is not an urgency: use low, normal or high.",
      "- The request is too short: describe what you need in a few words (at least 10 characters).",
      expect.stringMatching(/^Write it as !request topic:<tag> lang:<code> urgency:<low\|normal\|high>/),
    ]);
  });
});

describe("the catalogues", () => {
  it("have the same keys", () => {
    expect(Object.keys(CATALOGUES.fr).sort()).toEqual(Object.keys(CATALOGUES.en).sort());
  });
});
