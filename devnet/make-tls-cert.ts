/**
 * A self-signed certificate for a homeserver's federation listener. Federation is always TLS;
 * peers skip verification on the devnet (federation_verify_certificates: false), but the SAN
 * still names the IP so the certificate is honest and could be trusted via a local CA later.
 */
import { stat } from "node:fs/promises";
import { isIP } from "node:net";
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError } from "./types.ts";
import { runCommand, lastLines } from "./run-command.ts";

/** Creates `certFile`/`keyFile` for `host` unless both exist already (kept across restarts). */
export async function makeTlsCert(
  host: string,
  certFile: string,
  keyFile: string,
): Promise<Result<void, DevnetError>> {
  const present = await Promise.all(
    [certFile, keyFile].map((file) =>
      stat(file).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (present.every(Boolean)) return ok(undefined);
  const san = isIP(host) === 0 ? `DNS:${host}` : `IP:${host}`;
  const outcome = await runCommand("openssl", [
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-keyout",
    keyFile,
    "-out",
    certFile,
    "-days",
    "3650",
    "-subj",
    `/CN=${host}`,
    "-addext",
    `subjectAltName=${san}`,
  ]);
  if (outcome.spawnError !== undefined) {
    return err({
      kind: "openssl-failed",
      message:
        "openssl is needed to make the devnet's TLS certificates: install it (Debian/Ubuntu: apt-get install openssl).",
    });
  }
  if (outcome.code !== 0) {
    return err({
      kind: "openssl-failed",
      message: `openssl could not make a certificate for ${host}: ${lastLines(outcome.output, 5)}`,
    });
  }
  return ok(undefined);
}
