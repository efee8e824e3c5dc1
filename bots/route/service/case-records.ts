/**
 * Case records kept where they belong, in their case room's `org.meridian.case` state, with
 * an in-memory copy of each for routing (open cases per expert) and statistics. The stored
 * content is checked for the fields the router relies on before it is trusted: a state
 * event edited by hand must not crash the bot.
 */
import type { RoomId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure } from "../../runtime/matrix/bot-matrix.ts";
import { CASE_STATE_EVENT, type CaseId, type CaseRecord, parseCaseId } from "../case/index.ts";

const STATES = new Set(["new", "routed", "accepted", "resolved", "closed"]);

/** The record a state event holds, or undefined when it is not one this router wrote. */
export function parseCaseRecord(content: unknown): CaseRecord | undefined {
  if (typeof content !== "object" || content === null) return undefined;
  const record = content as Record<string, unknown>;
  const profile: unknown = record["profile"];
  const valid =
    record["version"] === 1 &&
    typeof record["id"] === "string" &&
    parseCaseId(record["id"]).ok &&
    typeof record["state"] === "string" &&
    STATES.has(record["state"]) &&
    typeof profile === "object" &&
    profile !== null &&
    ["topic", "language", "region", "urgency"].every(
      (key) => typeof (profile as Record<string, unknown>)[key] === "string",
    ) &&
    typeof record["anonymous"] === "boolean" &&
    typeof record["handle"] === "string" &&
    typeof record["position"] === "number" &&
    ["experts", "declined", "tried", "timers", "history"].every((key) => Array.isArray(record[key])) &&
    typeof record["nextGeneration"] === "number" &&
    typeof record["createdAt"] === "number";
  return valid ? (record as unknown as CaseRecord) : undefined;
}

export interface CaseRecords {
  get(caseId: CaseId): CaseRecord | undefined;
  all(): readonly CaseRecord[];
  /** Reads the record from its room into memory. */
  load(roomId: RoomId): Promise<Result<CaseRecord | undefined, MatrixFailure>>;
  /** Keeps a record known to be in its room (e.g. just created with it) in memory. */
  remember(record: CaseRecord): void;
  /** Writes the record to its room, then keeps it in memory. */
  save(roomId: RoomId, record: CaseRecord): Promise<Result<void, MatrixFailure>>;
}

export function createCaseRecords(matrix: BotMatrix): CaseRecords {
  const records = new Map<CaseId, CaseRecord>();
  return {
    get: (caseId) => records.get(caseId),
    all: () => [...records.values()],
    async load(roomId) {
      const read = await matrix.readState(roomId, CASE_STATE_EVENT, "");
      if (!read.ok) return read;
      const record = parseCaseRecord(read.value?.content);
      if (record !== undefined) records.set(record.id, record);
      return ok(record);
    },
    remember(record) {
      records.set(record.id, record);
    },
    async save(roomId, record) {
      const sent = await matrix.sendState(roomId, CASE_STATE_EVENT, "", record);
      if (!sent.ok) return err(sent.error);
      records.set(record.id, record);
      return ok(undefined);
    },
  };
}
