/**
 * The convening index the convene bot publishes to Redis and the hub reads (calendar feeds),
 * and the feed tokens that open it. Key layout: index-keys.ts.
 */
export { type FeedSubject, parseFeedSubject, serialiseFeedSubject } from "./feed-subject.ts";
export { feedTokenTag, hashFeedToken, isFeedTokenShaped, newFeedToken } from "./feed-token.ts";
export { type ConveningIndexKeys, conveningIndexKeys } from "./index-keys.ts";
export { currentFeedToken, issueFeedToken, putFeedToken, revokeFeedToken } from "./issue-feed-token.ts";
export { type PublishOutcome, publishConvening } from "./publish-convening.ts";
export {
  type PublishedConvening,
  type SkippedConvening,
  latestAnswerOf,
  parsePublishedConvening,
} from "./published-convening.ts";
export {
  type AnsweredConvening,
  type IndexRead,
  conveningsOfRegion,
  conveningsOfPerson,
  readConvening,
} from "./read-convenings.ts";
export { resolveFeedToken } from "./resolve-feed-token.ts";
