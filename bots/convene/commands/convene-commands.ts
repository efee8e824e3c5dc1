/**
 * The convene bot's commands as data. Handlers only translate arguments into service calls:
 * the service owns the rules, so commands and reactions behave alike.
 */
import { defineCommandFor, flag, param } from "../../runtime/commands/index.ts";
import type { Command } from "../../runtime/commands/index.ts";
import type { ConveneService } from "../service/convene-service.ts";

export interface ConveneServices {
  readonly convene: ConveneService;
  /** Registers the periodic re-planning of reminders (idempotent). */
  readonly startReplanning: () => Promise<void>;
}

const command = defineCommandFor<ConveneServices>();

export const conveneCommands: readonly Command<ConveneServices>[] = [
  command({
    name: "convene schedule",
    summary: "Schedule a convening with other regions or networks (organisers).",
    description:
      'After the title: <when> [zone] for <duration> with <regions/networks> [cap <n>] [lang <codes>] [every <rule>]. <when> is e.g. 2026-12-03 14:00 Africa/Nairobi, or "next tuesday 15:00"; anything ambiguous is refused with the possible readings.',
    params: [
      param.text("title", { description: "in quotes when it has spaces" }),
      param.rest("details", { description: "<when> for <duration> with <regions/networks> …" }),
    ],
    examples: [
      '!convene schedule "Listening circle" 2026-12-03 14:00 Africa/Nairobi for 90m with east-africa, mena cap 20 lang en fr',
      '!convene schedule "Off-ramp exchange" next tuesday 15:00 Europe/Brussels for 1h with europe, mena every week x6',
    ],
    permission: { roles: ["organisers"] },
    execute: async (ctx, args) => ctx.services.convene.schedule(ctx.sender, args.title, args.details),
  }),
  command({
    name: "convene suggest",
    summary:
      "The best slots inside every invited region's working hours, rotating early and late slots fairly.",
    params: [
      param.rest("details", {
        description: "<duration> with <regions/networks> [between <date> and <date>]",
      }),
    ],
    examples: [
      "!convene suggest 90m with east-africa, mena, europe",
      "!convene suggest 1h with wasl between 2026-12-01 and 2026-12-14",
    ],
    permission: "anyone",
    execute: async (ctx, args) => ctx.services.convene.suggest(ctx.sender, args.details),
  }),
  command({
    name: "convene reschedule",
    summary: "Move a convening to a new time (its organiser or the steering group).",
    params: [param.word("id"), param.rest("when")],
    examples: ["!convene reschedule c7k2p 2026-12-04 15:00 Africa/Nairobi"],
    permission: { roles: ["organisers", "steering"] },
    execute: async (ctx, args) =>
      ctx.services.convene.reschedule(ctx.sender, ctx.roles.has("steering"), args.id, args.when),
  }),
  command({
    name: "convene cancel",
    summary: "Cancel a convening; everyone who answered is told (its organiser or the steering group).",
    params: [param.word("id"), param.rest("reason", { optional: true })],
    examples: ["!convene cancel c7k2p the venue is closed", "!convene cancel c7k2p"],
    permission: { roles: ["organisers", "steering"] },
    execute: async (ctx, args) =>
      ctx.services.convene.cancel(ctx.sender, ctx.roles.has("steering"), args.id, args.reason),
  }),
  command({
    name: "convene rsvp",
    summary: "Answer a convening: yes, no or maybe (or react on its card).",
    params: [param.word("id"), param.enumOf("answer", ["yes", "no", "maybe"])],
    examples: ["!convene rsvp c7k2p yes"],
    permission: "anyone",
    execute: async (ctx, args) => ctx.services.convene.rsvp(ctx.sender, args.id, args.answer),
  }),
  command({
    name: "convene list",
    summary: "The convenings your regions and networks are invited to, in your time zone.",
    params: [],
    examples: ["!convene list"],
    permission: "anyone",
    execute: async (ctx) => ctx.services.convene.list(ctx.sender),
  }),
  command({
    name: "convene show",
    summary: "One convening's card, with its time in your zone.",
    params: [param.word("id")],
    examples: ["!convene show c7k2p"],
    permission: "anyone",
    execute: async (ctx, args) => ctx.services.convene.show(ctx.sender, args.id),
  }),
  command({
    name: "convene feed",
    summary: "A private calendar URL: yours (no argument), a convening's (its id) or a region's (its id).",
    params: [param.word("target", { optional: true, description: "a convening id or a region id" })],
    flags: [flag.switch("new", "replace the URL (the old one stops working)")],
    examples: ["!convene feed", "!convene feed c7k2p", "!convene feed mena", "!convene feed --new"],
    permission: "anyone",
    execute: async (ctx, args) => ctx.services.convene.feed(ctx.sender, args.target, args.new),
  }),
  command({
    name: "convene tz",
    summary: "Set your own time zone: every time the bot shows you is then in it too.",
    params: [param.word("zone", { description: "an IANA zone, e.g. Africa/Nairobi" })],
    examples: ["!convene tz Africa/Nairobi"],
    permission: "anyone",
    execute: async (ctx, args) => ctx.services.convene.setZone(ctx.sender, args.zone),
  }),
];
