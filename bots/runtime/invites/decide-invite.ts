/**
 * Which invites a bot accepts. A bot only works for the network: an invite from a homeserver
 * the config does not list (a stranger's server) is declined with a reason the inviter sees,
 * so nobody can pull a bot into a room outside the network and make it act there.
 */
import { aclHostOf, serverOf, type UserId } from "../../../lib/matrix-ids.ts";
import type { NetworkConfig } from "../../../config/index.ts";

export type InviteDecision = { accept: true } | { accept: false; reason: string };

export interface InvitePolicy {
  decide(invite: { inviter: UserId | undefined }): InviteDecision;
}

/** Accepts invites from users on the network's homeservers (matched by host, as ACLs do). */
export function invitePolicyFromConfig(config: NetworkConfig): InvitePolicy {
  const servers = new Set(config.regions.map((region) => region.homeserver.serverName as string));
  return {
    decide({ inviter }) {
      if (inviter === undefined) return { accept: false, reason: "The invite did not say who sent it." };
      const server = serverOf(inviter);
      if (servers.has(server)) return { accept: true };
      return {
        accept: false,
        reason: `This bot serves the network's homeservers only; ${aclHostOf(server)} is not one of them.`,
      };
    },
  };
}
