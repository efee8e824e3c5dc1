/**
 * bench/route's network and workload: the example network plus generated requesters (the
 * router takes requests from configured people only), and the requests they file, spread
 * over the topics that have an English-speaking expert for every region, so that every
 * request is offered to an expert (none goes to triage) and the load spreads over experts
 * on all three homeservers.
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import type { NetworkConfig, PersonConfig } from "../../config/index.ts";
import { personById } from "../../config/queries.ts";
import { type RoutingState, routeRequest } from "../../bots/route/routing/index.ts";
import { EXAMPLE_CONFIG_PATH } from "../../tests/support/paths.ts";

const REGIONS = ["east-africa", "mena", "europe"] as const;
export const REQUESTER_PREFIX = "bench-requester-";

/**
 * Every one has an English-speaking expert serving every region: psychosocial (Dawit, Rania),
 * online recruitment (Jonas, Samira), off-ramps (Jonas, Dawit, Abdullahi), faith leaders
 * (Omar, Abdullahi), local authorities (Amina, Claire), youth (Hodan), mothers (Grace for
 * East Africa, Samira elsewhere).
 */
export const ROUTED_TOPICS = [
  "psychosocial-support",
  "online-recruitment",
  "off-ramp-reintegration",
  "faith-leaders",
  "local-authority-partnership",
  "youth-engagement",
  "mothers-engagement",
] as const;

/** The example network's config text with `count` requesters added (regions in turn, English). */
export function routeNetworkText(count: number): string {
  const doc = parseDocument(readFileSync(EXAMPLE_CONFIG_PATH, "utf8"));
  const people = (doc.toJS() as { people: unknown[] }).people;
  for (let n = 1; n <= count; n += 1) {
    const number = String(n).padStart(3, "0");
    people.push({
      id: `${REQUESTER_PREFIX}${number}`,
      displayName: `Bench Requester ${number}`,
      region: REGIONS[(n - 1) % REGIONS.length],
      languages: ["en"],
    });
  }
  doc.set("people", doc.createNode(people));
  return doc.toString();
}

export interface PlannedRequest {
  readonly index: number;
  /** Index among the requesters. */
  readonly requester: number;
  readonly topic: string;
  /** What the requester types. */
  readonly body: string;
}

/** Request k goes to requester k mod `requesters` (their requests follow each other in their chat). */
export function planRequests(requests: number, requesters: number): PlannedRequest[] {
  return Array.from({ length: requests }, (_, index) => {
    const topic = ROUTED_TOPICS[index % ROUTED_TOPICS.length] ?? "psychosocial-support";
    return {
      index,
      requester: index % requesters,
      topic,
      body: `!request topic:${topic} lang:en urgency:low Bench request ${index + 1}: how have others handled this in their community?`,
    };
  });
}

/** The generated requesters, in order. */
export function requestersOf(config: NetworkConfig): PersonConfig[] {
  return config.people.filter((person) => person.id.startsWith(REQUESTER_PREFIX));
}

/**
 * The expert each request would be offered to if the router took them one after another
 * (its routing with open cases and cursors carried along): the invitees of the baseline's
 * rooms, so that its invites cross the same homeservers in about the same mix.
 */
export function expectedExperts(
  config: NetworkConfig,
  plan: readonly PlannedRequest[],
  requesters: readonly PersonConfig[],
): PersonConfig[] {
  const openCases = new Map<string, number>();
  const cursors = new Map<string, string>();
  return plan.map((request) => {
    const person = requesters[request.requester];
    if (person === undefined) throw new Error(`no requester ${request.requester}`);
    const state: RoutingState = { openCases, cursors, excluded: new Set() };
    const route = routeRequest(
      config,
      { topic: request.topic, language: "en", region: person.region, urgency: "low", requester: person.id },
      state,
    );
    if (route.kind !== "expert") throw new Error(`request ${request.index} (${request.topic}) has no expert`);
    openCases.set(route.expert, (openCases.get(route.expert) ?? 0) + 1);
    cursors.set(route.cursor.key, route.cursor.expert);
    const expert = personById(config, route.expert);
    if (expert === undefined) throw new Error(`no person ${route.expert}`);
    return expert;
  });
}
