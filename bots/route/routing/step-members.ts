/**
 * Who belongs to a routing step, and who of them may take a given request. Kept apart from
 * the choice itself so that tests and explanations ("nobody in the pool speaks Somali") see
 * the same eligibility the chooser uses.
 */
import type { ExpertConfig, NetworkConfig } from "../../../config/network-config.ts";
import { personById } from "../../../config/queries.ts";
import { type PracticeRequest, sameLanguage } from "./practice-request.ts";
import type { RoutingStep } from "./routing-chain.ts";

/** A step that names experts: every step but triage. */
export type ExpertStep = Exclude<RoutingStep, { kind: "triage" }>;

/** How a step picks among its eligible members. */
export type Strategy = "least-loaded" | "round-robin";

/**
 * The experts of `step` in their config order (pool order for pools, `roles.experts` order
 * for the regional step). Pool members without an expert entry are left out: the config
 * check rejects them, and without a profile nobody knows their languages.
 */
export function stepMembers(config: NetworkConfig, step: ExpertStep): readonly ExpertConfig[] {
  const { experts } = config.roles;
  if (step.kind === "regional-experts") {
    return experts.filter(
      (expert) =>
        expert.topics.includes(step.topic) &&
        (personById(config, expert.person)?.region === step.region ||
          (expert.regions?.includes(step.region) ?? false)),
    );
  }
  const pool = config.routing.pools.find((candidate) => candidate.id === step.pool);
  return (pool?.experts ?? []).flatMap((person) => experts.find((expert) => expert.person === person) ?? []);
}

/** The pool's configured strategy; the regional step spreads work by load. */
export function stepStrategy(config: NetworkConfig, step: ExpertStep): Strategy {
  if (step.kind === "regional-experts") return "least-loaded";
  return config.routing.pools.find((pool) => pool.id === step.pool)?.strategy ?? "least-loaded";
}

/**
 * The key under which a step's round-robin cursor is kept: the pool id, or for the regional
 * step its region and topic (its members depend on both). Pool ids are kebab-case, so the
 * `region:` prefix cannot collide with one.
 */
export function cursorKey(step: ExpertStep): string {
  return step.kind === "regional-experts" ? `region:${step.region}/${step.topic}` : step.pool;
}

export function speaksLanguage(expert: ExpertConfig, language: string): boolean {
  return expert.languages.some((spoken) => sameLanguage(spoken, language));
}

/** Whether `expert` takes requests from `region` (no `regions` means every region). */
export function servesRegion(expert: ExpertConfig, region: string): boolean {
  return expert.regions === undefined || expert.regions.includes(region);
}

/** Whether `expert` could take `request` at all, whatever their load or exclusions. */
export function isEligible(expert: ExpertConfig, request: PracticeRequest): boolean {
  return speaksLanguage(expert, request.language) && servesRegion(expert, request.region);
}
