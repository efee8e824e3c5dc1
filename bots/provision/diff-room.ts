/**
 * The fields of a managed room that differ from what the config wants. Power levels are
 * compared entry by entry (one change per user, per event type, per threshold) so a plan says
 * exactly which level was changed by hand, and applying restores only that.
 */
import { sameJson } from "./canonical-json.ts";
import type { DesiredRoom, JoinRuleState, PowerLevelsContent } from "./managed-room.ts";
import type { ObservedJoinRule, ObservedRoom } from "./observed-state.ts";

/** One field whose current value differs from the desired one. */
export interface FieldChange {
  /** e.g. `name`, `joinRule`, `powerLevels.users[@amina:example.org]`. */
  readonly field: string;
  readonly current: unknown;
  readonly desired: unknown;
}

function joinRuleAsFound(rule: JoinRuleState): ObservedJoinRule {
  return { rule: rule.rule, allow: rule.rule === "restricted" ? [...rule.allow].sort() : [] };
}

function sortedOrUndefined(rule: ObservedJoinRule | undefined): ObservedJoinRule | undefined {
  return rule === undefined ? undefined : { rule: rule.rule, allow: [...rule.allow].sort() };
}

function diffRecord(
  prefix: string,
  current: Readonly<Record<string, number>> | undefined,
  desired: Readonly<Record<string, number>>,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(current ?? {}), ...Object.keys(desired)])].sort();
  return keys.flatMap((key) => {
    const before = current?.[key];
    const after = desired[key];
    return before === after ? [] : [{ field: `${prefix}[${key}]`, current: before, desired: after }];
  });
}

function diffPowerLevels(
  current: PowerLevelsContent | undefined,
  desired: PowerLevelsContent,
): FieldChange[] {
  const thresholds = [
    "users_default",
    "events_default",
    "state_default",
    "ban",
    "kick",
    "redact",
    "invite",
  ] as const;
  return [
    ...diffRecord("powerLevels.users", current?.users, desired.users),
    ...diffRecord("powerLevels.events", current?.events, desired.events),
    ...thresholds.flatMap((key) =>
      current?.[key] === desired[key]
        ? []
        : [{ field: `powerLevels.${key}`, current: current?.[key], desired: desired[key] }],
    ),
    ...(current?.notifications.room === desired.notifications.room
      ? []
      : [
          {
            field: "powerLevels.notifications.room",
            current: current?.notifications.room,
            desired: desired.notifications.room,
          },
        ]),
  ];
}

/**
 * The changes that would make `current` match `desired`. Encryption appears only when it must
 * be turned on; turning it off is impossible and is a refusal, not a change.
 */
export function diffRoom(current: ObservedRoom, desired: DesiredRoom): FieldChange[] {
  const simple: [string, unknown, unknown][] = [
    ["name", current.name, desired.name],
    ["topic", current.topic, desired.topic],
    ["joinRule", sortedOrUndefined(current.joinRule), joinRuleAsFound(desired.joinRule)],
    ["guestAccess", current.guestAccess, desired.guestAccess],
    ["historyVisibility", current.historyVisibility, desired.historyVisibility],
    ["serverAcl", current.serverAcl, desired.serverAcl],
    ["spaceParents", [...current.parents].sort(), desired.parents],
    ["spaceChildren", [...current.children].sort(), desired.children],
    ["marker", current.marker, desired.marker],
  ];
  const changes: FieldChange[] = simple.flatMap(([field, before, after]) =>
    sameJson(before, after) ? [] : [{ field, current: before, desired: after }],
  );
  if (desired.encrypted && !current.encrypted)
    changes.push({ field: "encryption", current: false, desired: true });
  // A room the config takes back after an archive is reopened: the marker goes too.
  if (current.archived) changes.push({ field: "archived", current: true, desired: false });
  return [...changes, ...diffPowerLevels(current.powerLevels, desired.powerLevels)];
}
