/**
 * Picking one expert within a routing step. Deterministic on purpose: given the same config
 * and state the same person is asked, so a retried job or a replayed event cannot offer a
 * request to two people.
 */
import type { ExpertConfig, NetworkConfig } from "../../../config/network-config.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import type { PracticeRequest } from "./practice-request.ts";
import {
  type ExpertStep,
  cursorKey,
  isEligible,
  servesRegion,
  speaksLanguage,
  stepMembers,
  stepStrategy,
} from "./step-members.ts";

/** What the router knows at the moment it routes one request. Keys are person ids. */
export interface RoutingState {
  /** Open cases per expert; absent means none. */
  readonly openCases: ReadonlyMap<string, number>;
  /** Per cursor key (see `cursorKey`), the expert last chosen in that step. */
  readonly cursors: ReadonlyMap<string, string>;
  /**
   * Experts not to offer this request to: those who declined it or already let it lapse.
   * The requester is excluded whether listed here or not.
   */
  readonly excluded: ReadonlySet<string>;
}

/** The cursor to store after a choice: `cursors.set(key, expert)`. */
export interface Cursor {
  readonly key: string;
  readonly expert: string;
}

export interface ChosenExpert {
  /** Person id. */
  readonly expert: string;
  readonly cursor: Cursor;
}

/**
 * Why a step yields nobody, most structural first, so the steering group hears about a gap
 * in the network ("nobody here speaks so") before a passing one ("everyone declined"):
 * - `no-members`: the step has no experts at all (an unknown pool, no local experts);
 * - `no-language`: no member speaks the request's language;
 * - `no-region`: members speak it, but none of them takes requests from that region;
 * - `all-excluded`: someone could, but every such person declined, was tried, or asked.
 */
export type EmptyReason = "no-members" | "no-language" | "no-region" | "all-excluded";

export interface EmptyStep {
  readonly kind: "empty-step";
  readonly reason: EmptyReason;
}

/** `members` in rotation order: starting just after `last`, or from the first if `last` is not a member. */
function inRotation(members: readonly ExpertConfig[], last: string | undefined): ExpertConfig[] {
  const start = members.findIndex((expert) => expert.person === last) + 1;
  return [...members.slice(start), ...members.slice(0, start)];
}

/**
 * The expert of `step` to offer `request` to. Eligible: speaks the language, serves the
 * requester's region, not excluded, not the requester. Round-robin takes the first eligible
 * member after the step's cursor; least-loaded takes the fewest open cases, ties going to
 * the first in that same rotation (so equally loaded experts take turns, and with no cursor
 * config order decides).
 */
export function chooseExpert(
  config: NetworkConfig,
  step: ExpertStep,
  request: PracticeRequest,
  state: RoutingState,
): Result<ChosenExpert, EmptyStep> {
  const empty = (reason: EmptyReason) => err<EmptyStep>({ kind: "empty-step", reason });
  const members = stepMembers(config, step);
  if (members.length === 0) return empty("no-members");
  const speakers = members.filter((expert) => speaksLanguage(expert, request.language));
  if (speakers.length === 0) return empty("no-language");
  if (!speakers.some((expert) => servesRegion(expert, request.region))) return empty("no-region");

  const key = cursorKey(step);
  const available = inRotation(members, state.cursors.get(key)).filter(
    (expert) =>
      isEligible(expert, request) &&
      !state.excluded.has(expert.person) &&
      expert.person !== request.requester,
  );
  const load = (expert: ExpertConfig): number => state.openCases.get(expert.person) ?? 0;
  const chosen =
    stepStrategy(config, step) === "round-robin"
      ? available[0]
      : available.reduce<ExpertConfig | undefined>(
          (best, expert) => (best === undefined || load(expert) < load(best) ? expert : best),
          undefined,
        );
  if (chosen === undefined) return empty("all-excluded");
  return ok({ expert: chosen.person, cursor: { key, expert: chosen.person } });
}
