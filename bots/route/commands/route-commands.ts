/**
 * The router's commands as data. Handlers translate arguments into service calls; who may
 * act on a case (its experts, its requester, steering) is the case lifecycle's rule, so the
 * `!case` commands are open to anyone here and refused there with a reason.
 */
import {
  answered,
  type Command,
  type CommandContext,
  defineCommandFor,
  param,
} from "../../runtime/commands/index.ts";
import type { Asking, CaseAction, RouteService } from "../service/route-service.ts";

export interface RouteServices {
  readonly route: RouteService;
}

const command = defineCommandFor<RouteServices>();

function asking(ctx: CommandContext<RouteServices>): Asking {
  return {
    sender: ctx.sender,
    roomId: ctx.roomId,
    eventId: ctx.eventId,
    steering: ctx.roles.has("steering"),
  };
}

const CASE_ACTIONS: readonly { action: CaseAction; summary: string; rest?: string; example: string }[] = [
  { action: "accept", summary: "Take the request you were offered (experts).", example: "!case accept" },
  {
    action: "decline",
    summary: "Pass on a request you were offered; it goes to someone else (experts).",
    rest: "reason",
    example: "!case decline I am away this week",
  },
  {
    action: "note",
    summary: "An internal note for the experts: never passed to the requester.",
    rest: "text",
    example: "!case note asked the Mombasa network for a contact",
  },
  {
    action: "resolve",
    summary: "Mark the request resolved, with a summary the requester receives (experts).",
    rest: "summary",
    example: "!case resolve shared the off-ramp guide and two contacts",
  },
  {
    action: "reassign",
    summary: "Hand the request to a pool or an expert (experts on it, steering; in triage add the id).",
    rest: "pool or person",
    example: "!case reassign europe-experts",
  },
  {
    action: "close",
    summary: "Close the request (its requester, or steering).",
    example: "!case close",
  },
  { action: "reopen", summary: "Open a resolved or closed request again.", example: "!case reopen" },
  {
    action: "reveal",
    summary: "Tell the experts who you are (the requester of an anonymous request; logged).",
    example: "!case reveal",
  },
];

export const routeCommands: readonly Command<RouteServices>[] = [
  command({
    name: "request",
    summary: "Ask the network for help: alone for a step-by-step exchange, or all in one line.",
    description:
      "One line: topic:<tag> lang:<code> urgency:<low|normal|high> [region:<id>] [anonymous] <your request>. Anonymous requests only in a direct message with me.",
    params: [param.rest("request", { optional: true, description: "options and your request" })],
    examples: [
      "!request",
      "!request topic:online-recruitment lang:fr urgency:high Comment réagir à un recrutement en ligne ?",
    ],
    permission: "anyone",
    execute: async (ctx, args) => answered(await ctx.services.route.request(asking(ctx), args.request)),
  }),
  command({
    name: "request stats",
    summary: "Aggregates of practice requests: counts, time to acceptance and resolution (steering).",
    params: [],
    examples: ["!request stats"],
    permission: { roles: ["steering"] },
    execute: (ctx) => Promise.resolve(answered(ctx.services.route.stats(asking(ctx)))),
  }),
  ...CASE_ACTIONS.map(({ action, summary, rest, example }) =>
    command({
      name: `case ${action}`,
      summary,
      params: [
        param.rest("rest", { optional: true, description: rest ?? "the request id, outside its room" }),
      ],
      examples: [example],
      permission: "anyone",
      execute: async (ctx, args) =>
        answered(await ctx.services.route.caseCommand(asking(ctx), action, args.rest)),
    }),
  ),
];
