/**
 * The demo network's secrets (bot passwords, crypto-store keys) are generated once, at random,
 * into the devnet's secrets directory, so a fresh clone needs no manual step and no secret is
 * ever committed. A real deployment writes its own files; this is only for the devnet.
 */
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { listSecretRefs, type NetworkConfig } from "../config/index.ts";

/**
 * Creates each missing secret file with 32 random bytes (base64), readable by the owner only.
 * Existing files are kept: regenerating a bot password would lock the bot out of its account.
 * Returns the files it created.
 */
export async function ensureDemoSecrets(config: NetworkConfig, secretsDir: string): Promise<string[]> {
  const created: string[] = [];
  await mkdir(secretsDir, { recursive: true, mode: 0o700 });
  const files = listSecretRefs(config).flatMap(({ ref }) => ("file" in ref ? [ref.file] : []));
  for (const file of new Set(files)) {
    const path = resolve(secretsDir, file);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    try {
      await writeFile(path, `${randomBytes(32).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
      created.push(path);
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
  }
  return created;
}
