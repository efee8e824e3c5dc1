/**
 * The command framework: declare commands as data, then parse, check, run and reply through
 * `executeCommand`. Bots import from here only.
 */
export type { Asker, Permission, PermissionRefusal, Role } from "./check-permission.ts";
export { checkPermission, describePermission, mayRun } from "./check-permission.ts";
export { answered } from "./answered.ts";
export type { CommandContext, CommandResult } from "./command-context.ts";
export type { CommandCatalogue, CommandRegistry, RegistryOptions } from "./command-registry.ts";
export { createCommandRegistry } from "./command-registry.ts";
export type {
  ArgsOf,
  Command,
  CommandDeclaration,
  CommandInfo,
  FlagSpec,
  OptionFlag,
  ParamSpec,
  ParsedArgs,
  SwitchFlag,
} from "./define-command.ts";
export { defineCommand, defineCommandFor } from "./define-command.ts";
export type { ExecutionOutcome } from "./execute-command.ts";
export { executeCommand } from "./execute-command.ts";
export type { ParamOptions } from "./param-builders.ts";
export { flag, param, value } from "./param-builders.ts";
export type { ParsedCommand } from "./parse-command.ts";
export { parseCommand, stripReplyFallback } from "./parse-command.ts";
export type { CommandParseError, CommandParseErrorKind } from "./parse-errors.ts";
export { MAX_COMMAND_LENGTH } from "./parse-errors.ts";
export type { ZonedDateTime } from "./read-date-time.ts";
export { renderCommandHelp, renderHelp, renderHelpIndex } from "./render-help.ts";
export { logFields, renderParseError } from "./render-parse-error.ts";
export { refusalLogFields, renderRefusal } from "./render-refusal.ts";
export type { Reply, ReplyValue } from "./reply.ts";
export {
  bold,
  code,
  codeBlock,
  escapeHtml,
  italic,
  join,
  lines,
  link,
  list,
  reply,
  userLink,
} from "./reply.ts";
export type { Token } from "./tokenise-command.ts";
export { tokenise } from "./tokenise-command.ts";
export { usageLine } from "./usage-line.ts";
export type { ValueKind, ValueProblem } from "./value-kind.ts";
