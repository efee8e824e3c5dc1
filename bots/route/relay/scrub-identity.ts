/**
 * The relay's second line of defence: the relay never copies the requester's Matrix id,
 * display name or avatar, but the requester may type them (signing off with their name,
 * pasting a link to their profile). Those are replaced by the case handle before the text
 * reaches the case room, and the caller tells the requester it happened.
 */
import { encodedPattern, escapeRegex, matrixToPattern, wholeWord } from "./identifier-pattern.ts";
import {
  type Identifier,
  type IdentifierKind,
  type RequesterIdentity,
  MIN_SCRUB_LENGTH,
  identifiersOf,
  nameLength,
} from "./requester-identity.ts";

export interface ScrubResult {
  readonly text: string;
  /** The kinds of identifier that were replaced, each once, in order of first kind found. */
  readonly replaced: readonly IdentifierKind[];
  /**
   * Names too short to replace safely (below MIN_SCRUB_LENGTH) that appear as whole words:
   * left in the text, and reported so the requester can be warned and edit if it is them.
   */
  readonly shortNamesSeen: readonly string[];
}

interface Alternative {
  readonly kind: IdentifierKind;
  readonly source: string;
}

function alternatives(identity: RequesterIdentity, long: readonly Identifier[]): Alternative[] {
  // The link first, so it goes as a whole rather than leaving "https://matrix.to/#/<handle>".
  const link: Alternative = { kind: "user-id", source: matrixToPattern(identity.userId) };
  const rest = long.map(({ kind, value }) => ({
    kind,
    // A user id is distinctive enough to replace wherever it occurs; names only as words.
    source: kind === "user-id" ? encodedPattern(value) : wholeWord(encodedPattern(value), value),
  }));
  return [link, ...rest];
}

/**
 * Replaces every occurrence of the requester's identifiers in `text` with `handle`: the
 * Matrix id anywhere (also inside matrix.to links and percent-encoded), the localpart,
 * display names and other names as whole words, all case-insensitively. One pass over the
 * text with one expression, so the handle is never itself rescanned.
 */
export function scrubIdentity(text: string, identity: RequesterIdentity, handle: string): ScrubResult {
  const identifiers = identifiersOf(identity);
  const long = identifiers.filter(({ value }) => nameLength(value) >= MIN_SCRUB_LENGTH);
  const short = identifiers.filter(({ value }) => nameLength(value) < MIN_SCRUB_LENGTH);
  const options = alternatives(identity, long);
  const pattern = new RegExp(options.map(({ source }) => `(${source})`).join("|"), "giu");

  const replaced = new Set<IdentifierKind>();
  const scrubbed = text.replace(pattern, (...args: unknown[]) => {
    // Arguments after the match are the groups, one per alternative, in order.
    const index = args.slice(1, options.length + 1).findIndex((group) => typeof group === "string");
    const kind = options[index]?.kind;
    if (kind !== undefined) replaced.add(kind);
    return handle;
  });

  const shortNamesSeen = short
    .filter(({ value }) => new RegExp(wholeWord(escapeRegex(value), value), "iu").test(scrubbed))
    .map(({ value }) => value);
  return { text: scrubbed, replaced: [...replaced], shortNamesSeen };
}
