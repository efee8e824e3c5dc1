/**
 * Digest item records, kept in the steering room's `org.meridian.digest.item` state (state
 * key: the item id), with an in-memory copy of each. Only records the bot itself wrote are
 * trusted: a steering member can send state too (their power level allows it), and a record
 * written by hand in "published" must not publish anything. The content is checked for the
 * fields the bot relies on, so a malformed one is skipped rather than crashing the bot.
 */
import type { RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure } from "../../runtime/matrix/bot-matrix.ts";
import {
  DIGEST_ITEM_STATE_EVENT,
  type DigestItem,
  type DigestItemId,
  END_STATES,
  LIVE_STATES,
  parseItemId,
} from "../item/index.ts";

const STATES = new Set<string>([...LIVE_STATES, ...END_STATES]);
const LISTS = ["messages", "authors", "reviews", "timers", "history", "audit"] as const;
const NUMBERS = ["consentDeadline", "preview", "nextGeneration", "createdAt", "updatedAt"] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The record a state event holds, or undefined when it is not a well-formed one. */
export function parseDigestItem(content: unknown): DigestItem | undefined {
  if (!isObject(content)) return undefined;
  const id = content["id"];
  const valid =
    content["version"] === 1 &&
    typeof id === "string" &&
    parseItemId(id).ok &&
    typeof content["state"] === "string" &&
    STATES.has(content["state"]) &&
    typeof content["source"] === "string" &&
    typeof content["root"] === "string" &&
    typeof content["nominatedBy"] === "string" &&
    LISTS.every((key) => Array.isArray(content[key])) &&
    NUMBERS.every((key) => typeof content[key] === "number") &&
    (content["messages"] as unknown[]).every(
      (message) =>
        isObject(message) && typeof message["event"] === "string" && typeof message["author"] === "string",
    ) &&
    (content["authors"] as unknown[]).every(
      (author) =>
        isObject(author) && typeof author["author"] === "string" && typeof author["consent"] === "string",
    ) &&
    (content["reviews"] as unknown[]).every(
      (review) =>
        isObject(review) &&
        typeof review["preview"] === "number" &&
        Array.isArray(review["approvals"]) &&
        Array.isArray(review["vetoes"]),
    ) &&
    (content["redaction"] === undefined ||
      (isObject(content["redaction"]) &&
        typeof content["redaction"]["preview"] === "number" &&
        typeof content["redaction"]["digest"] === "string"));
  return valid ? (content as unknown as DigestItem) : undefined;
}

export interface ItemRecords {
  get(item: DigestItemId): DigestItem | undefined;
  all(): readonly DigestItem[];
  /** Reads every record the bot wrote in the steering room into memory; returns how many were skipped. */
  loadAll(steeringRoom: RoomId): Promise<Result<number, MatrixFailure>>;
  /** Writes the record to the steering room, then keeps it in memory. */
  save(steeringRoom: RoomId, record: DigestItem): Promise<Result<void, MatrixFailure>>;
}

export function createItemRecords(matrix: BotMatrix, botUserId: UserId): ItemRecords {
  const records = new Map<DigestItemId, DigestItem>();
  return {
    get: (item) => records.get(item),
    all: () => [...records.values()],
    async loadAll(steeringRoom) {
      const read = await matrix.readStateOfType(steeringRoom, DIGEST_ITEM_STATE_EVENT);
      if (!read.ok) return read;
      let skipped = 0;
      for (const event of read.value) {
        const record = event.sender === botUserId ? parseDigestItem(event.content) : undefined;
        if (record === undefined || record.id !== event.stateKey) {
          // An emptied event (content {}) is how state is deleted: not worth counting.
          if (Object.keys(event.content).length > 0) skipped++;
          continue;
        }
        records.set(record.id, record);
      }
      return ok(skipped);
    },
    async save(steeringRoom, record) {
      const sent = await matrix.sendState(steeringRoom, DIGEST_ITEM_STATE_EVENT, record.id, record);
      if (!sent.ok) return err(sent.error);
      records.set(record.id, record);
      return ok(undefined);
    },
  };
}
