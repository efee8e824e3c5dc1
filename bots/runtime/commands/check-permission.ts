/**
 * Who may run a command. The rule: a command open to "anyone" admits everyone; otherwise a
 * person is admitted when they hold ANY of the listed roles OR their power level in the room
 * is at least `minPowerLevel`. Roles come from the network config (the same person has the
 * same role in every regional room); power levels let a room's own moderators act there
 * without a network-wide role.
 */
import { type Result, ok, err } from "../../../lib/result.ts";

/** Network roles, as defined once in the network config. */
export type Role = "steering" | "organisers" | "moderators" | "experts" | "member";

/** Who may run a command: everyone, or holders of any listed role or enough power. */
export type Permission = "anyone" | { readonly roles?: readonly Role[]; readonly minPowerLevel?: number };

/** What the permission check needs to know about the person asking. */
export interface Asker {
  readonly roles: ReadonlySet<Role>;
  readonly powerLevel: number;
}

/** Why a person may not run a command: what would have admitted them. */
export interface PermissionRefusal {
  readonly kind: "refused";
  readonly neededRoles: readonly Role[];
  readonly neededPowerLevel?: number;
}

/** Admits or refuses `asker` under `permission`; see the module comment for the rule. */
export function checkPermission(permission: Permission, asker: Asker): Result<void, PermissionRefusal> {
  if (permission === "anyone") return ok(undefined);
  const roles = permission.roles ?? [];
  if (roles.some((role) => asker.roles.has(role))) return ok(undefined);
  const { minPowerLevel } = permission;
  if (minPowerLevel !== undefined && asker.powerLevel >= minPowerLevel) return ok(undefined);
  return err({
    kind: "refused",
    neededRoles: roles,
    ...(minPowerLevel === undefined ? {} : { neededPowerLevel: minPowerLevel }),
  });
}

/** True when `asker` may run a command with this permission. */
export function mayRun(permission: Permission, asker: Asker): boolean {
  return checkPermission(permission, asker).ok;
}

function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1] ?? ""}`;
}

/**
 * The requirement in words: "the organisers role or power level 50 in this room",
 * "the steering or organisers role", "anyone".
 */
export function describePermission(permission: Permission): string {
  if (permission === "anyone") return "anyone";
  const roles = permission.roles ?? [];
  const parts: string[] = [];
  if (roles.length > 0) parts.push(`the ${orList(roles)} role`);
  if (permission.minPowerLevel !== undefined)
    parts.push(`power level ${permission.minPowerLevel} in this room`);
  return parts.length === 0 ? "nobody" : parts.join(" or ");
}
