/**
 * What the router posts on the other side of an anonymous case: a fresh message built from
 * the text alone, labelled with the case handle (to the experts) or the expert's display (to
 * the requester). Nothing of the original is copied: not its HTML (pills and links carry
 * Matrix ids), not its mentions, not its reply fallback (which quotes a sender's id), not an
 * event id from the other room. What the requester typed is also scrubbed of their own
 * identifiers, since they may sign with their name.
 */
import { type Result, ok } from "../../../lib/result.ts";
import { escapeHtml } from "../../runtime/commands/reply.ts";
import { type EventMapper, type RelayRelation, mapRelation } from "./map-relation.ts";
import { type IncomingMessage, type RelayRefusal, parseMessage } from "./parse-message.ts";
import type { IdentifierKind, RequesterIdentity } from "./requester-identity.ts";
import { scrubIdentity } from "./scrub-identity.ts";

/** The label of an expert whose display the network did not configure. */
export const NEUTRAL_EXPERT_LABEL = "Expert";

export type RelayDirection =
  | {
      readonly to: "experts";
      /** The case handle, e.g. "Requester K7Q2"; it must not contain the requester's names. */
      readonly handle: string;
      readonly requester: RequesterIdentity;
      readonly mapEvent: EventMapper;
    }
  | { readonly to: "requester"; readonly expertDisplay?: string | undefined; readonly mapEvent: EventMapper };

export interface RelayedBody {
  readonly msgtype: "m.text" | "m.notice";
  readonly body: string;
  readonly format: "org.matrix.custom.html";
  readonly formatted_body: string;
  /** Always empty: the relay mentions nobody, and an empty object also stops keyword pings. */
  readonly "m.mentions": Readonly<Record<string, never>>;
}

export interface RelayedContent extends RelayedBody {
  readonly "m.relates_to"?: RelayRelation;
  readonly "m.new_content"?: RelayedBody;
}

export interface Relayed {
  readonly content: RelayedContent;
  /** Kinds of requester identifier replaced by the handle: tell the requester when non-empty. */
  readonly scrubbed: readonly IdentifierKind[];
  /** The requester's too-short names seen in their text and left there: warn them. */
  readonly shortNamesSeen: readonly string[];
  /** A reply, thread or edit relation was lost because its target has no relayed copy. */
  readonly droppedRelation: boolean;
}

function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, "<br>");
}

function labelled(message: IncomingMessage, label: string, text: string): RelayedBody {
  const bold = `<b>${escapeHtml(label)}</b>`;
  const emote = message.kind === "emote";
  return {
    msgtype: message.kind === "notice" ? "m.notice" : "m.text",
    body: emote ? `* ${label} ${text}` : `${label}: ${text}`,
    format: "org.matrix.custom.html",
    formatted_body: emote ? `* ${bold} ${textToHtml(text)}` : `${bold}: ${textToHtml(text)}`,
    "m.mentions": {},
  };
}

function withRelation(body: RelayedBody, relation: RelayRelation | undefined): RelayedContent {
  if (relation === undefined) return body;
  if ("rel_type" in relation && relation.rel_type === "m.replace") {
    // The outer body is what clients without edit support show: marked with "*" as edits are.
    return {
      ...body,
      body: `* ${body.body}`,
      formatted_body: `* ${body.formatted_body}`,
      "m.new_content": body,
      "m.relates_to": relation,
    };
  }
  return { ...body, "m.relates_to": relation };
}

/**
 * The content to post on the other side for an incoming message content, or why it is not
 * relayed (media, unknown message types, malformed or empty content).
 */
export function relayContent(content: unknown, direction: RelayDirection): Result<Relayed, RelayRefusal> {
  const parsed = parseMessage(content);
  if (!parsed.ok) return parsed;
  const message = parsed.value;
  const scrub =
    direction.to === "experts"
      ? scrubIdentity(message.text, direction.requester, direction.handle)
      : { text: message.text, replaced: [], shortNamesSeen: [] };
  const label =
    direction.to === "experts" ? direction.handle : direction.expertDisplay?.trim() || NEUTRAL_EXPERT_LABEL;
  const { relation, dropped } = mapRelation(message, direction.mapEvent);
  return ok({
    content: withRelation(labelled(message, label, scrub.text), relation),
    scrubbed: scrub.replaced,
    shortNamesSeen: scrub.shortNamesSeen,
    droppedRelation: dropped,
  });
}
