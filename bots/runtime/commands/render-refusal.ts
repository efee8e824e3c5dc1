/**
 * A permission refusal as a reply: which role or power level the command needs, in words,
 * so the person knows whom to ask, and log fields without any user text.
 */
import { describePermission, type PermissionRefusal } from "./check-permission.ts";
import type { CommandInfo } from "./define-command.ts";
import { type Reply, code, reply } from "./reply.ts";

/** "You cannot run !convene schedule here: this needs the organisers role or power level 50 in this room." */
export function renderRefusal(command: CommandInfo, refusal: PermissionRefusal, prefix = "!"): Reply {
  const needs = describePermission({
    roles: refusal.neededRoles,
    ...(refusal.neededPowerLevel === undefined ? {} : { minPowerLevel: refusal.neededPowerLevel }),
  });
  return reply`You cannot run ${code(`${prefix}${command.name}`)} here: this needs ${needs}.`;
}

/** Fields safe to log for a refusal. */
export function refusalLogFields(
  command: CommandInfo,
  refusal: PermissionRefusal,
): Readonly<Record<string, string | number>> {
  return {
    command: command.name,
    refused: refusal.neededRoles.join(",") || "-",
    ...(refusal.neededPowerLevel === undefined ? {} : { neededPowerLevel: refusal.neededPowerLevel }),
  };
}
