import { describe, expect, it } from "vitest";
import {
  type FeedSubject,
  feedTokenTag,
  hashFeedToken,
  isFeedTokenShaped,
  newFeedToken,
  parseFeedSubject,
  serialiseFeedSubject,
} from "../../../../lib/convening-index/index.ts";
import type { UserId } from "../../../../lib/matrix-ids.ts";

describe("feed tokens", () => {
  it("are 32 random bytes in base64url, never twice the same", () => {
    const tokens = Array.from({ length: 200 }, () => newFeedToken());
    expect(new Set(tokens).size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(isFeedTokenShaped(token)).toBe(true);
    }
  });

  it("refuses anything else as a token before it reaches Redis", () => {
    const token = newFeedToken();
    for (const bad of ["", token.slice(1), `${token}A`, `${token.slice(1)}=`, `${token.slice(1)}/`, "*"])
      expect(isFeedTokenShaped(bad)).toBe(false);
  });

  it("are looked up by their SHA-256 and named in logs by 12 hex digits of it", () => {
    const token = "a".repeat(43);
    expect(hashFeedToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedTokenTag(token)).toBe(hashFeedToken(token).slice(0, 12));
    expect(hashFeedToken(token)).not.toContain(token);
  });
});

describe("feed subjects", () => {
  const subjects: FeedSubject[] = [
    { kind: "person", user: "@amina:ea.example.org" as UserId },
    { kind: "region", region: "east-africa" },
    { kind: "convening", id: "c7k2p" },
  ];

  it.each(subjects)("round-trip through their stored form: %j", (subject) => {
    expect(parseFeedSubject(serialiseFeedSubject(subject))).toEqual(subject);
  });

  it("store only their own fields", () => {
    const withExtra = { kind: "region", region: "east-africa", secret: "x" } as unknown as FeedSubject;
    expect(serialiseFeedSubject(withExtra)).toBe('{"kind":"region","region":"east-africa"}');
  });

  it.each([
    "not json",
    "null",
    '{"kind":"person","user":"amina"}',
    '{"kind":"region"}',
    '{"kind":"room","id":"x"}',
    '{"kind":"convening","id":"c7k2p","extra":1}',
  ])("are refused when stored wrongly: %s", (text) => {
    expect(parseFeedSubject(text)).toBeUndefined();
  });
});
