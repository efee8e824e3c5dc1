/**
 * Who an anonymous requester is, as far as anonymity goes: every string by which an expert
 * could recognise them. The relay scrubs these from what the requester writes, and the leak
 * checker looks for them in every room the experts can read.
 */
import { type UserId, localpartOf } from "../../../lib/matrix-ids.ts";

export interface RequesterIdentity {
  readonly userId: UserId;
  /** Display names the requester has used, global and per room. */
  readonly displayNames: readonly string[];
  /** Anything else they may be known by: a legal name, a nickname, an e-mail address. */
  readonly otherNames?: readonly string[] | undefined;
  /** The `mxc://` avatar URLs they have used: an avatar copied into a room would show their face. */
  readonly avatarUrls?: readonly string[] | undefined;
}

export type IdentifierKind = "user-id" | "localpart" | "display-name" | "other-name" | "avatar-url";

export interface Identifier {
  readonly kind: IdentifierKind;
  readonly value: string;
}

/**
 * Names shorter than this ("Al", "Jo") occur inside too much ordinary text to be replaced
 * safely, and matching them as whole words would still rewrite unrelated words ("Al" the
 * abbreviation): they are reported as a risk instead of scrubbed.
 */
export const MIN_SCRUB_LENGTH = 3;

/** Length in code points, so that an accented or non-Latin name is not counted short or long by accident. */
export function nameLength(value: string): number {
  return Array.from(value).length;
}

/**
 * Every identifier of the requester, trimmed, without empties or case-insensitive duplicates,
 * longest first: a matcher trying them in this order replaces "Amina Diallo" whole rather
 * than "Amina" and leaving "Diallo" behind.
 */
export function identifiersOf(identity: RequesterIdentity): readonly Identifier[] {
  const all: Identifier[] = [
    { kind: "user-id", value: identity.userId },
    { kind: "localpart", value: localpartOf(identity.userId) },
    ...identity.displayNames.map((value) => ({ kind: "display-name" as const, value })),
    ...(identity.otherNames ?? []).map((value) => ({ kind: "other-name" as const, value })),
    ...(identity.avatarUrls ?? []).map((value) => ({ kind: "avatar-url" as const, value })),
  ];
  const seen = new Set<string>();
  const unique: Identifier[] = [];
  for (const { kind, value } of all) {
    const trimmed = value.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === "" || seen.has(key)) continue;
    seen.add(key);
    unique.push({ kind, value: trimmed });
  }
  return unique.sort((a, b) => nameLength(b.value) - nameLength(a.value));
}
