/**
 * Changes the provisioner must never make, because Matrix cannot undo them or they would
 * lock the provisioner or the bots out of a room for good. (Lowering the provisioner itself
 * cannot happen: it is a creator of every managed room, see power-levels.ts.) A plan with any of these is
 * refused as a whole, so nothing is ever half applied.
 */
import { type ServerName, type UserId, serverOf } from "../../lib/matrix-ids.ts";
import { aclAdmits } from "./acl-admits.ts";
import type { DesiredNetwork, DesiredRoom } from "./managed-room.ts";
import type { ObservedRoom } from "./observed-state.ts";
import { levelBotsNeed } from "./power-levels.ts";

/** Why a plan was refused. */
export type RefusalReason = "encryption-off" | "lowers-bot" | "acl-locks-out" | "host-moved";

/** One change the provisioner will not make, with a one-sentence explanation. */
export interface PlanRefusal {
  readonly serverName: ServerName;
  readonly configId: string;
  readonly reason: RefusalReason;
  readonly message: string;
}

/** The refusals for one desired room, compared with what exists (if anything). */
export function refusalsForRoom(
  network: DesiredNetwork,
  desired: DesiredRoom,
  current: ObservedRoom | undefined,
  provisioner: UserId,
): PlanRefusal[] {
  const refuse = (reason: RefusalReason, message: string): PlanRefusal => ({
    serverName: current?.serverName ?? desired.host.serverName,
    configId: desired.configId,
    reason,
    message,
  });
  const refusals: PlanRefusal[] = [];
  if (current !== undefined && current.serverName !== desired.host.serverName) {
    refusals.push(
      refuse(
        "host-moved",
        `"${desired.configId}" lives on ${current.serverName} and the config now puts it on ${desired.host.serverName}, but a Matrix room cannot move between homeservers: put its home region back, or give it a new config id (and --prune the old room).`,
      ),
    );
  }
  if (current?.encrypted === true && !desired.encrypted) {
    refusals.push(
      refuse(
        "encryption-off",
        `"${desired.configId}" is encrypted and the config wants it unencrypted, but Matrix can never turn encryption off once on: give the room a new config id to create a fresh unencrypted room.`,
      ),
    );
  }
  const levels = desired.powerLevels.users;
  const need = levelBotsNeed(desired.powerLevels);
  for (const bot of network.bots.filter((user) => desired.invites.includes(user))) {
    const level = levels[bot] ?? desired.powerLevels.users_default;
    if (level < need) {
      refusals.push(
        refuse(
          "lowers-bot",
          `the power levels for "${desired.configId}" would give the bot ${bot} ${level}, below the ${need} it needs to invite people and post there.`,
        ),
      );
    }
  }
  const mustAdmit = new Set<ServerName>([
    desired.host.serverName,
    serverOf(provisioner),
    ...network.bots.map((bot) => serverOf(bot)),
  ]);
  for (const server of mustAdmit) {
    if (!aclAdmits(desired.serverAcl, server)) {
      refusals.push(
        refuse(
          "acl-locks-out",
          `the server ACL for "${desired.configId}" would deny ${server}, which hosts the room, the provisioner or a bot, and a server shut out by an ACL cannot send the event that lifts it.`,
        ),
      );
    }
  }
  return refusals;
}
