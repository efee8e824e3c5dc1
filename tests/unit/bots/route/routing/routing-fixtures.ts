/**
 * Inputs for routing tests: the example network, variants of it with a different routing
 * section, requests and routing states written briefly.
 */
import type { NetworkConfig, RoutingConfig, RolesConfig } from "../../../../../config/network-config.ts";
import type { PracticeRequest, RoutingState } from "../../../../../bots/route/routing/index.ts";
import { loadExample } from "../../../config/example-config.ts";

export const example = loadExample();

/** The example with parts of `routing` (and optionally the experts) replaced. */
export function withRouting(
  routing: Partial<RoutingConfig>,
  experts?: RolesConfig["experts"],
  base: NetworkConfig = example,
): NetworkConfig {
  return {
    ...base,
    routing: { ...base.routing, ...routing },
    roles: experts === undefined ? base.roles : { ...base.roles, experts },
  };
}

/** A normal-urgency request, English, from Europe, unless overridden. */
export function request(topic: string, overrides: Partial<PracticeRequest> = {}): PracticeRequest {
  return { topic, language: "en", region: "europe", urgency: "normal", ...overrides };
}

/** A routing state from plain objects. */
export function state(
  options: {
    open?: Record<string, number>;
    cursors?: Record<string, string>;
    excluded?: readonly string[];
  } = {},
): RoutingState {
  return {
    openCases: new Map(Object.entries(options.open ?? {})),
    cursors: new Map(Object.entries(options.cursors ?? {})),
    excluded: new Set(options.excluded ?? []),
  };
}
