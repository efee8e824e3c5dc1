/**
 * User and room arguments. People paste ids in several shapes: the bare id, a matrix.to
 * permalink (what "Copy link" gives in Element), possibly percent-encoded or in angle
 * brackets. All become the same branded id via the shared parsers in lib/matrix-ids.ts.
 */
import {
  type RoomAlias,
  type RoomId,
  type UserId,
  parseRoomAlias,
  parseRoomId,
  parseUserId,
} from "../../../lib/matrix-ids.ts";
import { ok, err } from "../../../lib/result.ts";
import type { ReadOutcome, ValueKind } from "./value-kind.ts";

const PERMALINK = /^<?https:\/\/matrix\.to\/#\/([^?>\s]+)(?:\?[^>\s]*)?>?$/i;

/** The identifier inside a matrix.to permalink, or the text itself when it is not one. */
export function unwrapPermalink(text: string): string {
  const match = PERMALINK.exec(text);
  if (match === null) return text;
  const inner = match[1] ?? "";
  try {
    return decodeURIComponent(inner);
  } catch {
    // Malformed percent-encoding: let the id parser reject the raw text.
    return inner;
  }
}

/** A user id `@name:server`, or a matrix.to link to one. */
export function userValue(): ValueKind<UserId> {
  return {
    kind: "user",
    expected: "a Matrix user id like @name:example.org, or a matrix.to link to one",
    placeholder: (name) => `<${name}>`,
    read: (tokens, at): ReadOutcome<UserId> => {
      const found = tokens[at]?.text ?? "";
      const parsed = parseUserId(unwrapPermalink(found));
      if (parsed.ok) return { used: 1, result: ok(parsed.value) };
      return { used: 1, result: err({ found, problem: "is not a Matrix user id" }) };
    },
  };
}

/** A room alias `#name:server` or id `!opaque:server`, or a matrix.to link to either. */
export function roomValue(): ValueKind<RoomAlias | RoomId> {
  return {
    kind: "room",
    expected: "a room alias like #name:example.org or a room id like !abc:example.org",
    placeholder: (name) => `<${name}>`,
    read: (tokens, at): ReadOutcome<RoomAlias | RoomId> => {
      const found = tokens[at]?.text ?? "";
      const id = unwrapPermalink(found);
      const parsed: { ok: true; value: RoomAlias | RoomId } | { ok: false; error: string } = id.startsWith(
        "#",
      )
        ? parseRoomAlias(id)
        : parseRoomId(id);
      if (parsed.ok) return { used: 1, result: ok(parsed.value) };
      return { used: 1, result: err({ found, problem: "is not a room alias or room id" }) };
    },
  };
}
