/**
 * Files a bot keeps on disk (session, crypto store snapshot, recovery key) are sealed with
 * AES-256-GCM. Each purpose gets its own key, derived from the store key with HKDF, so one
 * key never encrypts two kinds of file and a file of one kind cannot be passed off as another.
 *
 * Layout: "MRD1" | 12-byte IV | 16-byte GCM tag | ciphertext.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { type Result, ok, err } from "../../../lib/result.ts";

/** What a sealed file is for; also the HKDF info and the GCM associated data. */
export type SealPurpose = "session" | "crypto-store" | "crypto-store-log" | "sync-store" | "recovery-key";

const MAGIC = Buffer.from("MRD1", "ascii");
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + IV_BYTES + TAG_BYTES;

/** Why a sealed blob could not be opened. */
export type UnsealError =
  | { readonly kind: "not-sealed" } // not our format at all (truncated, or some other file)
  | { readonly kind: "wrong-key-or-damaged" }; // GCM authentication failed

function purposeKey(storeKey: Uint8Array, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", storeKey, Buffer.alloc(0), `meridian/${purpose}/v1`, 32));
}

/** Encrypts `plaintext` for `purpose` under a key derived from `storeKey`. */
export function seal(storeKey: Uint8Array, purpose: SealPurpose, plaintext: Uint8Array): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", purposeKey(storeKey, purpose), iv);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), ciphertext]);
}

/** Decrypts a blob made by {@link seal} with the same key and purpose. */
export function unseal(
  storeKey: Uint8Array,
  purpose: SealPurpose,
  sealed: Uint8Array,
): Result<Buffer, UnsealError> {
  const blob = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (blob.length < HEADER_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) {
    return err({ kind: "not-sealed" });
  }
  const iv = blob.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = blob.subarray(MAGIC.length + IV_BYTES, HEADER_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", purposeKey(storeKey, purpose), iv);
    decipher.setAAD(Buffer.from(purpose, "utf8"));
    decipher.setAuthTag(tag);
    return ok(Buffer.concat([decipher.update(blob.subarray(HEADER_BYTES)), decipher.final()]));
  } catch {
    return err({ kind: "wrong-key-or-damaged" });
  }
}
