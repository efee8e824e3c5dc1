/**
 * Is a recorded pid still the process we started? Pids are recycled (after a reboot the state
 * file may name some unrelated process), so before signalling anything we also compare its
 * command line with what we launched.
 */
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** True if the pid exists and is not a zombie. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (cause) {
    // EPERM: it exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    // Field 3 of /proc/<pid>/stat is the state; the command name before it may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // No /proc (macOS): kill(0) is all we have.
  }
}

/** The process's command line, or undefined when it is gone or unreadable. */
export function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    try {
      return (
        execFileSync("ps", ["-p", String(pid), "-o", "command="], { encoding: "utf8" }).trim() || undefined
      );
    } catch {
      return undefined;
    }
  }
}

/** Alive, and its command line contains every one of `needles` (e.g. the config path we passed). */
export function isOurProcess(pid: number | undefined, needles: readonly string[]): pid is number {
  if (pid === undefined || !isProcessAlive(pid)) return false;
  const commandLine = commandLineOf(pid);
  return commandLine !== undefined && needles.every((needle) => commandLine.includes(needle));
}
