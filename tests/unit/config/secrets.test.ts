import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Secret, readSecret, redactConfigForDisplay, resolveSecretsDir } from "../../../config/index.ts";
import { loadExample } from "./example-config.ts";

const VALUE = "correct horse battery staple";

describe("Secret", () => {
  it("prints as REDACTED however it is printed", () => {
    const secret = new Secret(VALUE);
    expect(String(secret)).toBe("REDACTED");
    expect(secret.toString()).toBe("REDACTED");
    expect(`password: ${String(secret)}`).toBe("password: REDACTED");
    expect(JSON.stringify({ password: secret })).toBe('{"password":"REDACTED"}');
    expect(inspect(secret)).toBe("REDACTED");
    expect(inspect({ nested: { secret } }, { depth: 5 })).not.toContain(VALUE);
    expect(secret.reveal()).toBe(VALUE);
  });
});

describe("readSecret", () => {
  async function secretsDirWith(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "meridian-secrets-"));
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
    return dir;
  }

  it("reads a file relative to the secrets directory and drops one trailing newline", async () => {
    const secretsDir = await secretsDirWith({ "bot.password": `${VALUE}\n` });
    const secret = await readSecret({ file: "bot.password" }, { secretsDir, env: {} });
    expect(secret.ok && secret.value.reveal()).toBe(VALUE);
    const absolute = await readSecret(
      { file: path.join(secretsDir, "bot.password") },
      { secretsDir: "/nowhere", env: {} },
    );
    expect(absolute.ok && absolute.value.reveal()).toBe(VALUE);
  });

  it("reads an environment variable", async () => {
    const secret = await readSecret(
      { env: "BOT_PASSWORD" },
      { secretsDir: "/nowhere", env: { BOT_PASSWORD: VALUE } },
    );
    expect(secret.ok && secret.value.reveal()).toBe(VALUE);
  });

  it("names the ref in errors, never a value", async () => {
    const secretsDir = await secretsDirWith({ "empty.key": "\n" });
    const missing = await readSecret({ file: "missing.password" }, { secretsDir, env: {} });
    expect(missing).toEqual({
      ok: false,
      error: `secret file "missing.password": ${path.join(secretsDir, "missing.password")} not found`,
    });
    const empty = await readSecret({ file: "empty.key" }, { secretsDir, env: {} });
    expect(empty.ok ? "" : empty.error).toMatch(/empty\.key is empty$/);
    const unset = await readSecret({ env: "NOT_SET" }, { secretsDir, env: { OTHER: VALUE } });
    expect(unset).toEqual({ ok: false, error: "secret env NOT_SET: the variable is not set" });
  });

  it("defaults the secrets directory to secrets/ beside the config", () => {
    expect(resolveSecretsDir("/etc/meridian/network.yaml")).toBe("/etc/meridian/secrets");
    expect(resolveSecretsDir("/etc/meridian/network.yaml", { env: { MERIDIAN_SECRETS_DIR: "/run/s" } })).toBe(
      "/run/s",
    );
    expect(
      resolveSecretsDir("/etc/meridian/network.yaml", {
        override: "/x",
        env: { MERIDIAN_SECRETS_DIR: "/run/s" },
      }),
    ).toBe("/x");
  });
});

describe("redactConfigForDisplay", () => {
  it("shows secret references, and REDACTED for any loaded secret", () => {
    const config = loadExample();
    const shown = JSON.stringify(redactConfigForDisplay(config));
    expect(shown).toContain('"password":{"file":"convene-bot.password"}');
    const withSecret = {
      ...config,
      bots: { ...config.bots, convene: { ...config.bots.convene, password: new Secret(VALUE) } },
    };
    // A Secret where a ref belongs is a programming error, but a dump must still not leak it.
    const dumped = JSON.stringify(redactConfigForDisplay(withSecret as unknown as typeof config));
    expect(dumped).not.toContain(VALUE);
    expect(dumped).toContain('"password":"REDACTED"');
  });
});
