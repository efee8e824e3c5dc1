import { describe, expect, it } from "vitest";
import { ok } from "../../../../lib/result.ts";
import {
  type Command,
  type Permission,
  createCommandRegistry,
  defineCommand,
  param,
  flag,
  reply,
} from "../../../../bots/runtime/commands/index.ts";
import type { ParamSpec } from "../../../../bots/runtime/commands/define-command.ts";
import { sampleCommands } from "./sample-commands.ts";

function command(
  name: string,
  params: readonly ParamSpec[] = [],
  extra: {
    examples?: readonly string[];
    permission?: Permission;
    flags?: ReturnType<typeof flag.switch>[];
  } = {},
): Command {
  return defineCommand({
    name,
    summary: "test",
    params,
    flags: extra.flags ?? [],
    examples: extra.examples ?? [name],
    permission: extra.permission ?? "anyone",
    execute: () => Promise.resolve(ok(reply`ok`)),
  });
}

describe("createCommandRegistry", () => {
  it("builds from declarations, adds help, and looks names up", () => {
    const registry = createCommandRegistry(sampleCommands);
    expect(registry.commands.map((c) => c.name)).toEqual([
      "convene schedule",
      "convene rsvp",
      "convene cancel",
      "request",
      "kick",
      "boom",
      "help",
    ]);
    expect(registry.get("convene rsvp")?.name).toBe("convene rsvp");
    expect(registry.group("convene").map((c) => c.name)).toEqual([
      "convene schedule",
      "convene rsvp",
      "convene cancel",
    ]);
    expect(registry.maxNameWords).toBe(2);
    expect(createCommandRegistry([command("ping")], { help: false }).get("help")).toBeUndefined();
  });

  it.each<[string, () => readonly Command[], string]>([
    ["a duplicate name", () => [command("ping"), command("ping")], 'command "ping" is declared twice'],
    ["a bad name", () => [command("Ping")], "lowercase words"],
    [
      "a required parameter after an optional one",
      () => [
        command("ping", [param.word("a", { optional: true }), param.word("b")], { examples: ["ping x y"] }),
      ],
      'required parameter "b" follows optional "a"',
    ],
    [
      "a rest parameter that is not last",
      () => [command("ping", [param.rest("a"), param.word("b")], { examples: ["ping x y"] })],
      'rest-of-line parameter "a" must be the last',
    ],
    [
      "a parameter declared twice",
      () => [command("ping", [param.word("a"), param.word("a")], { examples: ["ping x y"] })],
      'parameter "a" is declared twice',
    ],
    [
      "a flag clashing with a parameter",
      () => [command("ping", [param.word("a")], { flags: [flag.switch("a", "x")], examples: ["ping x"] })],
      '"a" is declared twice',
    ],
    ["a permission that admits nobody", () => [command("ping", [], { permission: {} })], "admits nobody"],
    ["no examples", () => [command("ping", [], { examples: [] })], "at least one example"],
    [
      "an example that does not parse",
      () => [command("ping", [param.integer("n")], { examples: ["ping x"] })],
      'example "ping x" does not parse (bad-argument)',
    ],
    [
      "an example that runs another command",
      () => [command("ping"), command("pong", [], { examples: ["ping"] })],
      'example "ping" runs "ping"',
    ],
  ])("throws at startup on %s", (_, commands, message) => {
    expect(() => createCommandRegistry(commands())).toThrow(message);
  });
});
