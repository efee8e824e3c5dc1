/**
 * Lay out one homeserver's directory: config, TLS certificate, registration secret, media
 * store. Idempotent: the secret and certificate are created once and kept, so restarting a
 * homeserver keeps its identity, database and accounts.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError, DevnetHomeserverSpec } from "./types.ts";
import { type HomeserverAddresses, type HomeserverPaths, homeserverPaths } from "./homeserver-paths.ts";
import { makeTlsCert } from "./make-tls-cert.ts";
import { writeHomeserverConfig } from "./write-homeserver-config.ts";

export async function prepareHomeserver(
  devnetDir: string,
  spec: DevnetHomeserverSpec,
  addresses: HomeserverAddresses,
): Promise<Result<HomeserverPaths, DevnetError>> {
  const paths = homeserverPaths(devnetDir, spec.id);
  try {
    await mkdir(paths.mediaStore, { recursive: true });
    const secret = await readOrCreateSecret(paths.registrationSharedSecretFile);
    const cert = await makeTlsCert(addresses.federation.host, paths.certFile, paths.keyFile);
    if (!cert.ok) return cert;
    await writeHomeserverConfig(spec, addresses, paths, secret);
    return ok(paths);
  } catch (cause) {
    return err({
      kind: "io-failed",
      message: `Cannot prepare homeserver ${spec.id} in ${paths.dir}: ${String(cause)}.`,
      cause,
    });
  }
}

/** The registration shared secret, created once (mode 600: it can mint admin accounts). */
export async function readOrCreateSecret(file: string): Promise<string> {
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing !== "") return existing;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== "ENOENT") throw cause;
  }
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
