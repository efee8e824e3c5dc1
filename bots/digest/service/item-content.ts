/**
 * What an item would publish now: its thread read afresh (edits applied, deleted messages
 * gone), the consenting authors' messages redacted, a digest naming the result, and whether
 * the publication gate's checker finds any personal data left. Computed, never stored: the
 * text lives in Matrix, and the record holds only the digest.
 */
import { createHash } from "node:crypto";
import type { NetworkConfig } from "../../../config/network-config.ts";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure, ThreadMessage } from "../../runtime/matrix/bot-matrix.ts";
import type { ConsentedMessage, DigestItem } from "../item/index.ts";
import {
  type Person,
  type QuotedMessage,
  type RedactedItem,
  findPersonalData,
  redactItem,
} from "../redact/index.ts";
import type { ItemLink } from "./item-links.ts";

export interface ItemContent {
  readonly digest: string;
  /** The checker found no personal data left, and every rule could be built. */
  readonly clean: boolean;
  readonly redacted: RedactedItem;
  /** Quoted messages no longer in the thread (deleted). */
  readonly missing: readonly EventId[];
  /** The thread as read, for the consent requests' quotes. */
  readonly thread: readonly ThreadMessage[];
}

const MEDIA = new Set(["m.image", "m.file", "m.video", "m.audio", "m.sticker"]);

function localpartOf(user: string): string {
  return user.slice(1).split(":")[0] ?? user;
}

/** Everything a person may be called by: the network's name for them first, then the room's. */
export function namesOf(config: NetworkConfig, matrix: BotMatrix, room: RoomId, user: UserId): string[] {
  const person = config.people.find((entry) => entry.userId === user);
  const names = [person?.displayName, matrix.memberName(room, user), localpartOf(user)];
  return [...new Set(names.filter((name): name is string => name !== undefined && name.trim() !== ""))];
}

/** The people an item's redaction knows: its authors as they consented, everyone else as members. */
function peopleOf(config: NetworkConfig, matrix: BotMatrix, record: DigestItem, link: ItemLink): Person[] {
  const bots = new Set<string>(Object.values(config.bots).map((bot: { userId: string }) => bot.userId));
  const authors = new Set<string>();
  const people: Person[] = [];
  for (const entry of record.authors) {
    const user = link.authors[entry.author];
    if (user === undefined) continue;
    authors.add(user);
    const consent = entry.consent;
    const disposition =
      consent === "named" ? "named" : consent === "pseudonym" ? "pseudonym" : "excluded-author";
    people.push({
      key: entry.author,
      names: namesOf(config, matrix, record.source, user),
      userId: user,
      disposition,
    });
  }
  const others = new Set<UserId>([
    ...config.people.map((person) => person.userId),
    ...matrix.members(record.source),
    ...matrix.members(record.source, "invite"),
  ]);
  for (const user of others) {
    if (authors.has(user) || bots.has(user)) continue;
    people.push({
      key: user,
      names: namesOf(config, matrix, record.source, user),
      userId: user,
      disposition: "member",
    });
  }
  return people;
}

function quotedOf(messages: readonly ConsentedMessage[], thread: readonly ThreadMessage[]): QuotedMessage[] {
  const byEvent = new Map(thread.map((message) => [message.eventId, message]));
  return messages.flatMap((message): QuotedMessage[] => {
    const found = byEvent.get(message.event);
    if (found === undefined) return [];
    const msgtype = found.content["msgtype"];
    const body = found.content["body"];
    const media = typeof msgtype === "string" && MEDIA.has(msgtype);
    return [
      {
        messageId: message.event,
        authorKey: message.author,
        text: media || typeof body !== "string" ? "" : body,
        kind: media ? "media" : "text",
      },
    ];
  });
}

export function digestOf(redacted: RedactedItem): string {
  return createHash("sha256").update(JSON.stringify(redacted.messages)).digest("hex");
}

/**
 * The item's content for `messages` (the consented messages of the preview in question).
 * A thread that cannot be read is a failure: nothing is published from a guess.
 */
export async function readItemContent(
  config: NetworkConfig,
  matrix: BotMatrix,
  record: DigestItem,
  link: ItemLink,
  messages: readonly ConsentedMessage[],
): Promise<Result<ItemContent, MatrixFailure>> {
  const thread = await matrix.readThread(record.source, record.root);
  if (!thread.ok) return err(thread.error);
  const present = new Set(thread.value.map((message) => message.eventId));
  const missing = record.messages.map((message) => message.event).filter((event) => !present.has(event));
  const people = peopleOf(config, matrix, record, link);
  const rules = config.digest.redaction;
  const redacted = redactItem(quotedOf(messages, thread.value), people, rules);
  if (!redacted.ok) {
    const empty: RedactedItem = { messages: [], replacements: [], pseudonyms: new Map() };
    return ok({ digest: "", clean: false, redacted: empty, missing, thread: thread.value });
  }
  const clean = redacted.value.messages.every((message) => {
    const found = findPersonalData(message.text, people, rules);
    return found.ok && found.value.length === 0;
  });
  return ok({
    digest: digestOf(redacted.value),
    clean,
    redacted: redacted.value,
    missing,
    thread: thread.value,
  });
}
