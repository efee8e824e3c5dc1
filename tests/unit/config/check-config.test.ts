import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfig, listSecretRefs } from "../../../config/index.ts";
import { EXAMPLE_PATH, EXAMPLE_TEXT, loadExample } from "./example-config.ts";

describe("checkConfig", () => {
  it("summarises a valid config and warns about missing secrets without failing", async () => {
    const secretsDir = await mkdtemp(path.join(tmpdir(), "meridian-check-"));
    const refs = listSecretRefs(loadExample());
    for (const { ref } of refs.slice(1)) {
      if ("file" in ref) await writeFile(path.join(secretsDir, ref.file), "s3cret-value\n");
    }
    const { exitCode, report } = await checkConfig(EXAMPLE_PATH, { secretsDir, env: {} });
    expect(exitCode).toBe(0);
    expect(report).toContain("3 regions, 5 networks, 11 rooms, 12 people, 4 bots");
    expect(report).toContain(`secrets: ${refs.length} referenced, ${refs.length - 1} readable`);
    expect(report).toContain('warning: bots.convene.password: secret file "convene-bot.password"');
    expect(report).not.toContain("s3cret-value");
  });

  it("lists the issues of an invalid config and exits 1", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "meridian-check-"));
    const file = path.join(dir, "network.yaml");
    await writeFile(file, EXAMPLE_TEXT.replace("[Asia/Amman, Africa/Tunis", "[Asia/Amman, Mars/Olympus"));
    const { exitCode, report } = await checkConfig(file, { secretsDir: dir, env: {} });
    expect(exitCode).toBe(1);
    expect(report).toMatch(/invalid network config \(1 issue\)/);
    expect(report).toMatch(
      new RegExp(`${file}:\\d+ regions\\[1\\]\\.timeZones\\[1\\]: "Mars/Olympus" is not an IANA time zone`),
    );
  });
});
