/** The pure routing logic of practice requests: which expert, or which room, gets one. */
export { normaliseTopicWord } from "./normalise-topic-word.ts";
export { type UnknownTopic, resolveTopic } from "./resolve-topic.ts";
export { type PracticeRequest, sameLanguage } from "./practice-request.ts";
export { type RoutingStep, routingChain, ruleMatches } from "./routing-chain.ts";
export {
  type ExpertStep,
  type Strategy,
  cursorKey,
  isEligible,
  servesRegion,
  speaksLanguage,
  stepMembers,
  stepStrategy,
} from "./step-members.ts";
export {
  type ChosenExpert,
  type Cursor,
  type EmptyReason,
  type EmptyStep,
  type RoutingState,
  chooseExpert,
} from "./choose-experts.ts";
export { type PassedStep, type Route, routeRequest } from "./route-request.ts";
