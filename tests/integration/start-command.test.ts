/**
 * `npm start` as a person runs it (through the real CLI, in a child process): it reaches a
 * state where the hub's /ready answers 200 (Redis, every homeserver and every bot ready) and
 * a demo person of each region can log in on their own homeserver; Ctrl-C stops the hub and
 * the bots and leaves a devnet it did not start running.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { status } from "../../devnet/index.ts";
import { loadTestNetworkConfig } from "../support/devnet-access.ts";
import { waitFor } from "../support/matrix-test-client.ts";
import { REPO_ROOT } from "../support/paths.ts";

const devnetDir = inject("devnetDir");
const devnet = inject("devnet");
const children: Array<ReturnType<typeof spawn>> = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("meridian start", () => {
  it("brings the demo to ready, lets each region's demo person log in, and stops on Ctrl-C", async () => {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, "bin", "meridian.ts"), "start", "--hub-port", "0"],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, MERIDIAN_DEVNET_DIR: devnetDir },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(child);
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const hubUrl = await waitFor<string>(
      (resolve) => {
        const onData = (chunk: Buffer): void => {
          output += chunk.toString();
          const match = /Hub\s+(http:\/\/\S+)/.exec(output);
          if (match?.[1] !== undefined) resolve(match[1]);
        };
        child.stdout.on("data", onData);
        return () => child.stdout.off("data", onData);
      },
      120_000,
      "the hub URL in the output of meridian start",
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\noutput so far:\n${output}`);
    });

    const ready = await fetch(`${hubUrl}/ready`);
    expect(ready.status, await ready.clone().text()).toBe(200);
    const body = (await ready.json()) as { checks: Record<string, string> };
    const config = await loadTestNetworkConfig();
    expect(Object.keys(body.checks).sort()).toEqual(
      [
        "redis",
        ...config.regions.map((r) => `homeserver:${r.id}`),
        "bot:convene",
        "bot:digest",
        "bot:route",
      ].sort(),
    );

    const metrics = await (await fetch(`${hubUrl}/metrics`)).text();
    for (const bot of ["convene", "route", "digest"])
      expect(metrics).toContain(`meridian_bot_synced{bot="${bot}"} 1`);

    for (const region of config.regions) {
      const person = config.people.find((p) => p.region === region.id);
      const account = devnet.accounts.find((a) => a.userId === person?.userId);
      expect(account, `a demo account for a person in ${region.id}`).toBeDefined();
      const login = await fetch(`${region.homeserver.clientUrl}/_matrix/client/v3/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          type: "m.login.password",
          identifier: { type: "m.id.user", user: account!.userId },
          password: account!.password,
        }),
      });
      expect(login.status, `login of ${account!.userId}`).toBe(200);
    }

    const exited = new Promise<number | null>((resolve) =>
      child.once("exit", (code) => {
        resolve(code);
      }),
    );
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    // It did not start the devnet, so it must leave it running for the other tests.
    const after = await status(devnetDir);
    expect(after.homeservers.filter((hs) => hs.health === "healthy").length).toBeGreaterThanOrEqual(
      config.regions.length,
    );
  });
});
