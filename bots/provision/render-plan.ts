/**
 * A plan (or its refusals) as text for a person, in the manner of `terraform plan`: grouped
 * by homeserver, then room, one symbol per action, and counts at the end.
 */
import { canonicalJson } from "./canonical-json.ts";
import type { PlanRefusal } from "./check-refusals.ts";
import type { FieldChange } from "./diff-room.ts";
import { type Plan, type RoomPlan, countWrites } from "./plan.ts";

function show(value: unknown): string {
  return canonicalJson(value);
}

function renderChange(change: FieldChange): string {
  return `      ~ ${change.field}: ${show(change.current)} → ${show(change.desired)}`;
}

function renderRoom(room: RoomPlan): string[] {
  const title = `"${room.name}" (${room.configId})`;
  switch (room.action) {
    case "create":
      return [
        `  + create ${room.state.isSpace ? "space" : "room"} ${title}: ${room.state.encrypted ? "encrypted" : "unencrypted"}, join rule ${room.state.joinRule.rule}, history ${room.state.historyVisibility}`,
        ...room.invites.map((user) => `      + invite ${user}`),
        ...room.adminJoins.map((join) => `      + join ${join.user} (provisioner)`),
      ];
    case "update":
      return [
        `  ~ update ${title} ${room.roomId}`,
        ...room.changes.map(renderChange),
        ...room.invites.map((user) => `      + invite ${user}`),
        ...room.adminJoins.map((join) => `      + join ${join.user} (provisioner)`),
        ...room.kicks.map((user) => `      - remove ${user}`),
        ...room.kept.map((user) => `      = keep ${user} (not in the config; --prune removes)`),
      ];
    case "unchanged":
      return [
        `  = unchanged ${title} ${room.roomId}`,
        ...room.kept.map((user) => `      = keep ${user} (not in the config; --prune removes)`),
      ];
    case "archive":
      return [
        `  - archive ${title} ${room.roomId}: final notice, invite-only, members removed; history kept`,
        ...room.kicks.map((user) => `      - remove ${user}`),
      ];
    case "archived":
      return [`  = archived ${title} ${room.roomId}: archived by an earlier --prune; history kept`];
    case "leave-alone":
      return [`  = left alone ${title} ${room.roomId}: no longer in the config (--prune archives it)`];
  }
}

/** The plan as text, ending with counts per action and the number of writes. */
export function renderPlan(plan: Plan): string {
  const rooms = plan.servers.flatMap((server) => server.rooms);
  const count = (action: RoomPlan["action"]): number => rooms.filter((room) => room.action === action).length;
  const lines: string[] = plan.servers.flatMap((server) => [
    server.serverName,
    ...server.rooms.flatMap(renderRoom),
    "",
  ]);
  lines.push(
    `Plan: ${count("create")} to create, ${count("update")} to update, ${count("unchanged")} unchanged, ` +
      `${count("archive")} to archive, ${count("archived")} archived, ${count("leave-alone")} left alone; ${countWrites(plan)} writes; ` +
      `${plan.ignoredRooms} unmanaged rooms ignored.`,
  );
  return lines.join("\n");
}

/** Refusals as text, grouped by homeserver and room, ending with a count. */
export function renderRefusals(refusals: readonly PlanRefusal[]): string {
  const servers = [...new Set(refusals.map((refusal) => refusal.serverName))];
  const lines = servers.flatMap((server) => [
    server,
    ...refusals
      .filter((refusal) => refusal.serverName === server)
      .map((refusal) => `  ! refused ${refusal.configId}: ${refusal.message}`),
    "",
  ]);
  lines.push(
    `Refused: ${refusals.length} change${refusals.length === 1 ? "" : "s"} the provisioner will not make; nothing was planned.`,
  );
  return lines.join("\n");
}
