/**
 * Job payloads hold ids only (room, user, event, meeting ids) and small scalars.
 *
 * Why: BullMQ stores payloads in Redis in plain text, keeps them for retries and failed-job
 * inspection, and Redis may be persisted to disk and backed up. Meridian's rooms are end-to-end
 * encrypted; a message body copied into a job would leave that protection and outlive the
 * room's retention. A handler therefore refetches (and decrypts) what it needs by id.
 *
 * The guard cannot prove a string is an id, so it rejects what a body would look like: any
 * string longer than MAX_PAYLOAD_STRING_LENGTH and any field named like message content.
 * A rejection is a bug in the caller, hence an exception rather than a Result.
 */

export const MAX_PAYLOAD_STRING_LENGTH = 200;
const MAX_DEPTH = 4;
const MAX_ENTRIES = 100;
const FORBIDDEN_FIELD = /^(body|formatted_?body|text|content|message|html|plaintext|ciphertext)$/i;

/** A payload broke the ids-only rule; `path` names the offending field, e.g. `payload.items[2]`. */
export class JobPayloadError extends Error {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`job payload ${path}: ${problem} (payloads hold ids only; refetch content by id in the handler)`);
    this.name = "JobPayloadError";
    this.path = path;
  }
}

function check(value: unknown, path: string, depth: number): void {
  if (value === null || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new JobPayloadError(path, "numbers must be finite");
    return;
  }
  if (typeof value === "string") {
    if (value.length > MAX_PAYLOAD_STRING_LENGTH)
      throw new JobPayloadError(
        path,
        `string of ${value.length} characters (max ${MAX_PAYLOAD_STRING_LENGTH})`,
      );
    return;
  }
  if (depth >= MAX_DEPTH) throw new JobPayloadError(path, `nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    if (value.length > MAX_ENTRIES)
      throw new JobPayloadError(path, `array of more than ${MAX_ENTRIES} items`);
    value.forEach((item: unknown, index) => {
      check(item, `${path}[${index}]`, depth + 1);
    });
    return;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    if (entries.length > MAX_ENTRIES) throw new JobPayloadError(path, `more than ${MAX_ENTRIES} fields`);
    for (const [key, item] of entries) {
      if (FORBIDDEN_FIELD.test(key))
        throw new JobPayloadError(`${path}.${key}`, "field named like message content");
      if (item !== undefined) check(item, `${path}.${key}`, depth + 1);
    }
    return;
  }
  // Dates, Maps, class instances and functions do not survive JSON round trips unchanged.
  throw new JobPayloadError(
    path,
    `${typeof value === "object" ? "non-plain object" : typeof value} is not allowed`,
  );
}

/** Throws JobPayloadError unless `payload` is a plain object of ids and small scalars. */
export function assertIdsOnlyPayload(payload: unknown): void {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    throw new JobPayloadError("payload", "must be a plain object");
  check(payload, "payload", 0);
}
