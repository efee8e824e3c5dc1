/**
 * What the redaction engine reads and writes. An item is the run of messages a steering
 * member proposes for the public digest; the people list says, for each person who wrote
 * or may be mentioned, whether they consented to be named.
 */

export type MessageKind = "text" | "media";

export interface QuotedMessage {
  readonly messageId: string;
  /** The key of the author in the people list (usually their user id). */
  readonly authorKey: string;
  /** The plain-text body; formatted bodies are never published. */
  readonly text: string;
  readonly kind: MessageKind;
}

/**
 * - `named`: consented to be named; their names stay, their contact details still go.
 * - `pseudonym`: consented to be quoted but not named.
 * - `member`: in the room, did not consent to be named (mentions become a pseudonym).
 * - `excluded-author`: refused; their messages are dropped and mentions become a pseudonym.
 */
export type Disposition = "named" | "pseudonym" | "excluded-author" | "member";

export interface Person {
  /** Stable within the item; matches `QuotedMessage.authorKey` for authors. */
  readonly key: string;
  /**
   * Display names, legal names, nicknames, localpart: anything they may be called by. The
   * first is the label of a person who consented to be named.
   */
  readonly names: readonly string[];
  readonly userId?: string | undefined;
  readonly disposition: Disposition;
}

export interface RedactedMessage {
  readonly messageId: string;
  /** The author's name when they consented to be named, otherwise their pseudonym. */
  readonly authorLabel: string;
  /** Whether `authorLabel` is a pseudonym (the preview marks it). */
  readonly authorPseudonymous: boolean;
  readonly text: string;
}

/** One replacement, located in the OUTPUT text so a preview can mark it. */
export interface Replacement {
  readonly messageId: string;
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

export interface RedactedItem {
  readonly messages: readonly RedactedMessage[];
  /** In message order, then in text order. */
  readonly replacements: readonly Replacement[];
  /** Person key → pseudonym, for everyone who was given one, in order of first appearance. */
  readonly pseudonyms: ReadonlyMap<string, string>;
}
