/**
 * Routing a practice request: walk the chain until some step yields an expert. A new
 * request starts at position 0. When the chosen expert declines, the caller excludes them
 * and routes again from the same position (others in that pool may still take it); when the
 * SLA lapses, it excludes them and routes from `position + 1`, which is escalation.
 */
import type { NetworkConfig } from "../../../config/network-config.ts";
import { type ChosenExpert, type EmptyReason, type RoutingState, chooseExpert } from "./choose-experts.ts";
import type { PracticeRequest } from "./practice-request.ts";
import { type RoutingStep, routingChain } from "./routing-chain.ts";
import type { ExpertStep } from "./step-members.ts";

/** A step passed over on the way, and why: what the triage message can explain. */
export interface PassedStep {
  readonly position: number;
  readonly step: ExpertStep;
  readonly reason: EmptyReason;
}

export type Route =
  | (ChosenExpert & {
      readonly kind: "expert";
      readonly step: ExpertStep;
      /** Index in `routingChain(config, request)` of the step that yielded the expert. */
      readonly position: number;
      readonly passed: readonly PassedStep[];
    })
  | {
      readonly kind: "triage";
      /** The triage room's config id. */
      readonly room: string;
      /** Always the last index of the chain. */
      readonly position: number;
      readonly passed: readonly PassedStep[];
    };

/**
 * The first step from position `from` on that yields an expert, else the triage room. A
 * position past the end lands in triage too: escalating a request already in triage keeps
 * it there. Positions index the chain computed from the current config; a caller that keeps
 * positions across config reloads should keep the step as well and compare.
 *
 * @throws RangeError when `from` is negative or not an integer: a bug in the caller.
 */
export function routeRequest(
  config: NetworkConfig,
  request: PracticeRequest,
  state: RoutingState,
  from = 0,
): Route {
  if (!Number.isInteger(from) || from < 0) throw new RangeError(`chain position ${from} is not an index`);
  const chain: readonly RoutingStep[] = routingChain(config, request);
  const passed: PassedStep[] = [];
  for (let position = from; position < chain.length; position++) {
    const step = chain[position];
    if (step === undefined || step.kind === "triage") break;
    const choice = chooseExpert(config, step, request, state);
    if (choice.ok) return { kind: "expert", ...choice.value, step, position, passed };
    passed.push({ position, step, reason: choice.error.reason });
  }
  return { kind: "triage", room: config.routing.fallback.triageRoom, position: chain.length - 1, passed };
}
