/**
 * A small command set shaped like the real bots' (a convening group, a request command
 * with flags and rest-of-line text, a moderation command), used across the command tests.
 */
import { type Logger, silentLogger } from "../../../../lib/logger.ts";
import type { EventId, RoomId, UserId } from "../../../../lib/matrix-ids.ts";
import { ok } from "../../../../lib/result.ts";
import {
  type CommandContext,
  type Role,
  createCommandRegistry,
  defineCommand,
  defineCommandFor,
  flag,
  param,
  reply,
  value,
} from "../../../../bots/runtime/commands/index.ts";

export interface SampleServices {
  readonly calls: string[];
}

const define = defineCommandFor<SampleServices>();

export const schedule = define({
  name: "convene schedule",
  summary: "Schedule a convening",
  description: "Creates a convening and invites the room.",
  params: [
    param.text("title", { description: "what the convening is about" }),
    param.dateTime("when"),
    param.duration("length", { optional: true }),
  ],
  flags: [flag.switch("dry-run", "show what would happen")],
  examples: ['convene schedule "Monthly check-in" 2026-05-04 10:00 Europe/Berlin 90m'],
  permission: { roles: ["organisers"], minPowerLevel: 50 },
  execute: (ctx, args) => {
    ctx.services.calls.push(
      `schedule ${args.title} ${args.when.epochMs} ${args.length ?? "-"} ${args["dry-run"]}`,
    );
    return Promise.resolve(ok(reply`Scheduled ${args.title}`));
  },
});

export const rsvp = define({
  name: "convene rsvp",
  summary: "Answer an invitation",
  params: [param.integer("id", { min: 1 }), param.enumOf("answer", ["yes", "no", "maybe"] as const)],
  examples: ["!convene rsvp 12 yes"],
  permission: "anyone",
  execute: (ctx, args) => {
    const answer: "yes" | "no" | "maybe" = args.answer;
    ctx.services.calls.push(`rsvp ${args.id} ${answer}`);
    return Promise.resolve(ok(reply`Noted: ${answer}`));
  },
});

export const cancel = define({
  name: "convene cancel",
  summary: "Cancel a convening",
  params: [param.integer("id"), param.rest("reason", { optional: true })],
  examples: ["convene cancel 3 speaker is ill"],
  permission: { roles: ["organisers", "steering"] },
  execute: () => Promise.resolve(ok(reply`Cancelled`)),
});

export const request = define({
  name: "request",
  summary: "Ask the network's experts for help",
  params: [param.rest("question")],
  flags: [
    flag.switch("anonymous", "hide your name from responders"),
    flag.option("lang", value.enumOf(["en", "fr", "es"]), "the language you want answers in"),
  ],
  examples: [
    "request --lang fr need advice on a safeguarding case",
    "request --anonymous how do others run intake?",
  ],
  permission: { roles: ["member"] },
  execute: (ctx, args) => {
    ctx.services.calls.push(`request ${args.question} ${args.anonymous} ${args.lang ?? "-"}`);
    return Promise.resolve(ok(reply`Request sent`));
  },
});

export const kick = defineCommand({
  name: "kick",
  summary: "Remove someone from this room",
  params: [param.user("who"), param.room("room", { optional: true })],
  examples: ["kick @spammer:example.org"],
  permission: { minPowerLevel: 50 },
  execute: () => Promise.resolve(ok(reply`Done`)),
});

export const boom = defineCommand({
  name: "boom",
  summary: "Always throws",
  params: [param.word("secret", { optional: true })],
  examples: ["boom"],
  permission: "anyone",
  execute: () => Promise.reject(new Error("kaboom")),
});

export const sampleCommands = [schedule, rsvp, cancel, request, kick, boom];

export function sampleRegistry() {
  return createCommandRegistry<SampleServices>(sampleCommands);
}

export function sampleContext(
  overrides: { roles?: readonly Role[]; powerLevel?: number; log?: Logger } = {},
): CommandContext<SampleServices> {
  return {
    sender: "@amina:example.org" as UserId,
    roomId: "!room:example.org" as RoomId,
    eventId: "$event" as EventId,
    roles: new Set(overrides.roles ?? ["member"]),
    powerLevel: overrides.powerLevel ?? 0,
    now: () => Date.UTC(2026, 3, 1),
    log: overrides.log ?? silentLogger(),
    services: { calls: [] },
  };
}
