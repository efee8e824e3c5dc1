import { describe, expect, it } from "vitest";
import {
  answerGuidedRequest,
  type GuidedState,
  type GuidedTurn,
  startGuidedRequest,
  withoutText,
} from "../../../../../bots/route/intake/index.ts";
import { amina, claire, config, NBSP, TEXT } from "./intake-fixtures.ts";

function stateOf(turn: GuidedTurn): GuidedState {
  if (turn.kind !== "ask") throw new Error(`expected a question, got ${turn.kind}`);
  return turn.state;
}

/** Answers in turn from the start; every turn but the last must be a question. */
function walk(context: typeof amina, answers: readonly string[]): GuidedTurn[] {
  const turns: GuidedTurn[] = [startGuidedRequest(config, context)];
  for (const answer of answers) turns.push(answerGuidedRequest(config, stateOf(turns.at(-1)!), answer));
  return turns;
}

const replies = (turns: readonly GuidedTurn[]) =>
  turns.map((turn) => (turn.kind === "done" ? "" : turn.reply));

describe("the guided request exchange", () => {
  it("asks topic, language, region, urgency, anonymity, text, then confirms, in English", () => {
    const turns = walk(amina, ["recruitment", "ok", "ok", "high", "no", TEXT, "yes"]);
    expect(turns.slice(0, -1).map((turn) => stateOf(turn).step)).toEqual([
      "topic",
      "language",
      "region",
      "urgency",
      "anonymous",
      "text",
      "confirm",
    ]);
    const [start, language, region, , , , confirm] = replies(turns);
    expect(start).toMatch(/^Let's prepare your practice request\. Reply cancel/);
    expect(start).toContain("1. Online recruitment (online-recruitment)");
    expect(language).toContain("or ok for English (en).");
    expect(region).toContain("or ok for East Africa:");
    expect(confirm).toContain("Topic: Online recruitment\nLanguage: English (en)\nRegion: East Africa");
    expect(confirm).toContain("Urgency: high\nAnonymous: no");
    expect(turns.at(-1)).toEqual({
      kind: "done",
      draft: {
        topic: "online-recruitment",
        language: "en",
        region: "east-africa",
        urgency: "high",
        anonymous: false,
        text: TEXT,
      },
    });
  });

  it("walks the same exchange in French, with French answers and typography", () => {
    const turns = walk(claire, ["Soutien psychosocial", "arabe", "2", "normale", "oui", TEXT, "Oui !"]);
    const [start, , region, urgency, , , confirm] = replies(turns);
    expect(start).toContain(`Quel est le sujet de votre demande${NBSP}?`);
    expect(start).toContain("6. Soutien psychosocial (psychosocial-support)");
    expect(region).toContain(`ou ok pour Europe${NBSP}:`);
    expect(urgency).toContain(`ou ok pour «${NBSP}normale${NBSP}»`);
    expect(confirm).toContain(`Sujet${NBSP}: Soutien psychosocial\nLangue${NBSP}: arabe (ar)`);
    expect(confirm).toContain(`Région${NBSP}: Middle East and North Africa`);
    expect(confirm).toContain(`Anonyme${NBSP}: oui`);
    expect(turns.at(-1)).toMatchObject({
      kind: "done",
      draft: {
        topic: "psychosocial-support",
        language: "ar",
        region: "mena",
        urgency: "normal",
        anonymous: true,
      },
    });
  });

  it("re-asks the same question after an invalid answer, saying what was wrong", () => {
    const topic = stateOf(startGuidedRequest(config, amina));
    const unknown = answerGuidedRequest(config, topic, "recrutment");
    expect(unknown).toMatchObject({ kind: "ask", state: topic, problem: { kind: "unknown-topic" } });
    expect(unknown.kind === "ask" && unknown.reply).toMatch(
      /^There is no topic “recrutment”: did you mean online-recruitment\?\nWhat is your request about\?/,
    );
    const anonymous: GuidedState = { ...topic, step: "anonymous", topic: "youth-engagement" };
    expect(answerGuidedRequest(config, anonymous, "maybe")).toMatchObject({
      state: anonymous,
      problem: { kind: "not-yes-no", value: "maybe" },
    });
    const text: GuidedState = { ...anonymous, step: "text" };
    expect(answerGuidedRequest(config, text, "help")).toMatchObject({
      state: text,
      problem: { kind: "short-text" },
    });
    const language: GuidedState = { ...topic, step: "language" };
    expect(answerGuidedRequest(config, language, "no")).toMatchObject({ problem: { kind: "bad-language" } });
    const region: GuidedState = { ...topic, step: "region" };
    expect(answerGuidedRequest(config, region, "9")).toMatchObject({ problem: { kind: "unknown-region" } });
  });

  it("ends at any step on cancel, in either language", () => {
    for (const steps of [0, 3, 6]) {
      const turns = walk(amina, ["youth", "sw", "mena", "low", "yes", TEXT].slice(0, steps));
      expect(answerGuidedRequest(config, stateOf(turns.at(-1)!), "Cancel")).toEqual({
        kind: "cancelled",
        reply: "Cancelled: nothing was sent. Send !request to start again.",
      });
    }
    const french = stateOf(startGuidedRequest(config, claire));
    expect(answerGuidedRequest(config, french, "annuler")).toMatchObject({ kind: "cancelled" });
  });

  it("drops the request when it is not confirmed", () => {
    const turns = walk(amina, ["youth", "ok", "ok", "ok", "no", TEXT, "no"]);
    expect(turns.at(-1)).toMatchObject({ kind: "cancelled" });
  });

  it("keeps plain data, without the text when stored, and asks for a lost text again", () => {
    const confirm = stateOf(walk(amina, ["youth", "ok", "ok", "ok", "no", TEXT]).at(-1)!);
    expect(JSON.parse(JSON.stringify(confirm))).toEqual(confirm);
    const stored = withoutText(confirm);
    expect(stored).not.toHaveProperty("text");
    expect(stored.step).toBe("confirm");
    const again = answerGuidedRequest(config, stored, "yes");
    expect(again).toMatchObject({ kind: "ask", state: { step: "text" } });
    expect(again.kind === "ask" && again.reply).toMatch(/^I no longer have the text of your request/);
    const resent = answerGuidedRequest(config, stateOf(again), TEXT);
    expect(answerGuidedRequest(config, stateOf(resent), "yes")).toMatchObject({ kind: "done" });
  });
});
