/**
 * Checks that run once the file is well-shaped: ids unique within their kind, every
 * reference naming something defined, and the few rules that span sections (one steering
 * room, a quorum no larger than the steering group). Each problem carries the key path of
 * the reference, so the message points at the line to fix.
 */
import { aclHostOf } from "../lib/matrix-ids.ts";
import type { RawNetworkConfig } from "./schema.ts";

/** A key path: object keys and array indexes from the root. */
export type KeyPath = readonly (string | number)[];

export interface ReferenceIssue {
  readonly path: KeyPath;
  readonly message: string;
}

type Report = (path: KeyPath, message: string) => void;

/** Flags repeated ids in one list and returns the set of ids. */
function collectIds(
  items: readonly { readonly id: string }[],
  listPath: KeyPath,
  kind: string,
  report: Report,
): ReadonlySet<string> {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, index);
    else
      report(
        [...listPath, index, "id"],
        `duplicate ${kind} id "${item.id}" (already used by ${formatPath([...listPath, first])})`,
      );
  });
  return new Set(firstIndex.keys());
}

/** Reports an unknown id; `known` names the section where such ids are defined. */
function checkRef(
  id: string,
  known: ReadonlySet<string>,
  path: KeyPath,
  kind: string,
  definedIn: string,
  report: Report,
): void {
  if (!known.has(id)) report(path, `unknown ${kind} "${id}" (not defined in ${definedIn})`);
}

function checkRefs(
  ids: readonly string[] | undefined,
  known: ReadonlySet<string>,
  path: KeyPath,
  kind: string,
  definedIn: string,
  report: Report,
): void {
  const seen = new Set<string>();
  ids?.forEach((id, index) => {
    checkRef(id, known, [...path, index], kind, definedIn, report);
    if (seen.has(id)) report([...path, index], `"${id}" is listed twice`);
    seen.add(id);
  });
}

/** Renders a key path as `regions[1].homeserver.serverName`. */
export function formatPath(path: KeyPath): string {
  let text = "";
  for (const segment of path) {
    text += typeof segment === "number" ? `[${segment}]` : text === "" ? segment : `.${segment}`;
  }
  return text;
}

/** Returns every cross-reference problem in an already schema-valid config. */
export function validateReferences(config: RawNetworkConfig): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });

  if (!config.network.languages.includes(config.network.defaultLanguage)) {
    report(
      ["network", "defaultLanguage"],
      `default language "${config.network.defaultLanguage}" is not in network.languages (${config.network.languages.join(", ")})`,
    );
  }

  const regionIds = collectIds(config.regions, ["regions"], "region", report);
  const networkIds = collectIds(config.networks, ["networks"], "network", report);
  collectIds(config.rooms, ["rooms"], "room", report);
  const personIds = collectIds(config.people, ["people"], "person", report);
  const topicIds = collectIds(config.routing.topics, ["routing", "topics"], "topic", report);
  const poolIds = collectIds(config.routing.pools, ["routing", "pools"], "pool", report);

  checkHomeservers(config, report);

  config.networks.forEach((network, index) => {
    checkRefs(network.regions, regionIds, ["networks", index, "regions"], "region", "regions", report);
  });

  checkRooms(config, { regionIds, networkIds }, report);
  checkPeopleAndBots(config, { regionIds, networkIds }, report);
  checkRoles(config, { personIds, topicIds, regionIds }, report);
  checkRouting(config, { personIds, topicIds, poolIds, regionIds }, report);

  const seenReminders = new Set<number>();
  config.convening.reminders.forEach((reminder, index) => {
    if (seenReminders.has(reminder))
      report(["convening", "reminders", index], "this reminder time is listed twice");
    seenReminders.add(reminder);
  });
  return issues;
}

function checkHomeservers(config: RawNetworkConfig, report: Report): void {
  // Several regions may share one homeserver (the same server name and URL). Two different
  // homeservers on one host could not be told apart, though: server ACLs ignore ports.
  const hostOwner = new Map<string, RawNetworkConfig["regions"][number]>();
  config.regions.forEach((region, index) => {
    const host = aclHostOf(region.homeserver.serverName);
    const owner = hostOwner.get(host);
    if (owner === undefined) {
      hostOwner.set(host, region);
    } else if (owner.homeserver.serverName !== region.homeserver.serverName) {
      report(
        ["regions", index, "homeserver", "serverName"],
        `host "${host}" is already used by region "${owner.id}" with another port: two homeservers need two hosts, since server ACLs ignore ports (regions sharing one homeserver give the same serverName)`,
      );
    } else if (owner.homeserver.clientUrl !== region.homeserver.clientUrl) {
      report(
        ["regions", index, "homeserver", "clientUrl"],
        `region "${owner.id}" has the same homeserver with clientUrl ${owner.homeserver.clientUrl}: regions sharing a homeserver must give the same clientUrl`,
      );
    }
  });
}

function checkRooms(
  config: RawNetworkConfig,
  known: { regionIds: ReadonlySet<string>; networkIds: ReadonlySet<string> },
  report: Report,
): void {
  const steeringRooms: number[] = [];
  const digestRooms: number[] = [];
  config.rooms.forEach((room, index) => {
    const at = (...rest: (string | number)[]): KeyPath => ["rooms", index, ...rest];
    if (room.kind === "regional") {
      checkRef(room.region, known.regionIds, at("region"), "region", "regions", report);
      return;
    }
    if (room.kind === "steering") steeringRooms.push(index);
    if (room.kind === "public-digest") digestRooms.push(index);
    checkRef(room.homeRegion, known.regionIds, at("homeRegion"), "region", "regions", report);
    checkRefs(room.regions, known.regionIds, at("regions"), "region", "regions", report);
    let allowed: readonly string[] | undefined = room.regions;
    if (room.kind === "network") {
      checkRef(room.network, known.networkIds, at("network"), "network", "networks", report);
      allowed ??= config.networks.find((network) => network.id === room.network)?.regions;
    }
    if (allowed !== undefined && known.regionIds.has(room.homeRegion) && !allowed.includes(room.homeRegion)) {
      report(
        at("homeRegion"),
        `home region "${room.homeRegion}" is not among the room's regions (${allowed.join(", ")}): the room's server ACL would shut out its own host`,
      );
    }
  });
  if (steeringRooms.length !== 1) {
    report(
      steeringRooms.length > 1 ? ["rooms", steeringRooms[1] ?? 0, "kind"] : ["rooms"],
      `expected exactly one room of kind "steering", found ${steeringRooms.length}`,
    );
  }
  if (digestRooms.length > 1) {
    report(
      ["rooms", digestRooms[1] ?? 0, "kind"],
      `expected at most one room of kind "public-digest", found ${digestRooms.length}`,
    );
  }
}

function checkPeopleAndBots(
  config: RawNetworkConfig,
  known: { regionIds: ReadonlySet<string>; networkIds: ReadonlySet<string> },
  report: Report,
): void {
  // Two entries resolving to the same Matrix account would silently share one login.
  const accountOwner = new Map<string, string>();
  const claimAccount = (localpart: string, region: string, path: KeyPath): void => {
    const account = `${localpart}@${region}`;
    const owner = accountOwner.get(account);
    if (owner !== undefined)
      report(path, `Matrix user "${localpart}" on region "${region}" is already used by ${owner}`);
    else accountOwner.set(account, formatPath(path.slice(0, -1)));
  };
  config.people.forEach((person, index) => {
    checkRef(person.region, known.regionIds, ["people", index, "region"], "region", "regions", report);
    checkRefs(
      person.networks,
      known.networkIds,
      ["people", index, "networks"],
      "network",
      "networks",
      report,
    );
    claimAccount(person.localpart ?? person.id, person.region, [
      "people",
      index,
      person.localpart === undefined ? "id" : "localpart",
    ]);
  });
  for (const [name, bot] of Object.entries(config.bots)) {
    if (bot === undefined) continue;
    checkRef(bot.region, known.regionIds, ["bots", name, "region"], "region", "regions", report);
    claimAccount(bot.localpart, bot.region, ["bots", name, "localpart"]);
  }
}

function checkRoles(
  config: RawNetworkConfig,
  known: { personIds: ReadonlySet<string>; topicIds: ReadonlySet<string>; regionIds: ReadonlySet<string> },
  report: Report,
): void {
  for (const role of ["steering", "organisers", "moderators"] as const) {
    checkRefs(config.roles[role], known.personIds, ["roles", role], "person", "people", report);
  }
  const steeringCount = new Set(config.roles.steering).size;
  if (config.digest.approvalQuorum > steeringCount) {
    report(
      ["digest", "approvalQuorum"],
      `approval quorum ${config.digest.approvalQuorum} exceeds the ${steeringCount} steering member(s) in roles.steering`,
    );
  }
  const expertPeople = new Set<string>();
  config.roles.experts.forEach((expert, index) => {
    const at = (...rest: (string | number)[]): KeyPath => ["roles", "experts", index, ...rest];
    checkRef(expert.person, known.personIds, at("person"), "person", "people", report);
    if (expertPeople.has(expert.person))
      report(at("person"), `"${expert.person}" already has an expert entry`);
    expertPeople.add(expert.person);
    checkRefs(expert.topics, known.topicIds, at("topics"), "topic", "routing.topics", report);
    checkRefs(expert.regions, known.regionIds, at("regions"), "region", "regions", report);
  });
}

function checkRouting(
  config: RawNetworkConfig,
  known: {
    personIds: ReadonlySet<string>;
    topicIds: ReadonlySet<string>;
    poolIds: ReadonlySet<string>;
    regionIds: ReadonlySet<string>;
  },
  report: Report,
): void {
  const { routing } = config;
  const defaultLanguage = config.network.defaultLanguage;
  // An alias naming two topics would make routing depend on list order.
  const wordOwner = new Map<string, string>(routing.topics.map((topic) => [topic.id, topic.id]));
  routing.topics.forEach((topic, index) => {
    if (topic.labels[defaultLanguage] === undefined) {
      report(
        ["routing", "topics", index, "labels"],
        `missing a label in the default language "${defaultLanguage}"`,
      );
    }
    topic.aliases.forEach((alias, aliasIndex) => {
      const word = alias.toLowerCase();
      const owner = wordOwner.get(word);
      if (owner !== undefined && owner !== topic.id) {
        report(
          ["routing", "topics", index, "aliases", aliasIndex],
          `alias "${alias}" already names topic "${owner}"`,
        );
      } else wordOwner.set(word, topic.id);
    });
  });

  const experts = new Set(config.roles.experts.map((expert) => expert.person));
  routing.pools.forEach((pool, index) => {
    checkRefs(
      pool.experts,
      known.personIds,
      ["routing", "pools", index, "experts"],
      "person",
      "people",
      report,
    );
    pool.experts.forEach((person, personIndex) => {
      if (known.personIds.has(person) && !experts.has(person)) {
        report(
          ["routing", "pools", index, "experts", personIndex],
          `"${person}" is not listed in roles.experts`,
        );
      }
    });
  });

  routing.rules.forEach((rule, index) => {
    const at = (...rest: (string | number)[]): KeyPath => ["routing", "rules", index, ...rest];
    checkRef(rule.pool, known.poolIds, at("pool"), "pool", "routing.pools", report);
    checkRefs(rule.match.topics, known.topicIds, at("match", "topics"), "topic", "routing.topics", report);
    checkRefs(rule.match.regions, known.regionIds, at("match", "regions"), "region", "regions", report);
  });

  const { crossRegionalPool, triageRoom } = routing.fallback;
  if (crossRegionalPool !== undefined) {
    checkRef(
      crossRegionalPool,
      known.poolIds,
      ["routing", "fallback", "crossRegionalPool"],
      "pool",
      "routing.pools",
      report,
    );
  }
  const room = config.rooms.find((candidate) => candidate.id === triageRoom);
  if (room === undefined) {
    report(["routing", "fallback", "triageRoom"], `unknown room "${triageRoom}" (not defined in rooms)`);
  } else if (room.kind !== "steering") {
    report(
      ["routing", "fallback", "triageRoom"],
      `the triage room must be the steering room; "${triageRoom}" is of kind "${room.kind}"`,
    );
  }
}
