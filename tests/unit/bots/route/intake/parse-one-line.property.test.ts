import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_TEXT_LENGTH,
  MIN_TEXT_LENGTH,
  parseOneLineRequest,
} from "../../../../../bots/route/intake/index.ts";
import { amina, claire, config } from "./intake-fixtures.ts";

const URGENCIES = ["low", "normal", "high"];
const topicIds = config.routing.topics.map((topic) => topic.id);
const regionIds = config.regions.map((region) => region.id);

// Words that are sometimes options, so the parser's option paths are exercised too.
const word = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("anonymous", "topic:", "lang:", "urgency:high", "region:mena", "a:b", "Context:"),
  fc.constantFrom(...topicIds).map((id) => `topic:${id}`),
  fc
    .tuple(fc.constantFrom("topic", "lang", "urgency", "region", "sujet", "x"), fc.string())
    .map(([key, value]) => `${key}:${value}`),
);

describe("parseOneLineRequest on arbitrary words", () => {
  it("never throws, and yields a valid draft or at least one problem", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.constantFrom(amina, claire), (words, context) => {
        const result = parseOneLineRequest(config, words, context);
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const draft = result.value;
        expect(topicIds).toContain(draft.topic);
        expect(regionIds).toContain(draft.region);
        expect(URGENCIES).toContain(draft.urgency);
        expect(draft.language).toMatch(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/);
        expect(typeof draft.anonymous).toBe("boolean");
        expect(draft.text).toBe(draft.text.trim());
        expect(Array.from(draft.text).length).toBeGreaterThanOrEqual(MIN_TEXT_LENGTH);
        expect(Array.from(draft.text).length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
      }),
      { numRuns: 2000 },
    );
    // Otherwise the checks on drafts above would pass without ever running.
    expect(accepted).toBeGreaterThan(20);
  });
});
