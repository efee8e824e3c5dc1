/**
 * What the digest bot publishes for the hub to serve: an item as the public sees it, after
 * consent, redaction and approval (the bot writes one only from a `PublishableItem`, see
 * bots/digest/item/publication-proof.ts). It holds only published text: author labels are
 * names of people who agreed to be named or pseudonyms, never user ids. The hub treats every
 * text field as untrusted (it is what people wrote) and escapes or sanitises it.
 */

export interface PublishedMessage {
  /** The author's name (they agreed to be named) or their pseudonym within the item. */
  readonly author: string;
  readonly pseudonymous: boolean;
  /** Plain text with personal data replaced; paragraphs separated by blank lines. */
  readonly text: string;
}

export interface PublishedDigestItem {
  readonly version: 1;
  /** The digest item id (bots/digest/item/item-id.ts): also its page's path segment. */
  readonly id: string;
  /** A short title drawn from the published text (so itself redacted). */
  readonly title: string;
  /** BCP 47 language of the messages, as far as the bot knows (the source room's region's first). */
  readonly language: string;
  /** Epoch ms of the publication; an edit that re-publishes keeps it. */
  readonly publishedAt: number;
  /** Epoch ms of the last change (a re-publication after an edit). */
  readonly updatedAt: number;
  /** Region ids (config `regions[].id`), from the source room. */
  readonly regions: readonly string[];
  /** Topic ids (config `routing.topics[].id`), chosen by the steering group. */
  readonly topics: readonly string[];
  readonly messages: readonly PublishedMessage[];
  /** The edition (e.g. "2026-W48") that collected it, once one has. */
  readonly edition?: string;
}

export interface PublishedEdition {
  readonly version: 1;
  /** ISO week, e.g. "2026-W48": also its page's path segment. */
  readonly id: string;
  /** Epoch ms at which the edition closed. */
  readonly closedAt: number;
  /** Item ids in publication order, oldest first (withdrawn ones are removed). */
  readonly items: readonly string[];
}

/** What changed, as the bot announces it on the index's channel (ids only). */
export type DigestChange =
  | { readonly kind: "published"; readonly item: string }
  | { readonly kind: "removed"; readonly item: string }
  | { readonly kind: "edition"; readonly edition: string };
