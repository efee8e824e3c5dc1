/**
 * The digest bot's commands as data. Who may do what (steering approves, authors consent,
 * steering members and moderators nominate) is the item lifecycle's rule, so most commands
 * are open here and refused there with a reason; `unpublish`, `tag` and `edition` are for
 * the steering group outright.
 */
import {
  answered,
  type Command,
  type CommandContext,
  defineCommandFor,
  param,
  reply,
} from "../../runtime/commands/index.ts";
import { ok } from "../../../lib/result.ts";
import type { Asking, DigestService } from "../service/digest-service.ts";

export interface DigestServices {
  readonly digest: DigestService;
}

const command = defineCommandFor<DigestServices>();

function asking(ctx: CommandContext<DigestServices>): Asking {
  return {
    sender: ctx.sender,
    roomId: ctx.roomId,
    eventId: ctx.eventId,
    ...(ctx.threadRootId === undefined ? {} : { threadRootId: ctx.threadRootId }),
    steering: ctx.roles.has("steering"),
    powerLevel: ctx.powerLevel,
  };
}

function words(text: string | undefined): string[] {
  return (text ?? "").split(/[\s,]+/).filter((word) => word !== "");
}

const item = param.word("item", { description: "the item id, e.g. dk7m2pq" });

export const digestCommands: readonly Command<DigestServices>[] = [
  command({
    name: "digest nominate",
    summary:
      "Propose this thread for the public digest (steering members and room moderators; send it in the thread).",
    description:
      "Every author is asked for consent by direct message; personal data is removed before the steering group sees a preview.",
    params: [param.rest("topics", { optional: true, description: "topic ids to tag the item with" })],
    examples: ["!digest nominate", "!digest nominate online-recruitment"],
    permission: "anyone",
    execute: async (ctx, args) =>
      answered(await ctx.services.digest.nominate(asking(ctx), words(args.topics))),
  }),
  command({
    name: "digest consent",
    summary: "Answer a consent request: named, pseudonym or no.",
    params: [item, param.word("answer", { description: "named, pseudonym or no" })],
    examples: ["!digest consent dk7m2pq pseudonym"],
    permission: "anyone",
    execute: async (ctx, args) =>
      answered(await ctx.services.digest.consent(asking(ctx), args.item, args.answer)),
  }),
  command({
    name: "digest withdraw",
    summary: "Withdraw your consent for an item, also after publication: it comes off every public page.",
    params: [item],
    examples: ["!digest withdraw dk7m2pq"],
    permission: "anyone",
    execute: async (ctx, args) => answered(await ctx.services.digest.withdraw(asking(ctx), args.item)),
  }),
  command({
    name: "digest approve",
    summary: "Approve the preview you read (steering members); its number is in the preview.",
    params: [item, param.integer("preview", { min: 1, description: "the preview number you read" })],
    examples: ["!digest approve dk7m2pq 1"],
    permission: "anyone",
    execute: async (ctx, args) =>
      answered(await ctx.services.digest.review(asking(ctx), "approve", args.item, args.preview)),
  }),
  command({
    name: "digest veto",
    summary: "Veto an item for good (steering members).",
    params: [item, param.integer("preview", { min: 1, description: "the preview number you read" })],
    examples: ["!digest veto dk7m2pq 1"],
    permission: "anyone",
    execute: async (ctx, args) =>
      answered(await ctx.services.digest.review(asking(ctx), "veto", args.item, args.preview)),
  }),
  command({
    name: "digest unpublish",
    summary: "Take an item off every public output, or drop it before publication (steering).",
    params: [item],
    examples: ["!digest unpublish dk7m2pq"],
    permission: { roles: ["steering"] },
    execute: async (ctx, args) => answered(await ctx.services.digest.unpublish(asking(ctx), args.item)),
  }),
  command({
    name: "digest embargo",
    summary: "Hold an approved item until a date, or lift the hold when no date is given (steering).",
    params: [item, param.dateTime("until", { optional: true, description: "YYYY-MM-DD HH:MM Zone" })],
    examples: ["!digest embargo dk7m2pq 2026-12-10 09:00 Europe/Brussels", "!digest embargo dk7m2pq"],
    permission: { roles: ["steering"] },
    execute: async (ctx, args) =>
      answered(await ctx.services.digest.embargo(asking(ctx), args.item, args.until?.epochMs)),
  }),
  command({
    name: "digest tag",
    summary: "Set an item's topics (steering); none given clears them.",
    params: [item, param.rest("topics", { optional: true, description: "topic ids" })],
    examples: ["!digest tag dk7m2pq online-recruitment mothers-engagement"],
    permission: { roles: ["steering"] },
    execute: async (ctx, args) =>
      answered(await ctx.services.digest.tag(asking(ctx), args.item, words(args.topics))),
  }),
  command({
    name: "digest status",
    summary: "Where an item stands: state, preview, consents answered, approvals.",
    params: [item],
    examples: ["!digest status dk7m2pq"],
    permission: "anyone",
    execute: (ctx, args) => Promise.resolve(answered(ctx.services.digest.status(asking(ctx), args.item))),
  }),
  command({
    name: "digest edition",
    summary: "Close this week's edition now with the items published since the last one (steering).",
    params: [],
    examples: ["!digest edition"],
    permission: { roles: ["steering"] },
    execute: async (ctx) => {
      const outcome = await ctx.services.digest.closeEdition(`command-${ctx.eventId}`);
      return ok(
        reply`${outcome.added === 0 ? `No new items for edition ${outcome.edition}.` : `Edition ${outcome.edition}: ${String(outcome.added)} new item(s).`}`,
      );
    },
  }),
];
