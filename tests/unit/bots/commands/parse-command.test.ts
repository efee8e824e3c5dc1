import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../../bots/runtime/commands/parse-command.ts";
import type { CommandParseError } from "../../../../bots/runtime/commands/parse-errors.ts";
import { sampleRegistry } from "./sample-commands.ts";

const registry = sampleRegistry();

function args(body: string) {
  const parsed = parseCommand(body, registry);
  if (!parsed.ok) throw new Error(`"${body}" failed: ${parsed.error.kind}`);
  return { name: parsed.value.command.name, ...parsed.value.args };
}

function error(body: string): CommandParseError {
  const parsed = parseCommand(body, registry);
  if (parsed.ok) throw new Error(`"${body}" parsed as ${parsed.value.command.name}`);
  return parsed.error;
}

/** The error without the declaration object, for readable comparisons. */
function errorSummary(body: string): Record<string, unknown> {
  const { command, ...rest } = error(body) as CommandParseError & { command?: { name: string } };
  return command === undefined ? rest : { ...rest, command: command.name };
}

describe("parseCommand: recognising commands", () => {
  it.each(["hello", "", " !help", "!", "! help", "!!!", "!123", "!?", "!\u0000help"])(
    "%j is not a command (the bot stays silent)",
    (body) => {
      expect(error(body)).toEqual({ kind: "not-a-command" });
    },
  );

  it("matches names case-insensitively and the longest multi-word name wins", () => {
    expect(args("!Convene RSVP 3 yes")).toEqual({ name: "convene rsvp", id: 3, answer: "yes" });
  });

  it("supports another prefix", () => {
    expect(parseCommand("?help", registry, "?").ok).toBe(true);
    expect(parseCommand("!help", registry, "?")).toEqual({ ok: false, error: { kind: "not-a-command" } });
  });

  it("ignores the quoted fallback of a reply", () => {
    const body = "> <@bob:example.org> !kick @amina:example.org\n> more\n\n!convene rsvp 3 no";
    expect(args(body)).toEqual({ name: "convene rsvp", id: 3, answer: "no" });
    expect(error("> <@bob:example.org> !help\n\njust chatting").kind).toBe("not-a-command");
  });

  it("refuses over-long input before doing any work", () => {
    expect(error(`!request ${"x".repeat(5000)}`)).toEqual({ kind: "too-long", length: 5009, limit: 4000 });
  });
});

describe("parseCommand: unknown commands", () => {
  it("suggests the nearest names", () => {
    expect(error("!hepl")).toEqual({ kind: "unknown-command", typed: "hepl", suggestions: ["help"] });
    expect(error("!requets something")).toMatchObject({ suggestions: ["request"] });
    expect(error("!xyzzy")).toEqual({ kind: "unknown-command", typed: "xyzzy", suggestions: [] });
  });

  it("lists a group's subcommands and the nearest one", () => {
    expect(error("!convene shedule x")).toEqual({
      kind: "unknown-command",
      typed: "convene shedule",
      suggestions: ["convene schedule"],
      group: { name: "convene", subcommands: ["convene schedule", "convene rsvp", "convene cancel"] },
    });
    expect(error("!convene")).toMatchObject({
      kind: "unknown-command",
      suggestions: [],
      group: { name: "convene" },
    });
  });
});

describe("parseCommand: arguments", () => {
  it("parses quoted text, a three-word date-time and an optional duration", () => {
    expect(args('!convene schedule "Monthly check-in" 2026-05-04 10:00 Europe/Berlin 90m')).toEqual({
      name: "convene schedule",
      title: "Monthly check-in",
      when: { epochMs: Date.UTC(2026, 4, 4, 8), zone: "Europe/Berlin", offsetMinutes: 120 },
      length: 5_400_000,
      "dry-run": false,
    });
  });

  it("accepts a quoted date-time and smart quotes", () => {
    expect(
      args("!convene schedule “Check-in” '2026-05-04T10:00Z' --dry-run".replace(/'/g, '"')),
    ).toMatchObject({
      title: "Check-in",
      when: { epochMs: Date.UTC(2026, 4, 4, 10) },
      length: undefined,
      "dry-run": true,
    });
  });

  it("leaves optional parameters undefined", () => {
    expect(args("!kick @bob:example.org")).toEqual({
      name: "kick",
      who: "@bob:example.org",
      room: undefined,
    });
    expect(args("!convene cancel 3")).toEqual({ name: "convene cancel", id: 3, reason: undefined });
  });

  it("keeps rest-of-line text as typed, with stray quotes, RTL and emoji", () => {
    expect(args('!convene cancel 3 the speaker said "sorry\n  next week 🙏 شكرا')).toMatchObject({
      reason: 'the speaker said "sorry\n  next week 🙏 شكرا',
    });
  });

  it("unwraps rest-of-line text that is one quoted string", () => {
    expect(args('!convene cancel 3 "moved online"')).toMatchObject({ reason: "moved online" });
  });

  it("reports missing, bad and extra arguments by name", () => {
    expect(errorSummary("!convene rsvp 3")).toEqual({
      kind: "missing-argument",
      command: "convene rsvp",
      argument: "answer",
    });
    expect(errorSummary("!convene rsvp 0 yes")).toEqual({
      kind: "bad-argument",
      command: "convene rsvp",
      argument: "id",
      found: "0",
      problem: "is out of range",
      expected: "a whole number, at least 1",
    });
    expect(errorSummary('!convene schedule "x" 2026-13-40 10:00')).toEqual({
      kind: "bad-argument",
      command: "convene schedule",
      argument: "when",
      found: "2026-13-40 10:00",
      problem: "is not a date",
      expected: "YYYY-MM-DD HH:MM Zone or ISO 8601",
    });
    expect(errorSummary("!convene rsvp 3 yes please")).toEqual({
      kind: "too-many-arguments",
      command: "convene rsvp",
      extra: "please",
    });
    expect(errorSummary("!request")).toEqual({
      kind: "missing-argument",
      command: "request",
      argument: "question",
    });
  });

  it("reports an unterminated quote outside rest-of-line text", () => {
    expect(errorSummary('!convene schedule "Monthly check-in 2026-05-04T10:00Z')).toEqual({
      kind: "unterminated-quote",
      command: "convene schedule",
      at: 18,
    });
  });
});

describe("parseCommand: flags", () => {
  it("reads switches and options anywhere, including inside rest-of-line text", () => {
    expect(args("!request --anonymous --lang=FR need advice")).toEqual({
      name: "request",
      question: "need advice",
      anonymous: true,
      lang: "fr",
    });
    expect(args("!request need advice --lang es on intake")).toMatchObject({
      question: "need advice on intake",
      lang: "es",
      anonymous: false,
    });
  });

  it("accepts the dash phones substitute for --", () => {
    expect(args("!request —anonymous help")).toMatchObject({ anonymous: true, question: "help" });
  });

  it("keeps unknown --words inside rest-of-line text as text", () => {
    expect(args("!request what does --force do")).toMatchObject({ question: "what does --force do" });
  });

  it("treats everything after -- as arguments", () => {
    expect(args("!convene cancel -- 3 --anonymous")).toMatchObject({ id: 3, reason: "--anonymous" });
  });

  it("reports unknown flags with suggestions, and bad or missing flag values", () => {
    expect(errorSummary("!convene rsvp 3 yes --dryrun")).toEqual({
      kind: "unknown-flag",
      command: "convene rsvp",
      flag: "--dryrun",
      suggestions: [],
    });
    expect(errorSummary('!convene schedule "x" 2026-05-04T10:00Z --dry-rn')).toEqual({
      kind: "unknown-flag",
      command: "convene schedule",
      flag: "--dry-rn",
      suggestions: ["--dry-run"],
    });
    expect(errorSummary("!request --lang de help")).toMatchObject({
      kind: "bad-argument",
      argument: "--lang",
      found: "de",
    });
    expect(errorSummary("!request help --lang")).toEqual({
      kind: "missing-argument",
      command: "request",
      argument: "--lang",
    });
    expect(errorSummary('!convene schedule "x" 2026-05-04T10:00Z --dry-run=yes')).toMatchObject({
      kind: "bad-argument",
      argument: "--dry-run",
    });
  });
});
