import { describe, expect, it } from "vitest";
import { indexPeople } from "../../../../../bots/digest/redact/index.ts";
import { amina, found, rule } from "./redact-fixtures.ts";

describe("the social-link rule", () => {
  it.each([
    "https://www.facebook.com/amina.yusuf.99",
    "facebook.com/amina.yusuf",
    "https://m.facebook.com/profile.php?id=100012345678",
    "x.com/amina_y",
    "https://twitter.com/amina_y/status/123",
    "instagram.com/amina.y",
    "https://www.tiktok.com/@amina.y",
    "https://ke.linkedin.com/in/amina-yusuf-1234",
    "t.me/amina_y",
    "https://wa.me/254712345678",
    "https://api.whatsapp.com/send?phone=254712345678",
    "https://mastodon.social/@amina",
    "https://bsky.app/profile/amina.bsky.social",
  ])("finds %s even when ordinary links are kept", (link) => {
    expect(found("social-link", `profile: ${link}.`)).toEqual([link]);
  });

  it.each([
    "facebook.com",
    "see x.com.",
    "netflix.com/title/123",
    "https://example.org/report",
    "outbox.com/x",
    "at.me/now",
  ])("leaves %s alone", (text) => {
    expect(found("social-link", text)).toEqual([]);
  });
});

describe("the URL rule", () => {
  it("finds links, leaving the sentence's punctuation", () => {
    expect(found("url", "See https://example.org/a?b=c. And (www.example.org/x), ok")).toEqual([
      "https://example.org/a?b=c",
      "www.example.org/x",
    ]);
    expect(found("url", "https://en.wikipedia.org/wiki/Kibera_(Nairobi).")).toEqual([
      "https://en.wikipedia.org/wiki/Kibera_(Nairobi)",
    ]);
  });

  it("leaves plain text alone", () => {
    expect(found("url", "example dot org, 3.5 km, e.g. this")).toEqual([]);
  });
});

describe("the handle rule", () => {
  it("finds @handles, without the sentence's full stop", () => {
    expect(found("handle", "thanks @amina_y and @Omar.H.")).toEqual(["@amina_y", "@Omar.H"]);
    expect(found("handle", "شكراً @ليلى")).toEqual(["@ليلى"]);
  });

  it("says whose handle it is when it is someone's localpart", () => {
    expect(rule("handle").find("hi @AMINA and @amina_y", indexPeople([amina]))).toEqual([
      { start: 3, end: 9, personKey: amina.key },
      { start: 14, end: 22 },
    ]);
  });

  it.each([
    "amina@example.org",
    "meet @ 5pm",
    "meet @5pm",
    "a @",
    "https://mastodon.social/@amina",
    "@amina:example.org",
  ])("leaves %s alone", (text) => {
    expect(found("handle", text)).toEqual([]);
  });
});
