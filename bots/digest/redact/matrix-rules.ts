/**
 * Matrix identifiers: user ids (also percent-encoded, as clients put them in links), room
 * aliases and ids, and matrix.to or `matrix:` links. A user id or link to someone in the
 * people list is replaced by that person's label, so "thanks @amina:example.org" still reads
 * as thanks to someone.
 */
import type { PeopleIndex } from "./people-index.ts";
import { type RedactionRule, type RuleMatch, matchesOf } from "./redaction-rule.ts";
import { SERVER_NAME, linkLength } from "./text-patterns.ts";

const LOCALPART = String.raw`[A-Za-z0-9._=\-/+]+`;
const ENCODED_AT = "%(?:25)*40";
const ENCODED_COLON = "%(?:25)*3[Aa]";
const USER_ID = String.raw`(?:(?<![\p{L}\p{N}\p{M}])@${LOCALPART}:${SERVER_NAME}|${ENCODED_AT}${LOCALPART}${ENCODED_COLON}${SERVER_NAME})`;
const ROOM = String.raw`(?<![\p{L}\p{N}\p{M}&])[#!][\p{L}\p{N}._=\-/+~]+:${SERVER_NAME}`;
const LINK = String.raw`(?<![\p{L}\p{N}\p{M}])(?:https?://matrix\.to/#/|matrix:(?:u|r|roomid)/)[^\s<>"]+`;

function decode(text: string): string {
  try {
    return decodeURIComponent(decodeURIComponent(text));
  } catch {
    return text;
  }
}

function withPerson(match: RuleMatch, userId: string, people: PeopleIndex): RuleMatch {
  const person = people.byUserId(userId);
  return person === undefined ? match : { ...match, personKey: person.key };
}

/** The user a link points at: `https://matrix.to/#/@amina:example.org?via=…` or `matrix:u/amina:example.org`. */
function linkTarget(link: string): string {
  const decoded = decode(link);
  const target = decoded.replace(/^https?:\/\/matrix\.to\/#\//iu, "").replace(/^matrix:u\//iu, "@");
  return target.split(/[?/]/u)[0] ?? "";
}

export const matrixUserRule: RedactionRule = {
  id: "matrix-id",
  kind: "matrix-id",
  description: "Matrix user ids (@name:server, with a port, or percent-encoded)",
  pattern: USER_ID,
  replacement: "person-label",
  pass: 1,
  priority: 75,
  find: (text, people) =>
    matchesOf(new RegExp(USER_ID, "gu"), text).map((match) =>
      withPerson(match, decode(text.slice(match.start, match.end)), people),
    ),
};

export const matrixRoomRule: RedactionRule = {
  id: "matrix-room",
  kind: "matrix-room",
  description: "Matrix room aliases (#room:server) and room ids (!opaque:server)",
  pattern: ROOM,
  replacement: "placeholder",
  pass: 1,
  priority: 75,
  find: (text) => matchesOf(new RegExp(ROOM, "gu"), text),
};

export const matrixLinkRule: RedactionRule = {
  id: "matrix-link",
  kind: "matrix-link",
  description: "matrix.to and matrix: links, to people, rooms or events",
  pattern: LINK,
  replacement: "person-label",
  pass: 1,
  priority: 90,
  find: (text, people) =>
    matchesOf(new RegExp(LINK, "giu"), text).map((match) => {
      const end = match.start + linkLength(text.slice(match.start, match.end));
      return withPerson({ start: match.start, end }, linkTarget(text.slice(match.start, end)), people);
    }),
};
