/**
 * The order in which a practice request is offered: specific pools first, then ever wider
 * circles, and finally people rather than rules. Escalation (an SLA lapsing) moves one step
 * down this list, so its order is the escalation order too.
 */
import type { NetworkConfig, RoutingRule } from "../../../config/network-config.ts";
import { type PracticeRequest, sameLanguage } from "./practice-request.ts";

/**
 * One step of the chain. Every step but the last names a set of experts; `chooseExpert`
 * picks one of them or says why nobody there can take the request.
 */
export type RoutingStep =
  /**
   * A pool named by a routing rule that matches the request. `rule` is the index of the
   * first rule naming this pool, to explain the choice; a pool named by several matching
   * rules appears once, at its first rule's place. Members need not list the topic: the
   * rule that named the pool vouches for them.
   */
  | { readonly kind: "rule-pool"; readonly pool: string; readonly rule: number }
  /**
   * Experts close to the requester when no pool could help: everyone in `roles.experts` who
   * handles the topic and either lives in the requester's region or lists it explicitly in
   * their `regions`. Experts who merely serve all regions (no `regions`) are not "of" this
   * region; they are reached through the pools and the cross-regional pool instead.
   */
  | { readonly kind: "regional-experts"; readonly region: string; readonly topic: string }
  /**
   * `routing.fallback.crossRegionalPool`: generalists from any region. Its members need not
   * list the topic; being in this pool is the promise to take whatever arrives.
   */
  | { readonly kind: "cross-regional-pool"; readonly pool: string }
  /**
   * `routing.fallback.triageRoom`: the request is raised with the steering group, who route
   * it by hand. Always last, always reachable, and it never says no.
   */
  | { readonly kind: "triage"; readonly room: string };

/** Whether every criterion `rule` gives matches the request (absent criteria match anything). */
export function ruleMatches(rule: RoutingRule, request: PracticeRequest): boolean {
  const { topics, languages, regions, urgency } = rule.match;
  return (
    (topics === undefined || topics.includes(request.topic)) &&
    (languages === undefined || languages.some((language) => sameLanguage(language, request.language))) &&
    (regions === undefined || regions.includes(request.region)) &&
    (urgency === undefined || urgency.includes(request.urgency))
  );
}

/**
 * The steps to try for `request`, in order:
 * 1. the pool of every matching rule, in rule order, each pool once;
 * 2. the experts of the requester's region who handle the topic;
 * 3. the cross-regional pool, when configured and not already a step;
 * 4. the triage room.
 * Rules are not "first match only": the first matching rule's pool is tried first, and the
 * later matches are where the request goes when that pool cannot help or lets it lapse.
 */
export function routingChain(config: NetworkConfig, request: PracticeRequest): readonly RoutingStep[] {
  const { rules, fallback } = config.routing;
  const steps: RoutingStep[] = [];
  const pools = new Set<string>();
  rules.forEach((rule, index) => {
    if (!ruleMatches(rule, request) || pools.has(rule.pool)) return;
    pools.add(rule.pool);
    steps.push({ kind: "rule-pool", pool: rule.pool, rule: index });
  });
  steps.push({ kind: "regional-experts", region: request.region, topic: request.topic });
  const crossRegional = fallback.crossRegionalPool;
  if (crossRegional !== undefined && !pools.has(crossRegional))
    steps.push({ kind: "cross-regional-pool", pool: crossRegional });
  steps.push({ kind: "triage", room: fallback.triageRoom });
  return steps;
}
