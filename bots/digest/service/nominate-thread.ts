/**
 * A nomination, from `!digest nominate` in a thread or the nomination reaction on its root:
 * reads the thread, keys its authors, and hands the item to the lifecycle, which decides
 * whether the person may nominate and asks every author for consent. What gets quoted:
 * people's messages; never a bot's, never a command.
 */
import { personByUserId } from "../../../config/queries.ts";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { ThreadMessage } from "../../runtime/matrix/bot-matrix.ts";
import { type AuthorKey, type QuotedMessage, newItemId, nominateItem } from "../item/index.ts";
import { authorKeyOf } from "./author-keys.ts";
import type { DigestDeps } from "./digest-deps.ts";
import type { DigestEngine } from "./digest-engine.ts";
import type { DigestNotices } from "./digest-notices.ts";
import type { DigestRooms } from "./digest-rooms.ts";
import { localeOfUser, textsFor } from "./digest-texts.ts";
import type { ItemLinks } from "./item-links.ts";
import type { ItemRecords } from "./item-records.ts";
import { refusalText } from "./refusal-text.ts";

export interface NominationRequest {
  readonly sender: UserId;
  readonly room: RoomId;
  /** The thread's root; undefined when the command was not sent in a thread. */
  readonly root: EventId | undefined;
  /** The Matrix event that asked (command or reaction), for transaction ids. */
  readonly trigger: EventId;
  readonly steering: boolean;
  readonly powerLevel: number;
  readonly topics: readonly string[];
}

export interface NominationParts {
  readonly records: ItemRecords;
  readonly links: ItemLinks;
  readonly rooms: DigestRooms;
  readonly engine: DigestEngine;
  readonly notices: DigestNotices;
}

function isQuotable(message: ThreadMessage, bots: ReadonlySet<string>): boolean {
  const body = message.content["body"];
  return (
    !bots.has(message.sender) &&
    message.content["msgtype"] !== "m.notice" &&
    !(typeof body === "string" && body.trimStart().startsWith("!"))
  );
}

/** The reply to the nominator: the item id and deadline, or why not, in words. */
export async function nominateThread(
  deps: DigestDeps,
  parts: NominationParts,
  request: NominationRequest,
): Promise<Result<string, string>> {
  const { config, matrix } = deps;
  const locale = localeOfUser(config, request.sender);
  const unknownTopics = request.topics.filter((topic) => !config.routing.topics.some((t) => t.id === topic));
  if (unknownTopics.length > 0)
    return err(
      `Unknown topic(s): ${unknownTopics.join(", ")}. Topics: ${config.routing.topics.map((t) => t.id).join(", ")}.`,
    );
  if (request.root === undefined)
    return err(
      `Send !digest nominate inside the thread you want to nominate, or react ${config.digest.nominateReaction} on its first message.`,
    );
  const room = await parts.rooms.configOf(request.room);
  if (!parts.rooms.isSource(room))
    return err("Only threads in the network's encrypted discussion rooms can be nominated for the digest.");
  if ((await parts.rooms.steering()) === undefined)
    return err(refusalText({ kind: "no-steering-room" }, locale));

  const thread = await matrix.readThread(request.room, request.root);
  if (!thread.ok) return err(refusalText({ kind: "matrix", ...thread.error }, locale));
  const bots = new Set<string>([
    deps.botUserId,
    ...Object.values(config.bots).map((bot: { userId: string }) => bot.userId),
  ]);
  let id = newItemId();
  while (parts.records.get(id) !== undefined) id = newItemId();
  const quotable = thread.value.filter((message) => isQuotable(message, bots));
  const authors = new Map<AuthorKey, UserId>();
  const messages: QuotedMessage[] = quotable.map((message) => {
    const author = authorKeyOf(deps.authorSecret, id, message.sender);
    authors.set(author, message.sender);
    return { event: message.eventId, author };
  });
  const languages = [...authors].map(([author, user]) => ({ author, language: localeOfUser(config, user) }));
  const person = personByUserId(config, request.sender)?.id ?? request.sender;
  const nominated = nominateItem(
    {
      id,
      nominator: {
        person,
        steering: request.steering,
        // A bot account holds the moderators' level in every room, but nominates nothing.
        moderatesSource: !bots.has(request.sender) && request.powerLevel >= config.powerLevels.moderators,
      },
      source: request.room,
      root: request.root,
      messages,
      languages,
    },
    parts.records.all(),
    parts.engine.context(),
  );
  if (!nominated.ok) return err(refusalText(nominated.error, locale));

  // The way back from keys to people goes first: the consent requests need it.
  const saved = await parts.links.save({
    item: id,
    authors: Object.fromEntries(authors),
    languages: Object.fromEntries(languages.map(({ author, language }) => [author, language])),
    nominator: request.sender,
    previews: {},
    publicEvents: [],
    topics: [...new Set(request.topics)],
  });
  if (!saved.ok) return err(refusalText({ kind: "matrix", ...saved.error }, locale));
  const begun = await parts.engine.begin(nominated.value, { eventId: request.trigger });
  if (!begun.ok) return err(refusalText(begun.error, locale));
  const texts = textsFor(localeOfUser(config, request.sender));
  return ok(
    texts.nominated(id, authors.size, parts.notices.when(request.sender, begun.value.consentDeadline)),
  );
}
