/**
 * Commands of the test bot that exercise the runtime's BotMatrix through real handlers:
 * - `!mkroom <name>`: creates an encrypted room, the sender invited at power level 50;
 * - `!dm <text>`: sends the sender <text> in a direct message;
 * - `!state <value>`: writes the sender's `org.meridian.test.state` in this room (state key
 *   `person:<sender>`: a key starting with "@" is reserved to that user), reads it back;
 * - `!edit <text>`: posts "draft" and edits it to <text>;
 * - `!joined <room id> <n>`: who the bot's sync shows as joined there, answered as `joined <n>:
 *   …` (tests ask again until the bot has seen a leave, since it acts on what it has synced).
 * Each answers with what happened, or with the errcode a refusal came back with.
 */
import { type Result, err, ok } from "../../../lib/result.ts";
import { defineCommandFor, param, reply, type Command } from "../../../bots/runtime/commands/index.ts";
import { transactionIdFor } from "../../../bots/runtime/ledger/index.ts";
import type { BotMatrix, MatrixFailure } from "../../../bots/runtime/matrix/bot-matrix.ts";
import type { RoomId } from "../../../lib/matrix-ids.ts";

export interface TestBotServices {
  readonly matrix: BotMatrix;
}

export const TEST_STATE_TYPE = "org.meridian.test.state";

/** The state key of a person's test state. */
export function personKey(user: string): string {
  return `person:${user}`;
}

const command = defineCommandFor<TestBotServices>();

function refused<T>(what: string, result: Result<T, MatrixFailure>) {
  return result.ok
    ? undefined
    : err(reply`${what} failed: ${result.error.errcode} (${result.error.message})`);
}

export function matrixTestCommands(): Command<TestBotServices>[] {
  return [
    command({
      name: "mkroom",
      summary: "Create an encrypted room and invite me",
      params: [param.rest("name")],
      examples: ["mkroom planning"],
      permission: "anyone",
      execute: async (ctx, args) => {
        const { matrix } = ctx.services;
        const created = await matrix.createRoom({
          name: args.name,
          initialState: [],
          // The bot's own entry must be dropped (a creator in `users` fails a v12 room).
          powerLevelUsers: { [ctx.sender]: 50, [matrix.userId]: 100 },
          invite: [ctx.sender],
        });
        return refused("mkroom", created) ?? ok(reply`room: ${created.ok ? created.value : ""}`);
      },
    }),
    command({
      name: "dm",
      summary: "Send me a direct message",
      params: [param.rest("text")],
      examples: ["dm hello"],
      permission: "anyone",
      execute: async (ctx, args) => {
        const sent = await ctx.services.matrix.sendDirect(
          ctx.sender,
          { msgtype: "m.notice", body: args.text },
          transactionIdFor(ctx.eventId, "dm"),
        );
        return refused("dm", sent) ?? ok(reply`sent you a direct message`);
      },
    }),
    command({
      name: "state",
      summary: "Write my test state here and read it back",
      params: [param.rest("value")],
      examples: ["state yes"],
      permission: "anyone",
      execute: async (ctx, args) => {
        const { matrix } = ctx.services;
        const written = await matrix.sendState(ctx.roomId, TEST_STATE_TYPE, personKey(ctx.sender), {
          value: args.value,
        });
        const failed = refused("state", written);
        if (failed !== undefined) return failed;
        const read = await matrix.readState(ctx.roomId, TEST_STATE_TYPE, personKey(ctx.sender));
        const all = await matrix.readStateOfType(ctx.roomId, TEST_STATE_TYPE);
        if (!read.ok || !all.ok) return err(reply`state read failed`);
        const value: unknown = read.value?.content["value"];
        return ok(
          reply`state: ${typeof value === "string" ? value : "(none)"} by ${read.value?.sender ?? "nobody"}, ${all.value.length} of its type`,
        );
      },
    }),
    command({
      name: "edit",
      summary: "Post a draft and edit it",
      params: [param.rest("text")],
      examples: ["edit final words"],
      permission: "anyone",
      execute: async (ctx, args) => {
        const { matrix } = ctx.services;
        const draft = await matrix.sendMessage(
          ctx.roomId,
          { msgtype: "m.notice", body: "draft" },
          transactionIdFor(ctx.eventId, "draft"),
        );
        if (!draft.ok) return err(reply`edit failed: ${draft.error.errcode}`);
        const edited = await matrix.editMessage(
          ctx.roomId,
          draft.value,
          { msgtype: "m.notice", body: args.text },
          transactionIdFor(ctx.eventId, "edit"),
        );
        return refused("edit", edited) ?? ok(reply`edited ${draft.value}`);
      },
    }),
    command({
      name: "joined",
      summary: "Who the bot sees joined in a room",
      params: [param.room("room"), param.integer("attempt")],
      examples: ["joined !abc:example.org 1"],
      permission: "anyone",
      execute: (ctx, args) => {
        const joined = ctx.services.matrix.members(args.room as RoomId, "join");
        return Promise.resolve(ok(reply`joined ${String(args.attempt)}: ${joined.join(",")}`));
      },
    }),
  ];
}
