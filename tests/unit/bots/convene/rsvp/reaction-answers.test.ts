import { describe, expect, it } from "vitest";
import { ANSWER_REACTIONS, answerForReaction } from "../../../../../bots/convene/rsvp/reaction-answers.ts";

describe("answerForReaction", () => {
  it.each([
    ["👍", "yes"],
    ["✅", "yes"],
    ["✔️", "yes"],
    ["✔", "yes"],
    ["☑️", "yes"],
    ["🙋", "yes"],
    ["👎", "no"],
    ["❌", "no"],
    ["✖️", "no"],
    ["🚫", "no"],
    ["🙅", "no"],
    ["🤔", "maybe"],
    ["❓", "maybe"],
    ["❔", "maybe"],
    ["🤷", "maybe"],
  ])("reads %s as %s", (key, answer) => {
    expect(answerForReaction(key)).toBe(answer);
  });

  it.each([
    ["thumbs up with a skin tone", "👍🏽", "yes"],
    ["thumbs down, darkest skin tone", "👎🏿", "no"],
    ["thumbs up with an emoji presentation selector", "👍\uFE0F", "yes"],
    ["check mark in text presentation", "✔\uFE0E", "yes"],
    ["woman shrugging", "🤷‍♀️", "maybe"],
    ["man shrugging with a skin tone", "🤷🏾‍♂️", "maybe"],
    ["person gesturing no, woman", "🙅‍♀", "no"],
    ["surrounding spaces", " 👍 ", "yes"],
  ])("accepts %s", (_name, key, answer) => {
    expect(answerForReaction(key)).toBe(answer);
  });

  it.each(["❤️", "🎉", "👀", "yes", "+1", "", "👍👎", "🤷‍🤔"])("ignores %j", (key) => {
    expect(answerForReaction(key)).toBeUndefined();
  });

  it("shows reactions on the card that it also reads back as their answers", () => {
    for (const [answer, key] of Object.entries(ANSWER_REACTIONS)) expect(answerForReaction(key)).toBe(answer);
  });
});
