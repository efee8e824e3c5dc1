import { describe, expect, it } from "vitest";
import { identifiersOf, scrubIdentity } from "../../../../../bots/route/relay/index.ts";
import { HANDLE, amina, user } from "./relay-fixtures.ts";

const scrub = (text: string) => scrubIdentity(text, amina, HANDLE);

describe("scrubIdentity", () => {
  it("replaces the Matrix id, in any case", () => {
    expect(scrub("I am @amina.d:example.org, or @AMINA.D:Example.Org")).toEqual({
      text: "I am Requester K7Q2, or Requester K7Q2",
      replaced: ["user-id"],
      shortNamesSeen: [],
    });
  });

  it("replaces the localpart and the display names as whole words only", () => {
    expect(scrub("amina.d here; AMINA DIALLO, mina.").text).toBe(
      "Requester K7Q2 here; Requester K7Q2, Requester K7Q2.",
    );
    expect(scrub("Aminata and Minaret and amina.dx").text).toBe("Aminata and Minaret and amina.dx");
    expect(scrub("Amina\n Diallo").text).toBe("Requester K7Q2");
  });

  it("replaces a whole matrix.to link, plain or percent-encoded", () => {
    expect(scrub("see https://matrix.to/#/@amina.d:example.org?via=example.org ok").text).toBe(
      "see Requester K7Q2 ok",
    );
    expect(scrub("see https://matrix.to/#/%40amina.d%3Aexample.org").text).toBe("see Requester K7Q2");
  });

  it("replaces percent-encoded forms, partly or twice encoded, and encoded names", () => {
    expect(scrub("u=%40amina.d%3aexample.org&v=%2540amina%2ed%253Aexample.org").text).toBe(
      "u=Requester K7Q2&v=Requester K7Q2",
    );
    expect(scrub("name=Amina%20Diallo&n=Amina+Diallo&x=%41mina%20Diallo").text).toBe(
      "name=Requester K7Q2&n=Requester K7Q2&x=Requester K7Q2",
    );
  });

  it("reports each kind replaced once, in the order first found", () => {
    expect(scrub("Mina, amina.d, @amina.d:example.org, Mina").replaced).toEqual([
      "display-name",
      "localpart",
      "user-id",
    ]);
  });

  it("does not scrub names shorter than three characters, but reports them when seen as words", () => {
    expect(scrub("Al here, also Alan")).toEqual({
      text: "Al here, also Alan",
      replaced: [],
      shortNamesSeen: ["Al"],
    });
    expect(scrub("also Alan").shortNamesSeen).toEqual([]);
    const shortLocal = { userId: user("@jo:example.org"), displayNames: [] };
    expect(scrubIdentity("Jo said @jo:example.org", shortLocal, HANDLE)).toEqual({
      text: "Jo said Requester K7Q2",
      replaced: ["user-id"],
      shortNamesSeen: ["jo"],
    });
  });

  it("handles names with regular-expression characters and accents", () => {
    const identity = { userId: user("@x1:example.org"), displayNames: ["Zoë (she/her)", "A.B. Côté*"] };
    expect(
      scrubIdentity("hi zoë (she/her), A.B. CÔTÉ* and Zo%C3%AB%20(she%2Fher)", identity, HANDLE).text,
    ).toBe("hi Requester K7Q2, Requester K7Q2 and Requester K7Q2");
  });

  it("lists identifiers longest first, trimmed and without duplicates", () => {
    const identity = {
      userId: user("@amina:example.org"),
      displayNames: [" Amina ", "amina", ""],
      otherNames: ["A. Diallo"],
    };
    expect(identifiersOf(identity)).toEqual([
      { kind: "user-id", value: "@amina:example.org" },
      { kind: "other-name", value: "A. Diallo" },
      { kind: "localpart", value: "amina" },
    ]);
  });
});
