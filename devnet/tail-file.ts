/** The last lines of a log file, for error messages that point at the cause. */
import { open } from "node:fs/promises";
import { lastLines } from "./run-command.ts";

/** Reads at most the final 16 KiB; returns "" when the file is missing or empty. */
export async function tailFile(path: string, lines = 15): Promise<string> {
  try {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, 16 * 1024);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      return lastLines(buffer.toString("utf8"), lines);
    } finally {
      await handle.close();
    }
  } catch {
    return "";
  }
}
