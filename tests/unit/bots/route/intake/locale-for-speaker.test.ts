/** Replies go in the first language a person speaks that the router has words in. */
import { describe, expect, it } from "vitest";
import { localeForSpeaker } from "../../../../../bots/route/intake/i18n/index.ts";

describe("localeForSpeaker", () => {
  it("skips languages without a catalogue rather than falling back on the first", () => {
    expect(localeForSpeaker(["so", "fr", "en"], "en")).toBe("fr");
    expect(localeForSpeaker(["ar", "en", "fr"], "fr")).toBe("en");
    expect(localeForSpeaker(["fr-CA"], "en")).toBe("fr");
  });

  it("uses the network's language when the person speaks none the router has", () => {
    expect(localeForSpeaker(["am", "sw"], "fr")).toBe("fr");
    expect(localeForSpeaker([], "fr")).toBe("fr");
    expect(localeForSpeaker(["am"], "xx")).toBe("en");
  });
});
