/**
 * The content of an edit (an m.replace relation): the new content goes in `m.new_content`,
 * and the top level carries a "* "-prefixed copy for clients that do not show edits, which
 * then read it as a correction. Pure, so it is unit-tested.
 */
import type { EventId } from "../../../lib/matrix-ids.ts";
import type { MessageContent } from "./bot-matrix.ts";

export function editContent(eventId: EventId, content: MessageContent): Record<string, unknown> {
  // The replacement cannot change what the original relates to (its thread, its reply):
  // a relation in the new content would be ignored, so it is left out.
  const newContent = Object.fromEntries(Object.entries(content).filter(([key]) => key !== "m.relates_to"));
  const fallback: Record<string, unknown> = { ...newContent };
  if (typeof newContent["body"] === "string") fallback["body"] = `* ${newContent["body"]}`;
  if (typeof newContent["formatted_body"] === "string")
    fallback["formatted_body"] = `* ${newContent["formatted_body"]}`;
  return {
    ...fallback,
    // An edit mentions nobody anew: an empty m.mentions keeps a changed card from pinging again
    // (and turns off the older body-matching mention rules for it).
    "m.mentions": {},
    "m.new_content": newContent,
    "m.relates_to": { rel_type: "m.replace", event_id: eventId },
  };
}
