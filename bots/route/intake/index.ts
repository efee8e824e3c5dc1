/**
 * Intake of practice requests for the router bot: the one-line `!request`, the guided
 * exchange, and their replies in the requester's language. Pure: no Matrix, no Redis.
 */
export { type RequestDraft, type IntakeContext, intakeContextFor } from "./request-draft.ts";
export { type IntakeProblem, type OptionKey, OPTION_KEYS } from "./intake-problem.ts";
export { characterCount, MAX_TEXT_LENGTH, MIN_TEXT_LENGTH } from "./read-request-fields.ts";
export { parseOneLineRequest } from "./parse-one-line.ts";
export { type GuidedStep, type GuidedState, GUIDED_STEPS, nextStep, withoutText } from "./guided-state.ts";
export { type GuidedTurn, answerGuidedRequest, startGuidedRequest } from "./guided-exchange.ts";
export { renderOneLineProblems, renderProblem, renderPrompt } from "./render-intake.ts";
