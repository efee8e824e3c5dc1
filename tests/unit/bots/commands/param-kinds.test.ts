import { describe, expect, it } from "vitest";
import { value } from "../../../../bots/runtime/commands/param-builders.ts";
import type { Token } from "../../../../bots/runtime/commands/tokenise-command.ts";
import type { ValueKind } from "../../../../bots/runtime/commands/value-kind.ts";

function read<T>(kind: ValueKind<T>, text: string, quoted = false) {
  const token: Token = { text, start: 0, end: text.length, quoted };
  return kind.read([token], 0).result;
}

function accepts<T>(kind: ValueKind<T>, text: string): T {
  const result = read(kind, text);
  if (!result.ok) throw new Error(`expected "${text}" to be accepted: ${result.error.problem}`);
  return result.value;
}

function problemOf<T>(kind: ValueKind<T>, text: string): string {
  const result = read(kind, text);
  if (result.ok) throw new Error(`expected "${text}" to be refused`);
  expect(result.error.found).toBe(text);
  return result.error.problem;
}

describe("user", () => {
  const user = value.user();
  it.each([
    ["@amina:example.org", "@amina:example.org"],
    ["@bot:127.0.0.11:18448", "@bot:127.0.0.11:18448"],
    ["https://matrix.to/#/@amina:example.org", "@amina:example.org"],
    ["https://matrix.to/#/%40amina%3Aexample.org?via=example.org", "@amina:example.org"],
    ["<https://matrix.to/#/@amina:example.org>", "@amina:example.org"],
  ])("accepts %s", (text, id) => {
    expect(accepts(user, text)).toBe(id);
  });
  it.each([
    "amina",
    "@amina",
    "@Amina:example.org",
    "@a b:example.org",
    "#room:example.org",
    "https://evil.example/#/@a:b",
    "https://matrix.to/#/%E0%A4%A",
  ])("refuses %s", (text) => {
    expect(problemOf(user, text)).toBe("is not a Matrix user id");
  });
});

describe("room", () => {
  const room = value.room();
  it.each([
    ["#general:example.org", "#general:example.org"],
    ["!abc123:example.org", "!abc123:example.org"],
    ["https://matrix.to/#/%23general%3Aexample.org", "#general:example.org"],
    ["https://matrix.to/#/!abc:example.org?via=example.org", "!abc:example.org"],
  ])("accepts %s", (text, id) => {
    expect(accepts(room, text)).toBe(id);
  });
  it.each(["general", "#general", "@a:example.org", "#x:bad server"])("refuses %s", (text) => {
    expect(problemOf(room, text)).toBe("is not a room alias or room id");
  });
});

describe("duration", () => {
  const duration = value.duration();
  it.each([
    ["90m", 90 * 60_000],
    ["1h30m", 90 * 60_000],
    ["2h", 2 * 3_600_000],
    ["1d", 86_400_000],
    ["2H", 2 * 3_600_000],
  ])("accepts %s", (text, ms) => {
    expect(accepts(duration, text)).toBe(ms);
  });
  it.each([
    ["soon", "is not a duration"],
    ["1.5h", "is not a duration"],
    ["-1h", "is not a duration"],
    ["0m", "is not a duration (units largest first, each once, more than zero)"],
    ["30m2h", "is not a duration (units largest first, each once, more than zero)"],
  ])("refuses %s", (text, problem) => {
    expect(problemOf(duration, text)).toBe(problem);
  });
  it("applies bounds", () => {
    const bounded = value.duration({ minMs: 15 * 60_000, maxMs: 8 * 3_600_000 });
    expect(problemOf(bounded, "5m")).toBe("is shorter than the minimum 15m");
    expect(problemOf(bounded, "1d")).toBe("is longer than the maximum 8h");
  });
});

describe("integer", () => {
  const integer = value.integer({ min: 1, max: 10 });
  it.each([
    ["1", 1],
    ["10", 10],
    ["+7", 7],
    ["007", 7],
  ])("accepts %s", (text, n) => {
    expect(accepts(integer, text)).toBe(n);
  });
  it.each([
    ["0", "is out of range"],
    ["11", "is out of range"],
    ["-3", "is out of range"],
    ["1.5", "is not a whole number"],
    ["ten", "is not a whole number"],
    ["99999999999999999999", "is too large"],
  ])("refuses %s", (text, problem) => {
    expect(problemOf(integer, text)).toBe(problem);
  });
  it("says the range in words", () => {
    expect(integer.expected).toBe("a whole number from 1 to 10");
    expect(value.integer().expected).toBe("a whole number");
  });
});

describe("enum", () => {
  const answer = value.enumOf(["yes", "no", "maybe"]);
  it("matches case-insensitively and returns the declared spelling", () => {
    expect(accepts(answer, "YES")).toBe("yes");
    expect(answer.placeholder("answer")).toBe("<yes|no|maybe>");
  });
  it("suggests the nearest value", () => {
    expect(problemOf(answer, "mabye")).toBe("is not one of yes, no, maybe; did you mean maybe?");
    expect(problemOf(answer, "perhaps")).toBe("is not one of yes, no, maybe");
  });
});

describe("word and text", () => {
  it("word refuses control characters and over-long words", () => {
    expect(accepts(value.word(), "café")).toBe("café");
    expect(problemOf(value.word(), "a\u0007b")).toBe("has control characters");
    expect(problemOf(value.word({ maxLength: 3 }), "abcd")).toBe("is longer than 3 characters");
  });
  it("text keeps RTL and emoji, drops control characters", () => {
    expect(accepts(value.text(), "لقاء شهري 🗓️")).toBe("لقاء شهري 🗓️");
    expect(accepts(value.text(), "a\u0000b\u001bc")).toBe("abc");
    expect(problemOf(value.text(), "\u0000")).toBe("is empty");
  });
});
