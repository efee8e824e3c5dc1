/**
 * The anonymity invariant as a check: given raw events from the rooms the experts can read
 * (timeline and state, with `unsigned`, membership displaynames, power levels keyed by user
 * id), report every place where one of the requester's identifiers appears. Deliberately
 * stricter than the scrubber: it searches keys as well as values, every decoded reading, and
 * substrings rather than words, so a test built on it fails on any doubt.
 */
import { escapeRegex, wholeWord } from "./identifier-pattern.ts";
import { decodeVariants } from "./decode-variants.ts";
import {
  type IdentifierKind,
  type RequesterIdentity,
  MIN_SCRUB_LENGTH,
  identifiersOf,
  nameLength,
} from "./requester-identity.ts";

export interface IdentityLeak {
  /** The event's `event_id`, or `#<index>` in the input when it has none. */
  readonly eventId: string;
  /** Where in the event, e.g. `$.content.body` or `$.content.users["@amina:example.org"]`. */
  readonly path: string;
  /** Whether the identifier is in the value at `path` or in the key naming it. */
  readonly where: "value" | "key";
  readonly kind: IdentifierKind;
  readonly identifier: string;
}

type Matcher = (reading: string) => boolean;

function matcherFor(value: string): Matcher {
  const lower = value.toLowerCase().replace(/\s+/gu, " ");
  if (nameLength(value) >= MIN_SCRUB_LENGTH) return (reading) => reading.includes(lower);
  // A two-letter name is inside half the words of any text; only whole words are a finding.
  const word = new RegExp(wholeWord(escapeRegex(lower), lower), "u");
  return (reading) => word.test(reading);
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

interface Place {
  readonly path: string;
  readonly where: "value" | "key";
  readonly text: string;
}

function* stringsIn(value: unknown, path: string): Generator<Place> {
  if (typeof value === "string") yield { path, where: "value", text: value };
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringsIn(item, `${path}[${index}]`);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = childPath(path, key);
      yield { path: at, where: "key", text: key };
      yield* stringsIn(item, at);
    }
  }
}

function eventIdOf(event: unknown, index: number): string {
  const id: unknown =
    typeof event === "object" && event !== null ? Reflect.get(event, "event_id") : undefined;
  return typeof id === "string" ? id : `#${index}`;
}

/** Every place in `events` where any of the requester's identifiers appears; empty when clean. */
export function findIdentityLeaks(
  events: readonly unknown[],
  identity: RequesterIdentity,
): readonly IdentityLeak[] {
  const matchers = identifiersOf(identity).map((identifier) => ({
    ...identifier,
    matches: matcherFor(identifier.value),
  }));
  const leaks: IdentityLeak[] = [];
  for (const [index, event] of events.entries()) {
    const eventId = eventIdOf(event, index);
    for (const { path, where, text } of stringsIn(event, "$")) {
      const readings = decodeVariants(text);
      for (const { kind, value, matches } of matchers) {
        if (readings.some(matches)) leaks.push({ eventId, path, where, kind, identifier: value });
      }
    }
  }
  return leaks;
}
