/**
 * The bot's secret storage recovery key, sealed with the store key. It lives beside the state
 * directory, not inside it, so that losing the state directory (and with it the crypto store)
 * leaves the key that unlocks the cross-signing keys and the room key backup. The stored text
 * is the standard encoded recovery key ("EsT1 ..."), which an operator could also type into a
 * Matrix client to recover the bot's account by hand.
 */
import { readFile } from "node:fs/promises";
import { decodeRecoveryKey } from "matrix-js-sdk/lib/crypto-api/index.js";
import { type Result, ok, err } from "../../../lib/result.ts";
import { seal, unseal } from "./encrypt-at-rest.ts";
import { errnoCode } from "./errno-code.ts";
import { writeFileAtomically } from "./write-file-atomically.ts";

/** Why a recovery key file could not be read (a missing file is `ok(undefined)`). */
export type RecoveryKeyFileError =
  | { readonly kind: "undecryptable" }
  | { readonly kind: "malformed" }
  | { readonly kind: "unreadable"; readonly code: string };

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
  let sealed: Buffer;
  try {
    sealed = await readFile(filePath);
  } catch (cause: unknown) {
    const code = errnoCode(cause);
    return code === "ENOENT" ? ok(undefined) : err({ kind: "unreadable", code });
  }
  const opened = unseal(storeKey, "recovery-key", sealed);
  if (!opened.ok) return err({ kind: "undecryptable" });
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
