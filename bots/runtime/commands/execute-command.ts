/**
 * The one path from a message body to a reply: parse, check permission, run the handler,
 * and turn every outcome into a Reply. Nothing escapes as an exception: a handler that
 * throws gets a generic apology for the user and a logged error for the team.
 */
import { checkPermission } from "./check-permission.ts";
import type { CommandContext } from "./command-context.ts";
import type { CommandRegistry } from "./command-registry.ts";
import { parseCommand } from "./parse-command.ts";
import { type Reply, code, reply } from "./reply.ts";
import { logFields, renderParseError } from "./render-parse-error.ts";
import { refusalLogFields, renderRefusal } from "./render-refusal.ts";

/** What the bot should do with a message. */
export type ExecutionOutcome =
  | { readonly kind: "silent" }
  | {
      readonly kind: "reply";
      readonly reply: Reply;
      readonly outcome: "ok" | "parse-error" | "refused" | "failed";
    };

/** Parses `body`, checks permission, runs the command; never throws. */
export async function executeCommand<S>(
  registry: CommandRegistry<S>,
  body: string,
  ctx: CommandContext<S>,
): Promise<ExecutionOutcome> {
  const { prefix } = registry;
  const ids = { sender: ctx.sender, roomId: ctx.roomId, eventId: ctx.eventId };
  const parsed = parseCommand(body, registry);
  if (!parsed.ok) {
    if (parsed.error.kind === "not-a-command") return { kind: "silent" };
    ctx.log.debug({ ...ids, ...logFields(parsed.error) }, "command did not parse");
    return { kind: "reply", reply: renderParseError(parsed.error, prefix), outcome: "parse-error" };
  }
  const { command, args } = parsed.value;
  const permitted = checkPermission(command.permission, ctx);
  if (!permitted.ok) {
    ctx.log.info({ ...ids, ...refusalLogFields(command, permitted.error) }, "command refused");
    return { kind: "reply", reply: renderRefusal(command, permitted.error, prefix), outcome: "refused" };
  }
  const log = ctx.log.child({ command: command.name });
  try {
    const result = await command.run({ ...ctx, log }, args);
    if (result.ok) return { kind: "reply", reply: result.value, outcome: "ok" };
    log.info(ids, "command failed");
    return { kind: "reply", reply: result.error, outcome: "failed" };
  } catch (error: unknown) {
    log.error({ ...ids, err: error }, "command handler threw");
    return {
      kind: "reply",
      reply: reply`Something went wrong running ${code(`${prefix}${command.name}`)}; the team has been told. Please try again later.`,
      outcome: "failed",
    };
  }
}
