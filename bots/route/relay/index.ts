/** The anonymous relay's pure core: what crosses between a requester's DM and the case room. */
export {
  type IdentifierKind,
  type RequesterIdentity,
  MIN_SCRUB_LENGTH,
  identifiersOf,
} from "./requester-identity.ts";
export { type ScrubResult, scrubIdentity } from "./scrub-identity.ts";
export { type IdentityLeak, findIdentityLeaks } from "./leak-check.ts";
export {
  type IncomingMessage,
  type RelayRefusal,
  parseMessage,
  stripReplyFallback,
} from "./parse-message.ts";
export { type EventMapper, type MappedRelation, type RelayRelation, mapRelation } from "./map-relation.ts";
export {
  type RelayDirection,
  type Relayed,
  type RelayedBody,
  type RelayedContent,
  NEUTRAL_EXPERT_LABEL,
  relayContent,
} from "./relay-content.ts";
