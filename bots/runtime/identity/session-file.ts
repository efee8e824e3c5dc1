/**
 * The stored login of a bot: user id, device id and access token, sealed at rest. Kept so a
 * restart reuses the same device (a new login would create a new device, and a device id is
 * only valid together with the crypto store made for it).
 */
import { readSealedFile, type SealedFileError } from "./read-sealed-file.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { seal } from "./encrypt-at-rest.ts";
import { writeFileAtomically } from "./write-file-atomically.ts";

/** What a bot needs to resume its Matrix login without a password. */
export interface StoredSession {
  readonly userId: string;
  readonly deviceId: string;
  readonly accessToken: string;
}

/** Why a session file could not be read (a missing file is `ok(undefined)`, not an error). */
export type SessionFileError = SealedFileError;

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record["userId"] === "string" &&
    typeof record["deviceId"] === "string" &&
    typeof record["accessToken"] === "string"
  );
}

/** Reads and decrypts the session file; `ok(undefined)` when there is none yet. */
export async function readSessionFile(
  filePath: string,
  storeKey: Uint8Array,
): Promise<Result<StoredSession | undefined, SessionFileError>> {
  const opened = await readSealedFile(filePath, storeKey, "session");
  if (!opened.ok) return opened;
  if (opened.value === undefined) return ok(undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(opened.value.toString("utf8"));
  } catch {
    return err({ kind: "malformed" });
  }
  if (!isStoredSession(parsed)) return err({ kind: "malformed" });
  return ok({ userId: parsed.userId, deviceId: parsed.deviceId, accessToken: parsed.accessToken });
}

/** Seals and writes the session file atomically (mode 600). */
export async function writeSessionFile(
  filePath: string,
  storeKey: Uint8Array,
  session: StoredSession,
): Promise<void> {
  const json = JSON.stringify({
    userId: session.userId,
    deviceId: session.deviceId,
    accessToken: session.accessToken,
  });
  await writeFileAtomically(filePath, seal(storeKey, "session", Buffer.from(json, "utf8")));
}
