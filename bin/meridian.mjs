#!/usr/bin/env node
// `meridian` on PATH (npm link / npx): re-run the TypeScript CLI on the pinned Node 24,
// because the Node that resolves this file may be older and unable to run TypeScript.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pinned = join(root, "node_modules", "node", "bin", "node");
if (!existsSync(pinned)) {
  process.stderr.write(`meridian: dependencies are not installed; run 'npm install' in ${root} first.\n`);
  process.exit(1);
}
const child = spawn(pinned, [join(root, "bin", "meridian.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.on("SIGTERM", () => child.kill("SIGTERM"));
process.on("SIGINT", () => undefined);
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
