import { describe, expect, it } from "vitest";
import { indexPeople } from "../../../../../bots/digest/redact/index.ts";
import { amina, found, rule } from "./redact-fixtures.ts";

describe("the e-mail rules", () => {
  it.each([
    "amina@example.org",
    "amina.yusuf+digest@mail.example.co.ke",
    "AMINA.YUSUF@EXAMPLE.ORG",
    "o'brien_2@sub.domain.example.fr",
    "فاطمة@مثال.موقع",
    "jean-luc@exemple.fr",
  ])("finds %s", (address) => {
    expect(found("email", `écrire à ${address}, merci`)).toEqual([address]);
  });

  it("stops at the sentence's punctuation", () => {
    expect(found("email", "Mail amina@example.org.")).toEqual(["amina@example.org"]);
    expect(found("email", "(amina@example.org)")).toEqual(["amina@example.org"]);
  });

  it("finds disguised addresses", () => {
    expect(found("email-disguised", "amina [at] example [dot] org")).toEqual([
      "amina [at] example [dot] org",
    ]);
    expect(found("email-disguised", "amina(at)example.co(dot)ke!")).toEqual(["amina(at)example.co(dot)ke"]);
  });

  it.each([
    "@amina:example.org",
    "meet @ 5pm",
    "a@b",
    "user@localhost",
    "price: 5 @ 10 KES",
    "at the office",
  ])("leaves %s to other rules or alone", (text) => {
    expect(found("email", text)).toEqual([]);
    expect(found("email-disguised", text)).toEqual([]);
  });
});

describe("the Matrix rules", () => {
  it.each([
    "@amina:example.org",
    "@omar.h:hs1.test:8448",
    "@Old_Style:matrix.org",
    "@amina:[2001:db8::1]:8448",
  ])("finds the user id %s", (id) => {
    expect(found("matrix-id", `ask ${id}.`)).toEqual([id]);
  });

  it("finds percent-encoded user ids, once or twice encoded", () => {
    expect(found("matrix-id", "u=%40amina%3Aexample.org&v=%2540amina%253Aexample.org")).toEqual([
      "%40amina%3Aexample.org",
      "%2540amina%253Aexample.org",
    ]);
  });

  it("says whose user id or link it is, in any letter case or encoding", () => {
    const people = indexPeople([amina]);
    expect(
      rule("matrix-id").find("@Amina:Example.org %40amina%3Aexample.org @other:example.org", people),
    ).toEqual([
      { start: 0, end: 18, personKey: amina.key },
      { start: 19, end: 41, personKey: amina.key },
      { start: 42, end: 60 },
    ]);
    expect(rule("matrix-link").find("https://matrix.to/#/%40amina%3Aexample.org?via=x.org", people)).toEqual([
      { start: 0, end: 52, personKey: amina.key },
    ]);
  });

  it("finds room aliases and room ids", () => {
    expect(found("matrix-room", "join #prevention-ke:example.org or !AbCdEf123:example.org")).toEqual([
      "#prevention-ke:example.org",
      "!AbCdEf123:example.org",
    ]);
  });

  it("finds matrix.to and matrix: links whole", () => {
    expect(
      found(
        "matrix-link",
        "see https://matrix.to/#/@amina:example.org?via=example.org, or matrix:u/amina:example.org.",
      ),
    ).toEqual(["https://matrix.to/#/@amina:example.org?via=example.org", "matrix:u/amina:example.org"]);
    expect(found("matrix-link", "(https://matrix.to/#/%40amina%3Aexample.org)")).toEqual([
      "https://matrix.to/#/%40amina%3Aexample.org",
    ]);
  });

  it.each(["#hashtag", "#1 priority", "hello!world", "email a@example.org", "ratio 3:2", "@amina"])(
    "leaves %s alone",
    (text) => {
      expect(found("matrix-id", text)).toEqual([]);
      expect(found("matrix-room", text)).toEqual([]);
      expect(found("matrix-link", text)).toEqual([]);
    },
  );
});
