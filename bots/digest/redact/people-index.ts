/**
 * The people of an item, indexed for the rules: by user id and localpart (for mentions), and
 * every name and name part compiled into one expression, longest first, so "Amina Yusuf" is
 * replaced whole rather than as "Amina" followed by a leftover "Yusuf".
 */
import { foldText } from "./fold-text.ts";
import { namePattern } from "./name-pattern.ts";
import { nameVariants } from "./name-variants.ts";
import type { Person } from "./quoted-item.ts";
import type { RuleMatch } from "./redaction-rule.ts";

export interface PeopleIndex {
  readonly people: readonly Person[];
  byKey(key: string): Person | undefined;
  /** Case-insensitive; undefined when unknown. */
  byUserId(userId: string): Person | undefined;
  /** Case-insensitive; undefined when unknown or when two people share it. */
  byLocalpart(localpart: string): Person | undefined;
  /**
   * Every name of someone who did not consent to be named, as whole words. A name shared by
   * several people designates nobody (`personKey` undefined); a name only people who consented
   * have is never returned, and its text is not searched for shorter names either.
   */
  findNames(text: string): readonly RuleMatch[];
}

interface NameEntry {
  readonly text: string;
  readonly owners: Set<string>;
  named: boolean;
}

function localpartOf(userId: string): string | undefined {
  const colon = userId.indexOf(":");
  return userId.startsWith("@") && colon > 1 ? userId.slice(1, colon) : undefined;
}

function nameEntries(people: readonly Person[]): NameEntry[] {
  const entries = new Map<string, NameEntry>();
  for (const person of people) {
    const localpart = person.userId === undefined ? undefined : localpartOf(person.userId);
    const names = localpart === undefined ? person.names : [...person.names, localpart];
    for (const variant of names.flatMap(nameVariants)) {
      const key = foldText(variant.text).toLowerCase();
      const entry = entries.get(key) ?? { text: variant.text, owners: new Set<string>(), named: true };
      entry.owners.add(person.key);
      entry.named &&= person.disposition === "named";
      entries.set(key, entry);
    }
  }
  const length = (entry: NameEntry) => Array.from(entry.text).length;
  return [...entries.entries()]
    .sort(([keyA, a], [keyB, b]) => length(b) - length(a) || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
    .map(([, entry]) => entry);
}

function nameFinder(people: readonly Person[]): (text: string) => RuleMatch[] {
  const entries = nameEntries(people);
  if (entries.length === 0) return () => [];
  const source = entries.map((entry) => `(${namePattern(entry.text)})`).join("|");
  return (text) => {
    const found: RuleMatch[] = [];
    for (const match of foldText(text).matchAll(new RegExp(source, "giu"))) {
      // One group per entry, in order: the defined one says whose name this is.
      const groups: readonly (string | undefined)[] = match.slice(1);
      const entry = entries[groups.findIndex((group) => group !== undefined)];
      if (entry === undefined || entry.named || match[0] === "") continue;
      const [owner] = entry.owners;
      const personKey = entry.owners.size === 1 ? owner : undefined;
      found.push({ start: match.index, end: match.index + match[0].length, personKey });
    }
    return found;
  };
}

function uniqueIndex(people: readonly Person[], keyOf: (person: Person) => string | undefined) {
  const index = new Map<string, Person | null>();
  for (const person of people) {
    const key = keyOf(person)?.toLowerCase();
    if (key === undefined) continue;
    index.set(key, index.has(key) && index.get(key) !== person ? null : person);
  }
  return (key: string) => index.get(key.toLowerCase()) ?? undefined;
}

export function indexPeople(people: readonly Person[]): PeopleIndex {
  const keys = new Map(people.map((person) => [person.key, person]));
  const byUserId = uniqueIndex(people, (person) => person.userId);
  const byLocalpart = uniqueIndex(people, (person) =>
    person.userId === undefined ? undefined : localpartOf(person.userId),
  );
  const byKey = (key: string) => keys.get(key);
  return { people, byKey, byUserId, byLocalpart, findNames: nameFinder(people) };
}
