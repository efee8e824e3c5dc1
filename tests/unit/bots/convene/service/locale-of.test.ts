/** The convene bot answers each person in the first of their languages it has words in. */
import { describe, expect, it } from "vitest";
import { localeOf } from "../../../../../bots/convene/service/people.ts";
import type { UserId } from "../../../../../lib/matrix-ids.ts";
import { loadExample } from "../../../config/example-config.ts";

const config = loadExample();
const userOf = (id: string): UserId => config.people.find((person) => person.id === id)!.userId;

describe("localeOf", () => {
  it("skips a first language without a catalogue for a later one it has", () => {
    // Hodan lists Somali, French, English.
    expect(localeOf(config, userOf("hodan-abdi"))).toBe("fr");
    // Claire lists French first.
    expect(localeOf(config, userOf("claire-dubois"))).toBe("fr");
    // Dawit lists Amharic, English.
    expect(localeOf(config, userOf("dawit-bekele"))).toBe("en");
  });

  it("answers someone outside the network in the network's language", () => {
    expect(localeOf(config, "@stranger:example.org" as UserId)).toBe(
      config.network.defaultLanguage === "fr" ? "fr" : "en",
    );
  });
});
