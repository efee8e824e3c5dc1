/**
 * The devnet's state file, `<dir>/state.json`: the only link between the `up` that started
 * processes and a later `status`/`down` in another process.
 */
import { readFile, rename, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { DevnetState } from "./types.ts";

export function stateFile(dir: string): string {
  return join(dir, "state.json");
}

/** The recorded state, or undefined when the devnet was never started here (or the file is unreadable). */
export async function readState(dir: string): Promise<DevnetState | undefined> {
  let text: string;
  try {
    text = await readFile(stateFile(dir), "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Writes via a temporary file and rename, so a reader never sees half a file. Mode 600: it holds passwords. */
export async function writeState(dir: string, state: DevnetState): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temporary = `${stateFile(dir)}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, stateFile(dir));
}

// The file is ours, so a shape check (not a full schema) guards against other versions' files.
function isState(value: unknown): value is DevnetState {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    Array.isArray(record["homeservers"]) &&
    Array.isArray(record["accounts"]) &&
    typeof record["redis"] === "object" &&
    record["redis"] !== null
  );
}
