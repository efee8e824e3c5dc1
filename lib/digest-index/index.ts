/**
 * The digest index the digest bot publishes to Redis and the hub's public site reads: only
 * what consent, redaction and approval let through. Key layout: digest-index-keys.ts.
 */
export type {
  DigestChange,
  PublishedDigestItem,
  PublishedEdition,
  PublishedMessage,
} from "./published-item.ts";
export { type DigestIndexKeys, digestIndexKeys } from "./digest-index-keys.ts";
export { parseDigestChange, parsePublishedEdition, parsePublishedItem } from "./parse-published.ts";
export { putPublishedEdition, putPublishedItem, removePublishedItem } from "./write-digest-index.ts";
export {
  type IndexRead,
  readPublishedEdition,
  readPublishedEditions,
  readPublishedItem,
  readPublishedItems,
  subscribeDigestChanges,
} from "./read-digest-index.ts";
