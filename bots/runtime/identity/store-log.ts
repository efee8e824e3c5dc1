/**
 * The crypto store's change log: what changed since the last full snapshot, appended as one
 * sealed segment per save (incremental-store.ts). Appending a few records and flushing is what
 * makes saving before every sent message affordable.
 *
 * File layout: a sequence of frames, each a 4-byte big-endian length and a sealed segment. A
 * crash while appending leaves a short last frame: the request that save was guarding was
 * never sent, so that frame is dropped. A whole frame that does not decrypt is damage (or a
 * different store key) and is reported, never skipped, since later frames may depend on it.
 *
 * Each segment names the snapshot generation it extends and its place in the sequence; the
 * loader applies only the unbroken run that belongs to the snapshot it loaded, so a log left
 * over from before a compaction (or from a discarded store) is never replayed onto another.
 */
import { open, readFile } from "node:fs/promises";
import { deserialize, serialize } from "node:v8";
import { type Result, err, ok } from "../../../lib/result.ts";
import { seal, unseal } from "./encrypt-at-rest.ts";
import { errnoCode } from "./errno-code.ts";
import type { SealedFileError } from "./read-sealed-file.ts";

/** The changes to one object store: whole (replace) or record by record. */
export interface StoreChanges {
  readonly name: string;
  /** True: the store holds exactly `keys`/`values` (it was cleared or range-deleted). */
  readonly replace: boolean;
  readonly keys: readonly IDBValidKey[];
  readonly values: readonly unknown[];
  readonly deleted: readonly IDBValidKey[];
}

/** The changes to one database, under its stored name. */
export interface DatabaseChanges {
  readonly name: string;
  readonly stores: readonly StoreChanges[];
}

/** One save's changes. */
export interface LogSegment {
  readonly format: 1;
  /** The snapshot generation this segment extends. */
  readonly generation: string;
  /** 1 for the first segment after that snapshot, then 2, 3… */
  readonly seq: number;
  readonly databases: readonly DatabaseChanges[];
}

const LENGTH_BYTES = 4;

/** A segment sealed and framed, ready to append. */
export function frameSegment(storeKey: Uint8Array, segment: LogSegment): Buffer {
  const sealed = seal(storeKey, "crypto-store-log", serialize(segment));
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(sealed.length);
  return Buffer.concat([length, sealed]);
}

/** Appends `frame` to the log and flushes it to disk before returning. */
export async function appendFrame(filePath: string, frame: Uint8Array): Promise<void> {
  const handle = await open(filePath, "a", 0o600);
  try {
    await handle.write(frame);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

function asSegment(value: unknown): LogSegment | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const candidate = value as Partial<LogSegment>;
  return candidate.format === 1 &&
    typeof candidate.generation === "string" &&
    typeof candidate.seq === "number" &&
    Array.isArray(candidate.databases)
    ? (value as LogSegment)
    : undefined;
}

/** The segments of a log file in order (none if there is no file); a torn last frame is dropped. */
export async function readLog(
  filePath: string,
  storeKey: Uint8Array,
): Promise<Result<LogSegment[], SealedFileError>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (cause: unknown) {
    const code = errnoCode(cause);
    return code === "ENOENT" ? ok([]) : err({ kind: "unreadable", code });
  }
  const segments: LogSegment[] = [];
  let offset = 0;
  while (offset + LENGTH_BYTES <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + LENGTH_BYTES + length;
    if (end > bytes.length) break; // torn by a crash mid-append
    const opened = unseal(storeKey, "crypto-store-log", bytes.subarray(offset + LENGTH_BYTES, end));
    if (!opened.ok) return err({ kind: "undecryptable" });
    let value: unknown;
    try {
      value = deserialize(opened.value);
    } catch {
      return err({ kind: "malformed" });
    }
    const segment = asSegment(value);
    if (segment === undefined) return err({ kind: "malformed" });
    segments.push(segment);
    offset = end;
  }
  return ok(segments);
}

/** The unbroken run of segments 1, 2, 3… that extends `generation`. */
export function segmentsOf(segments: readonly LogSegment[], generation: string): LogSegment[] {
  const run: LogSegment[] = [];
  for (const segment of segments) {
    if (segment.generation !== generation) continue;
    if (segment.seq !== run.length + 1) break;
    run.push(segment);
  }
  return run;
}
