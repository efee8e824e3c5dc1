/**
 * A crash or power loss while writing must leave either the old file or the new one, never a
 * half-written store: write a temporary file beside the target, flush it, then rename over.
 */
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Writes `data` to `filePath` atomically, readable and writable by the owner only. */
export async function writeFileAtomically(filePath: string, data: Uint8Array): Promise<void> {
  const temp = path.join(
    path.dirname(filePath),
    `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (cause: unknown) {
    await handle.close();
    await rm(temp, { force: true });
    throw cause;
  }
  await handle.close();
  try {
    await rename(temp, filePath);
  } catch (cause: unknown) {
    await rm(temp, { force: true });
    throw cause;
  }
}
