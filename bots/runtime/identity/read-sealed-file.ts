/**
 * Reading one of the bot's sealed files (session, crypto store, recovery key): absent is not
 * an error, and each failure says which kind it is so the caller can tell the operator
 * whether the file is missing, unreadable, sealed with another store key, or damaged.
 */
import { readFile } from "node:fs/promises";
import { type Result, err, ok } from "../../../lib/result.ts";
import { type SealPurpose, unseal } from "./encrypt-at-rest.ts";
import { errnoCode } from "./errno-code.ts";

/** Why a sealed file could not be used. */
export type SealedFileError =
  | { readonly kind: "undecryptable" } // wrong store key, or the file was damaged
  | { readonly kind: "malformed" } // decrypted, but not what it should hold
  | { readonly kind: "unreadable"; readonly code: string };

/** Reads and decrypts `filePath`; `ok(undefined)` when there is no such file. */
export async function readSealedFile(
  filePath: string,
  storeKey: Uint8Array,
  purpose: SealPurpose,
): Promise<Result<Buffer | undefined, SealedFileError>> {
  let sealed: Buffer;
  try {
    sealed = await readFile(filePath);
  } catch (cause: unknown) {
    const code = errnoCode(cause);
    return code === "ENOENT" ? ok(undefined) : err({ kind: "unreadable", code });
  }
  const opened = unseal(storeKey, purpose, sealed);
  return opened.ok ? ok(opened.value) : err({ kind: "undecryptable" });
}
