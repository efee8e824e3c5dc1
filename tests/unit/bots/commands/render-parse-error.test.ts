import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../../bots/runtime/commands/parse-command.ts";
import { logFields, renderParseError } from "../../../../bots/runtime/commands/render-parse-error.ts";
import { sampleRegistry } from "./sample-commands.ts";

const registry = sampleRegistry();

function rendered(body: string) {
  const parsed = parseCommand(body, registry);
  if (parsed.ok) throw new Error(`"${body}" parsed`);
  return { reply: renderParseError(parsed.error), fields: logFields(parsed.error) };
}

describe("renderParseError", () => {
  it.each([
    ["!hepl", "I do not know `!hepl`. Did you mean `!help`? Type `!help` for the list."],
    ["!zzz", "I do not know `!zzz`. Type `!help` for the commands you can use."],
    [
      "!convene shedule",
      "I do not know `!convene shedule`. Did you mean `!convene schedule`?\n`!convene` has: schedule, rsvp, cancel. See `!help convene`",
    ],
    ["!kick", "`!kick` needs `<who>`.\nUsage: `!kick <who> [<room>]`, see `!help kick`"],
    [
      '!convene schedule "x" 2026-13-40 10:00',
      'Argument `<when>`: "2026-13-40 10:00" is not a date (expected YYYY-MM-DD HH:MM Zone or ISO 8601).\nUsage: `!convene schedule "<title>" <when> [<length>] [--dry-run]`, see `!help convene schedule`',
    ],
    [
      '!convene schedule "x" 2026-03-29 02:30 Europe/Berlin',
      'Argument `<when>`: "2026-03-29 02:30 Europe/Berlin" does not exist in Europe/Berlin: the clocks jump from 02:00 to 03:00 on 2026-03-29, so it could mean 2026-03-29T01:30+01:00 or 2026-03-29T03:30+02:00.\nWrite one of: `2026-03-29T01:30+01:00`, `2026-03-29T03:30+02:00`\nUsage: `!convene schedule "<title>" <when> [<length>] [--dry-run]`, see `!help convene schedule`',
    ],
    [
      "!convene rsvp 1 yes now",
      '`!convene rsvp` does not take "now" or anything after it. If it is one piece of text, put it in quotes.\nUsage: `!convene rsvp <id> <yes|no|maybe>`, see `!help convene rsvp`',
    ],
    [
      "!request --anonymus help",
      "`!request` has no flag `--anonymus`. Did you mean `--anonymous`?\nUsage: `!request <question...> [--anonymous] [--lang <en|fr|es>]`, see `!help request`",
    ],
    [
      "!request help --lang",
      "`!request` needs `--lang <en|fr|es>`.\nUsage: `!request <question...> [--anonymous] [--lang <en|fr|es>]`, see `!help request`",
    ],
    [
      '!kick "@bob:example.org',
      'A quote is opened but never closed. Close it with ", or write \\" for a quote inside quoted text.\nUsage: `!kick <who> [<room>]`, see `!help kick`',
    ],
  ])("%s", (body, text) => {
    expect(rendered(body).reply.text).toBe(text);
  });

  it("shortens long quoted input without splitting emoji", () => {
    const text = rendered(`!convene rsvp ${"😀".repeat(200)} yes`).reply.text;
    expect(text).toContain(`"${"😀".repeat(80)}…"`);
    expect(text.isWellFormed()).toBe(true);
  });

  it("escapes user input in the HTML", () => {
    const { html } = rendered("!convene rsvp <img/src=x/onerror=alert(1)> yes").reply;
    expect(html).toContain("&lt;img/src=x/onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
  });

  it("logs kinds and declared names only", () => {
    expect(rendered("!convene rsvp nope yes").fields).toEqual({
      parseError: "bad-argument",
      command: "convene rsvp",
      argument: "id",
    });
    expect(rendered("!secretword").fields).toEqual({ parseError: "unknown-command", suggestions: 0 });
    expect(rendered("!request --secretflag x").fields).toEqual({
      parseError: "unknown-flag",
      command: "request",
    });
  });
});
