/**
 * Reads a thread as it stands: its root and replies, decrypted, each message with its latest
 * edit applied and deleted ones left out. For a bot that quotes a thread (the digest bot),
 * which must quote what people say now, not what they first wrote. Content stays in memory.
 */
import { Direction, MatrixEvent, type IEvent, type MatrixClient } from "matrix-js-sdk";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, ok } from "../../../lib/result.ts";
import type { MatrixFailure, MessageContent } from "./bot-matrix.ts";
import type { MatrixRequest } from "./matrix-request.ts";

/** One message of a thread, as it reads now. */
export interface ThreadMessage {
  readonly eventId: EventId;
  readonly sender: UserId;
  /** The current content: the latest edit's `m.new_content` when edited. */
  readonly content: MessageContent;
  readonly edited: boolean;
  readonly originServerTs: number;
}

/** A thread longer than this is cut (the digest quotes at most 100 messages anyway). */
const MAX_PAGES = 5;
const PAGE = 100;

async function decrypted(client: MatrixClient, raw: Partial<IEvent>): Promise<MatrixEvent> {
  const event = new MatrixEvent(raw);
  await client.decryptEventIfNeeded(event);
  return event;
}

function hasEdit(raw: Partial<IEvent>): boolean {
  const relations = (raw.unsigned as Record<string, unknown> | undefined)?.["m.relations"];
  return typeof relations === "object" && relations !== null && "m.replace" in relations;
}

/** The latest edit by the original sender, as content to show; undefined when none reads. */
async function latestEdit(
  client: MatrixClient,
  request: MatrixRequest,
  roomId: RoomId,
  original: MatrixEvent,
): Promise<MessageContent | undefined> {
  const edits = await request("read edits", () =>
    client.fetchRelations(roomId, original.getId() ?? "", "m.replace", null, { dir: Direction.Backward }),
  );
  if (!edits.ok) return undefined;
  let latest: { ts: number; content: MessageContent } | undefined;
  for (const raw of edits.value.chunk) {
    const event = await decrypted(client, raw);
    if (event.getSender() !== original.getSender() || event.isDecryptionFailure()) continue;
    const newContent: unknown = event.getContent()["m.new_content"];
    if (typeof newContent !== "object" || newContent === null) continue;
    if (latest === undefined || event.getTs() > latest.ts)
      latest = { ts: event.getTs(), content: newContent as MessageContent };
  }
  return latest?.content;
}

async function readOne(
  client: MatrixClient,
  request: MatrixRequest,
  roomId: RoomId,
  raw: Partial<IEvent>,
): Promise<ThreadMessage | undefined> {
  const event = await decrypted(client, raw);
  if (event.isDecryptionFailure() || event.getType() !== "m.room.message" || event.isRedacted())
    return undefined;
  const content = event.getContent();
  // A message deleted after it was sent has empty content; an edit event is not a message.
  if (typeof content["body"] !== "string" || event.isRelation("m.replace")) return undefined;
  const edit = hasEdit(raw) ? await latestEdit(client, request, roomId, event) : undefined;
  return {
    eventId: event.getId() as EventId,
    sender: event.getSender() as UserId,
    content: edit ?? content,
    edited: edit !== undefined,
    originServerTs: event.getTs(),
  };
}

/**
 * The thread under `root` in order, root first. Messages that cannot be decrypted are left
 * out (the caller can compare counts); a refused request comes back as a failure.
 */
export async function readThread(
  client: MatrixClient,
  request: MatrixRequest,
  roomId: RoomId,
  root: EventId,
): Promise<Result<readonly ThreadMessage[], MatrixFailure>> {
  const rootRaw = await request("read thread root", () => client.fetchRoomEvent(roomId, root));
  if (!rootRaw.ok) return rootRaw;
  const replies: Partial<IEvent>[] = [];
  let from: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const batch = await request("read thread", () =>
      client.fetchRelations(roomId, root, "m.thread", null, {
        dir: Direction.Forward,
        limit: PAGE,
        ...(from === undefined ? {} : { from }),
      }),
    );
    if (!batch.ok) return batch;
    replies.push(...batch.value.chunk);
    from = batch.value.next_batch;
    if (from === undefined) break;
  }
  const messages: ThreadMessage[] = [];
  for (const raw of [rootRaw.value, ...replies]) {
    const message = await readOne(client, request, roomId, raw);
    if (message !== undefined) messages.push(message);
  }
  return ok(messages.sort((a, b) => a.originServerTs - b.originServerTs));
}
