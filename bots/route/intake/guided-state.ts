/**
 * Where a guided `!request` stands between two messages. Plain JSON-safe data (strings,
 * booleans, arrays), because the wiring keeps it in Redis keyed by the person, with an
 * expiry, and a restart must not lose a half-written request.
 */
import type { Urgency } from "../../../config/network-config.ts";
import type { IntakeContext } from "./request-draft.ts";

/** The questions, in the order they are asked. */
export const GUIDED_STEPS = [
  "topic",
  "language",
  "region",
  "urgency",
  "anonymous",
  "text",
  "confirm",
] as const;

export type GuidedStep = (typeof GUIDED_STEPS)[number];

export interface GuidedState {
  /** The question last asked: what the next message answers. */
  readonly step: GuidedStep;
  /** Who is asking: defaults and the reply language, fixed when the exchange starts. */
  readonly context: IntakeContext;
  readonly topic?: string;
  readonly language?: string;
  readonly region?: string;
  readonly urgency?: Urgency;
  readonly anonymous?: boolean;
  /**
   * The request itself, held only from its answer until confirmation. It is plaintext that
   * may come from an encrypted room, and such text must not be stored outside Matrix in
   * the clear: so it is asked last, the wiring stores `withoutText(state)` and keeps the
   * text in memory (or encrypted), and a state that comes back without it simply asks for
   * it again.
   */
  readonly text?: string;
}

/** The first question still unanswered, in the order asked; `confirm` once all are answered. */
export function nextStep(state: GuidedState): GuidedStep {
  return GUIDED_STEPS.find((step) => step !== "confirm" && state[step] === undefined) ?? "confirm";
}

/** The state fit to store outside memory: everything but the request text. */
export function withoutText(state: GuidedState): GuidedState {
  const { text: _text, ...rest } = state;
  return rest;
}
