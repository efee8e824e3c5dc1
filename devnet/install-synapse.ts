/**
 * Install the pinned Synapse into a virtualenv in the user's cache directory, shared by every
 * clone, test run and CI job on the machine, so only the very first run pays for pip.
 *
 * Atomicity: a venv cannot be built elsewhere and renamed (pip bakes absolute paths into its
 * scripts), so a marker file written last says "complete". A venv without the marker (an
 * interrupted install, or one made by hand with the same layout) is probed once: if the pinned
 * Synapse imports, it is adopted; otherwise it is rebuilt.
 */
import { appendFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError } from "./types.ts";
import { findPython } from "./find-python.ts";
import { takeLock } from "./take-lock.ts";
import { runCommand, lastLines } from "./run-command.ts";

/** The Synapse release every devnet runs. Bump deliberately: the venv is keyed by it. */
export const SYNAPSE_VERSION = "1.163.2";

const MARKER = ".meridian-install-complete";

export interface SynapseInstall {
  /** `<cache>/synapse-<version>`. */
  dir: string;
  /** The venv's interpreter: run Synapse as `python -m synapse.app.homeserver`. */
  python: string;
}

/** `${MERIDIAN_CACHE_DIR ?? (XDG_CACHE_HOME ?? ~/.cache)/meridian}/synapse-<version>`. */
export function synapseInstallDir(
  env: NodeJS.ProcessEnv = process.env,
  version: string = SYNAPSE_VERSION,
): string {
  const base =
    nonEmpty(env["MERIDIAN_CACHE_DIR"]) ??
    join(nonEmpty(env["XDG_CACHE_HOME"]) ?? join(homedir(), ".cache"), "meridian");
  return join(base, `synapse-${version}`);
}

/**
 * Returns the installed Synapse, installing it first if needed (progress goes to `log`).
 * Safe to call from several processes at once: a lock directory serialises installers.
 */
export async function ensureSynapseInstalled(
  deps: { log: (line: string) => void },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Result<SynapseInstall, DevnetError>> {
  const dir = synapseInstallDir(env);
  const venv = join(dir, "venv");
  const python = join(venv, "bin", "python");
  const install: SynapseInstall = { dir, python };
  if (await isComplete(venv, python)) return ok(install);

  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    return err({
      kind: "io-failed",
      message: `Cannot create the Synapse cache directory ${dir}: ${String(cause)}.`,
      cause,
    });
  }
  const release = await takeLock(join(dir, "install.lock"), {
    waitMs: 20 * 60_000,
    onWait: (holder) => {
      deps.log(
        `Waiting for another process (pid ${holder}) that is installing Synapse ${SYNAPSE_VERSION}...`,
      );
    },
  });
  if (!release.ok) return release;
  try {
    // Another process may have finished the install while we waited for the lock.
    if (await isComplete(venv, python)) return ok(install);
    if (await exists(python)) {
      const probe = await probeSynapse(python);
      if (probe) {
        await writeFile(join(venv, MARKER), `${SYNAPSE_VERSION}\n`);
        return ok(install);
      }
    }
    const built = await buildVenv(dir, venv, python, deps.log);
    return built.ok ? ok(install) : built;
  } finally {
    await release.value();
  }
}

async function buildVenv(
  dir: string,
  venv: string,
  python: string,
  log: (line: string) => void,
): Promise<Result<void, DevnetError>> {
  const host = await findPython();
  if (!host.ok) return host;
  const pipLog = join(dir, "pip.log");
  log(
    `Installing Synapse ${SYNAPSE_VERSION} (the Matrix homeserver the devnet runs) into ${venv}. ` +
      `This happens once per machine and takes a minute or two; later runs reuse it.`,
  );
  await rm(venv, { recursive: true, force: true });
  await writeFile(
    pipLog,
    `# ${new Date().toISOString()} install matrix-synapse==${SYNAPSE_VERSION} with ${host.value.command} ${host.value.version}\n`,
  );
  const made = await runCommand(host.value.command, ["-m", "venv", venv]);
  if (made.code !== 0) {
    await appendFile(pipLog, made.output);
    return err({
      kind: "venv-missing",
      message: `"${host.value.command} -m venv ${venv}" failed (see ${pipLog}): ${lastLines(made.output, 5)}. Install python3-venv (Debian/Ubuntu: apt-get install python3-venv).`,
    });
  }
  const pip = await runCommand(
    python,
    [
      "-m",
      "pip",
      "install",
      "--disable-pip-version-check",
      "--no-input",
      "--progress-bar",
      "off",
      `matrix-synapse==${SYNAPSE_VERSION}`,
    ],
    {
      env: { ...process.env, PIP_NO_INPUT: "1" },
      onLine: (line) => {
        log(`pip: ${line}`);
      },
    },
  );
  await appendFile(pipLog, pip.output);
  if (pip.code !== 0) {
    return err({
      kind: "pip-failed",
      logFile: pipLog,
      message:
        `pip could not install matrix-synapse==${SYNAPSE_VERSION} (full output in ${pipLog}); last lines:\n${lastLines(pip.output, 10)}\n` +
        `Check network access to PyPI (or set PIP_INDEX_URL), then run again.`,
    });
  }
  if (!(await probeSynapse(python))) {
    return err({
      kind: "pip-failed",
      logFile: pipLog,
      message: `pip finished but Synapse ${SYNAPSE_VERSION} does not import from ${venv}; delete that directory and run again.`,
    });
  }
  // Written last: its presence is what "installed" means.
  await writeFile(join(venv, MARKER), `${SYNAPSE_VERSION}\n`);
  log(`Synapse ${SYNAPSE_VERSION} installed.`);
  return ok(undefined);
}

async function isComplete(venv: string, python: string): Promise<boolean> {
  try {
    const marker = await readFile(join(venv, MARKER), "utf8");
    // stat follows the symlink: a venv whose base interpreter was removed is not usable.
    return marker.trim() === SYNAPSE_VERSION && (await exists(python));
  } catch {
    return false;
  }
}

/** True when the venv imports the homeserver app at exactly the pinned version. */
async function probeSynapse(python: string): Promise<boolean> {
  const probe = await runCommand(
    python,
    ["-c", "import synapse, synapse.app.homeserver; print(synapse.__version__)"],
    { timeoutMs: 120_000 },
  );
  return probe.code === 0 && probe.output.trim().split("\n").pop() === SYNAPSE_VERSION;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
