#!/usr/bin/env node
// The entry point of `npm start` and `npm test` on a fresh clone.
//
// Plain JavaScript on purpose: npm runs this with whatever Node the machine has (Debian ships
// Node 20), before the pinned Node 24 from the `node@24` devDependency exists. It installs the
// npm dependencies when they are missing or stale, then hands over to the TypeScript sources
// running on the pinned Node 24. Every failure ends in one sentence saying what to do.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pinnedNode = join(root, "node_modules", "node", "bin", "node");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function fail(sentence) {
  process.stderr.write(`\nmeridian: ${sentence}\n`);
  process.exit(1);
}

function dependenciesAreCurrent() {
  const marker = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(marker) || !existsSync(pinnedNode)) return false;
  const lock = join(root, "package-lock.json");
  return !existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
}

function installDependencies() {
  const hasLock = existsSync(join(root, "package-lock.json"));
  const args = hasLock ? ["ci", "--no-audit", "--no-fund"] : ["install", "--no-audit", "--no-fund"];
  process.stderr.write(`meridian: installing npm dependencies (npm ${args[0]}), first run only...\n`);
  const result = spawnSync(npm, args, { cwd: root, stdio: "inherit" });
  if (result.error)
    fail(`could not run npm (${result.error.message}); install Node.js 22 or newer with npm.`);
  if (result.status !== 0)
    fail(`npm ${args[0]} failed (see above); check that the npm registry is reachable and retry.`);
}

function checkPinnedNode() {
  const result = spawnSync(pinnedNode, ["--version"], { encoding: "utf8" });
  const major = Number(/^v(\d+)/.exec(result.stdout ?? "")?.[1] ?? 0);
  if (result.status !== 0 || major < 22) {
    fail(
      `the pinned Node (${pinnedNode}) does not run here (${(result.stderr || result.stdout || "").trim() || "no output"}); ` +
        "delete node_modules and run the command again, or install Node.js 24.",
    );
  }
}

/** Runs a command on the pinned Node with node_modules/.bin first on PATH; resolves to its exit code. */
function run(args, { forwardSignals = false } = {}) {
  return new Promise((resolve) => {
    const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}` };
    const child = spawn(pinnedNode, args, { cwd: root, stdio: "inherit", env });
    const forward = (signal) => child.kill(signal);
    if (forwardSignals) {
      // Ctrl-C reaches the whole process group anyway; forwarding SIGTERM makes `kill` work too.
      process.on("SIGTERM", forward);
      process.on("SIGINT", () => undefined);
    }
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", (error) => fail(`could not start ${pinnedNode}: ${error.message}`));
  });
}

const command = process.argv[2];
if (command !== "start" && command !== "test") fail("usage: node scripts/bootstrap.mjs start|test");

if (!dependenciesAreCurrent()) installDependencies();
checkPinnedNode();

if (command === "start") {
  process.exit(await run(["bin/meridian.ts", "start", ...process.argv.slice(3)], { forwardSignals: true }));
} else {
  // Type-check and lint first: they are fast and fail with the clearest messages.
  const steps = [
    ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"],
    ["node_modules/eslint/bin/eslint.js", "--max-warnings", "0", "."],
    ["node_modules/prettier/bin/prettier.cjs", "--check", "--log-level", "warn", "."],
    ["node_modules/vitest/vitest.mjs", "run", ...process.argv.slice(3)],
  ];
  for (const step of steps) {
    process.stderr.write(`\nmeridian test: ${step[0].split("/")[1]} ${step.slice(1).join(" ")}\n`);
    const code = await run(step);
    if (code !== 0) process.exit(code);
  }
}
