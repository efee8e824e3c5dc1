import { describe, expect, it } from "vitest";
import {
  type IntakeProblem,
  MAX_TEXT_LENGTH,
  parseOneLineRequest,
  type RequestDraft,
} from "../../../../../bots/route/intake/index.ts";
import { amina, claire, config, TEXT, TEXT_WORDS } from "./intake-fixtures.ts";

const parse = (line: string, context = amina) => parseOneLineRequest(config, line.split(" "), context);

function draftOf(line: string, context = amina): RequestDraft {
  const result = parse(line, context);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

function problemsOf(line: string, context = amina): readonly IntakeProblem[] {
  const result = parse(line, context);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.error;
}

describe("parseOneLineRequest", () => {
  it("reads every option, in any order, and the rest as the text", () => {
    expect(draftOf(`topic:youth lang:fr urgency:high region:mena anonymous ${TEXT}`)).toEqual({
      topic: "youth-engagement",
      language: "fr",
      region: "mena",
      urgency: "high",
      anonymous: true,
      text: TEXT,
    });
    expect(draftOf(`anonymous region:mena urgency:high lang:fr topic:youth ${TEXT}`)).toEqual(
      draftOf(`topic:youth lang:fr urgency:high region:mena anonymous ${TEXT}`),
    );
  });

  it("defaults to normal urgency, the requester's region and first language, not anonymous", () => {
    expect(draftOf(`topic:online-recruitment ${TEXT}`)).toEqual({
      topic: "online-recruitment",
      language: "en",
      region: "east-africa",
      urgency: "normal",
      anonymous: false,
      text: TEXT,
    });
    expect(draftOf(`topic:youth ${TEXT}`, claire)).toMatchObject({ language: "fr", region: "europe" });
  });

  it("resolves French aliases and labels, and French option spellings", () => {
    expect(draftOf(`topic:réintégration ${TEXT}`).topic).toBe("off-ramp-reintegration");
    expect(draftOf(`topic:Soutien-psychosocial ${TEXT}`).topic).toBe("psychosocial-support");
    expect(draftOf(`sujet:mères langue:français urgence:haute région:Europe ${TEXT}`, claire)).toMatchObject({
      topic: "mothers-engagement",
      language: "fr",
      urgency: "high",
      region: "europe",
    });
  });

  it("reads language codes in any case and configured languages by name", () => {
    expect(draftOf(`topic:youth lang:PT_br ${TEXT}`).language).toBe("pt-BR");
    expect(draftOf(`topic:youth lang:Swahili ${TEXT}`).language).toBe("sw");
    expect(draftOf(`topic:youth lang:kiswahili ${TEXT}`).language).toBe("sw");
    expect(draftOf(`topic:youth language:ha ${TEXT}`).language).toBe("ha");
  });

  it("takes a text that starts like an option as text, but only after the options", () => {
    expect(draftOf(`topic:youth Context: ${TEXT}`).text).toBe(`Context: ${TEXT}`);
    expect(draftOf(`topic:youth https://example.org ${TEXT}`).text).toBe(`https://example.org ${TEXT}`);
    expect(draftOf(`topic:youth ${TEXT} urgency:high`)).toMatchObject({ urgency: "normal" });
    expect(draftOf(`[anonymous] topic:youth ${TEXT}`).anonymous).toBe(true);
  });

  it("suggests the nearest topics for an unknown one", () => {
    expect(problemsOf(`topic:recrutment ${TEXT}`)).toEqual([
      { kind: "unknown-topic", word: "recrutment", suggestions: ["online-recruitment"] },
    ]);
  });

  it("names an unknown option, with the nearest known ones", () => {
    expect(problemsOf(`topic:youth urgnecy:high ${TEXT}`)).toEqual([
      { kind: "unknown-option", key: "urgnecy", suggestions: ["urgency"] },
    ]);
    expect(problemsOf(`constructor:x topic:youth ${TEXT}`)).toEqual([
      { kind: "unknown-option", key: "constructor", suggestions: [] },
    ]);
  });

  it("refuses a bad urgency, language or region", () => {
    expect(problemsOf(`topic:youth urgency:asap ${TEXT}`)).toEqual([{ kind: "bad-urgency", value: "asap" }]);
    expect(problemsOf(`topic:youth lang:xx ${TEXT}`)).toEqual([{ kind: "bad-language", value: "xx" }]);
    expect(draftOf(`topic:youth lang:English! ${TEXT}`).language).toBe("en");
    expect(problemsOf(`topic:youth region:east-afrika ${TEXT}`)).toEqual([
      { kind: "unknown-region", value: "east-afrika", suggestions: ["east-africa"] },
    ]);
  });

  it("requires the topic and the text, at least a few words and at most the cap", () => {
    expect(problemsOf(TEXT)).toEqual([{ kind: "missing-option", key: "topic" }]);
    expect(problemsOf("topic:youth lang:fr")).toEqual([{ kind: "missing-text" }]);
    expect(problemsOf("topic:youth help")).toEqual([{ kind: "short-text", min: 10 }]);
    const long = "word ".repeat(MAX_TEXT_LENGTH / 5 + 1).trim();
    expect(problemsOf(`topic:youth ${long}`)).toEqual([
      { kind: "long-text", max: MAX_TEXT_LENGTH, length: long.length },
    ]);
    expect(draftOf(`topic:youth ${"é".repeat(MAX_TEXT_LENGTH)}`).text).toHaveLength(MAX_TEXT_LENGTH);
  });

  it("requires the language when the requester has no default", () => {
    const result = parseOneLineRequest(config, ["topic:youth", ...TEXT_WORDS], { ...amina, languages: [] });
    expect(result).toEqual({ ok: false, error: [{ kind: "missing-option", key: "lang" }] });
  });

  it("reports empty and repeated options once each, without also calling them missing", () => {
    expect(problemsOf(`topic: youth ${TEXT}`)).toEqual([{ kind: "empty-option", key: "topic" }]);
    expect(problemsOf(`topic:youth topic:mothers ${TEXT}`)).toEqual([
      { kind: "repeated-option", key: "topic" },
    ]);
  });

  it("reports every problem at once", () => {
    expect(problemsOf("colour:red topic:recrutment lang:?? urgency:asap region:atlantis hi")).toEqual([
      { kind: "unknown-option", key: "colour", suggestions: [] },
      { kind: "unknown-topic", word: "recrutment", suggestions: ["online-recruitment"] },
      { kind: "bad-language", value: "??" },
      { kind: "unknown-region", value: "atlantis", suggestions: [] },
      { kind: "bad-urgency", value: "asap" },
      { kind: "short-text", min: 10 },
    ]);
  });

  it("ignores empty words and surrounding spaces", () => {
    const words = ["", "  topic:youth ", ...TEXT_WORDS, "  "];
    expect(parseOneLineRequest(config, words, amina)).toMatchObject({ ok: true, value: { text: TEXT } });
  });
});
