/**
 * A person's roles come from the network config alone (the one place roles are defined),
 * never from display names or anything a user can set. Power levels in a room are the other
 * source of authority, read from the room's current state where a command is checked.
 */
import type { NetworkConfig } from "../../../config/index.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";

export type ConfigRole = "steering" | "organisers" | "moderators" | "experts" | "member";

export type RolesOf = (user: UserId) => ReadonlySet<ConfigRole>;

/** Builds the lookup once; a configured person is a "member", plus whatever roles name them. */
export function rolesFromConfig(config: NetworkConfig): RolesOf {
  const byPerson = new Map<string, Set<ConfigRole>>();
  const add = (personId: string, role: ConfigRole): void => {
    const person = config.people.find((p) => p.id === personId);
    if (person === undefined) return;
    const roles = byPerson.get(person.userId) ?? new Set<ConfigRole>(["member"]);
    roles.add(role);
    byPerson.set(person.userId, roles);
  };
  for (const person of config.people) byPerson.set(person.userId, new Set<ConfigRole>(["member"]));
  for (const id of config.roles.steering) add(id, "steering");
  for (const id of config.roles.organisers) add(id, "organisers");
  for (const id of config.roles.moderators) add(id, "moderators");
  for (const expert of config.roles.experts) add(expert.person, "experts");
  const none: ReadonlySet<ConfigRole> = new Set();
  return (user) => byPerson.get(user) ?? none;
}
