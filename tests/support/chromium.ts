/**
 * Finds a Chromium for browser tests, installing Debian's package when it can: tests must not
 * need a hand-made setup step, and a fresh CI machine may not have one yet. Playwright's own
 * browser download is not used (it fetches from outside the package registries).
 */
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { access, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const CANDIDATES = ["chromium", "chromium-browser"];
const LOCK = join(tmpdir(), "meridian-chromium-install.lock");
/** A lock older than this is left over from a killed install, not a running one. */
const STALE_LOCK_MS = 20 * 60_000;
/** How often a waiting test file looks whether the other one's install finished. */
const LOCK_POLL_MS = 1_000;

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chromium on PATH (or /usr/bin), if any. */
async function findChromium(): Promise<string | undefined> {
  const dirs = [...(process.env["PATH"] ?? "").split(delimiter).filter((dir) => dir !== ""), "/usr/bin"];
  for (const name of CANDIDATES)
    for (const dir of dirs) {
      const path = join(dir, name);
      if (await isExecutable(path)) return path;
    }
  return undefined;
}

async function canInstallWithApt(): Promise<boolean> {
  return process.getuid?.() === 0 && (await isExecutable("/usr/bin/apt-get"));
}

/** Holds the install lock while `work` runs; waits while another process holds it. */
async function withInstallLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      const handle = await open(LOCK, "wx");
      await handle.close();
      break;
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = await stat(LOCK).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(LOCK, { force: true });
      // Another test file is installing: wait for it to finish (there is no event to wait on).
      else await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
  try {
    return await work();
  } finally {
    await rm(LOCK, { force: true });
  }
}

/**
 * The path of a Chromium to launch: `CHROMIUM_PATH`, else `chromium` or `chromium-browser`
 * on PATH, else (as root with apt-get) Debian's `chromium` package, installed once. Throws
 * when there is none and it cannot be installed.
 */
export async function ensureChromium(): Promise<string> {
  const configured = process.env["CHROMIUM_PATH"];
  if (configured !== undefined && configured !== "") {
    if (await isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is set to ${configured}, which is not an executable file.`);
  }
  const found = await findChromium();
  if (found !== undefined) return found;
  if (!(await canInstallWithApt()))
    throw new Error(
      "No Chromium found for the browser tests: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable.",
    );
  return withInstallLock(async () => {
    // The other test file may have installed it while this one waited for the lock.
    const installed = await findChromium();
    if (installed !== undefined) return installed;
    console.log(
      "[chromium] not found; installing Debian's chromium package with apt-get (this takes a few minutes)",
    );
    const apt = { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, maxBuffer: 64 * 1024 * 1024 };
    try {
      await run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], apt);
    } catch {
      // The package lists may be missing or stale on a fresh machine.
      await run("apt-get", ["update"], apt);
      await run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], apt);
    }
    const path = await findChromium();
    if (path === undefined)
      throw new Error("apt-get installed chromium, but no chromium executable was found on PATH.");
    return path;
  });
}
