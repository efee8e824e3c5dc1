import { describe, expect, it } from "vitest";
import type { Role } from "../../../../bots/runtime/commands/check-permission.ts";
import { renderHelp } from "../../../../bots/runtime/commands/render-help.ts";
import { sampleRegistry } from "./sample-commands.ts";

const registry = sampleRegistry();
const asker = (roles: Role[], powerLevel = 0) => ({ roles: new Set(roles), powerLevel });

describe("help", () => {
  it("lists only what the asker may run, grouped, one line each", () => {
    expect(renderHelp(registry, asker(["member"])).text).toBe(
      [
        "Commands you can run:",
        "general",
        "- `!request`: Ask the network's experts for help",
        "- `!boom`: Always throws",
        "- `!help`: List the commands you can run, or explain one",
        "convene",
        "- `!convene rsvp`: Answer an invitation",
        "Type `!help <command>` for details. 3 more commands need a role or power level you do not have here.",
      ].join("\n"),
    );
    const organiser = renderHelp(registry, asker(["organisers", "member"], 50)).text;
    expect(organiser).toContain("- `!convene schedule`: Schedule a convening");
    expect(organiser).toContain("- `!kick`: Remove someone from this room");
    expect(organiser).not.toContain("more command");
  });

  it("explains one command: usage, description, arguments, flags, examples, who may run it", () => {
    expect(renderHelp(registry, asker(["member"]), "convene schedule").text).toBe(
      [
        '`!convene schedule "<title>" <when> [<length>] [--dry-run]`',
        "Schedule a convening",
        "Creates a convening and invites the room.",
        "Arguments",
        '- `"<title>"`: text in quotes, e.g. "Monthly check-in" — what the convening is about',
        "- `<when>`: YYYY-MM-DD HH:MM Zone or ISO 8601",
        "- `<length>` (optional): a duration like 90m, 1h30m, 2h or 1d",
        "Flags",
        "- `--dry-run`: show what would happen",
        "Examples",
        '- `!convene schedule "Monthly check-in" 2026-05-04 10:00 Europe/Berlin 90m`',
        "Who may run it: people with the organisers role or power level 50 in this room.",
        "You cannot run it here.",
      ].join("\n"),
    );
  });

  it("shows the enum usage line and option flags", () => {
    expect(renderHelp(registry, asker([]), "convene rsvp").text.split("\n")[0]).toBe(
      "`!convene rsvp <id> <yes|no|maybe>`",
    );
    const request = renderHelp(registry, asker(["member"]), "!request").text;
    expect(request.split("\n")[0]).toBe("`!request <question...> [--anonymous] [--lang <en|fr|es>]`");
    expect(request).toContain("- `--lang <en|fr|es>`: the language you want answers in (one of en, fr, es)");
  });

  it("lists a group's subcommands", () => {
    expect(renderHelp(registry, asker(["organisers"]), "convene").text).toBe(
      [
        "`!convene` commands you can run:",
        "- `!convene schedule`: Schedule a convening",
        "- `!convene rsvp`: Answer an invitation",
        "- `!convene cancel`: Cancel a convening",
        "Type `!help <command>` for details.",
      ].join("\n"),
    );
  });

  it("suggests the nearest command for an unknown topic", () => {
    expect(renderHelp(registry, asker([]), "convene shedule").text).toBe(
      "There is no command `!convene shedule`. Did you mean `!help convene schedule`?",
    );
    expect(renderHelp(registry, asker([]), "zzz").text).toBe(
      "There is no command `!zzz`. Type `!help` for the list.",
    );
  });

  it("escapes the topic in HTML", () => {
    expect(renderHelp(registry, asker([]), "<script>").html).toContain("&lt;script&gt;");
  });
});
