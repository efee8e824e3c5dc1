/**
 * The bot's secret storage recovery key, sealed with the store key. It lives beside the state
 * directory, not inside it, so that losing the state directory (and with it the crypto store)
 * leaves the key that unlocks the cross-signing keys and the room key backup. The stored text
 * is the standard encoded recovery key ("EsT1 ..."), which an operator could also type into a
 * Matrix client to recover the bot's account by hand.
 */
import { readSealedFile, type SealedFileError } from "./read-sealed-file.ts";
import { decodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import { type Result, ok, err } from "../../../lib/result.ts";
import { seal } from "./encrypt-at-rest.ts";
import { writeFileAtomically } from "./write-file-atomically.ts";

/** Why a recovery key file could not be read (a missing file is `ok(undefined)`). */
export type RecoveryKeyFileError = SealedFileError;

/** A recovery key, both as the encoded text and as the raw secret storage key. */
export interface RecoveryKey {
  readonly encoded: string;
  readonly privateKey: Uint8Array<ArrayBuffer>;
}

/** Reads the recovery key file; `ok(undefined)` when there is none. */
export async function readRecoveryKeyFile(
  filePath: string,
  storeKey: Uint8Array,
): Promise<Result<RecoveryKey | undefined, RecoveryKeyFileError>> {
  const opened = await readSealedFile(filePath, storeKey, "recovery-key");
  if (!opened.ok) return opened;
  if (opened.value === undefined) return ok(undefined);
  const encoded = opened.value.toString("utf8");
  try {
    return ok({ encoded, privateKey: decodeRecoveryKey(encoded) });
  } catch {
    return err({ kind: "malformed" });
  }
}

/** Seals and writes the encoded recovery key atomically (mode 600). */
export async function writeRecoveryKeyFile(
  filePath: string,
  storeKey: Uint8Array,
  encoded: string,
): Promise<void> {
  await writeFileAtomically(filePath, seal(storeKey, "recovery-key", Buffer.from(encoded, "utf8")));
}
