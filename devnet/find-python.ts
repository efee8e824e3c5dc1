/**
 * Find a Python able to host Synapse: >= 3.10 with a working `venv` module. Debian splits
 * `venv`/`ensurepip` into python3-venv, so "python3 exists" is not enough.
 */
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError } from "./types.ts";
import { runCommand } from "./run-command.ts";

const MIN_MINOR = 10;
// python3 first; the versioned names catch machines whose default python3 is too old.
const CANDIDATES = ["python3", "python3.13", "python3.12", "python3.11", "python3.10", "python"];

export interface FoundPython {
  command: string;
  version: string;
}

/** The first candidate interpreter that is new enough and can create virtual environments. */
export async function findPython(): Promise<Result<FoundPython, DevnetError>> {
  const seen: string[] = [];
  for (const command of CANDIDATES) {
    const probe = await runCommand(command, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"]);
    if (probe.code !== 0) continue;
    const version = probe.output.trim();
    const [major, minor] = version.split(".").map(Number);
    if (major !== 3 || minor === undefined || minor < MIN_MINOR) {
      seen.push(`${command} is ${version}`);
      continue;
    }
    const venv = await runCommand(command, ["-c", "import venv, ensurepip"]);
    if (venv.code !== 0) {
      return err({
        kind: "venv-missing",
        message:
          `${command} (${version}) cannot create virtual environments (the venv/ensurepip modules are missing): ` +
          `install python3-venv (Debian/Ubuntu: apt-get install python3-venv).`,
      });
    }
    return ok({ command, version });
  }
  const found = seen.length > 0 ? ` (found: ${seen.join(", ")})` : "";
  return err({
    kind: "python-missing",
    message:
      `Synapse needs Python >= 3.${MIN_MINOR}${found}: install python3 and python3-venv ` +
      `(Debian/Ubuntu: apt-get install python3 python3-venv; macOS: brew install python).`,
  });
}
