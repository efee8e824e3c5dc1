/**
 * Where each file of one homeserver lives, and its addresses split into host and port. One
 * place, so config writing, startup, status and registration agree.
 */
import { join } from "node:path";
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetHomeserverSpec } from "./types.ts";

export interface HomeserverPaths {
  dir: string;
  configFile: string;
  logConfigFile: string;
  logFile: string;
  /** Synapse's own stdout/stderr: errors from before logging is set up (bad config) land here. */
  outputFile: string;
  certFile: string;
  keyFile: string;
  signingKeyFile: string;
  registrationSharedSecretFile: string;
  databaseFile: string;
  mediaStore: string;
  pidFile: string;
}

export function homeserverPaths(devnetDir: string, id: string): HomeserverPaths {
  const dir = join(devnetDir, id);
  return {
    dir,
    configFile: join(dir, "homeserver.yaml"),
    logConfigFile: join(dir, "log.config.yaml"),
    logFile: join(dir, "homeserver.log"),
    outputFile: join(dir, "process-output.log"),
    certFile: join(dir, "tls.crt"),
    keyFile: join(dir, "tls.key"),
    signingKeyFile: join(dir, "signing.key"),
    registrationSharedSecretFile: join(dir, "registration_shared_secret"),
    databaseFile: join(dir, "homeserver.db"),
    mediaStore: join(dir, "media_store"),
    pidFile: join(dir, "homeserver.pid"),
  };
}

export interface HostPort {
  /** Without IPv6 brackets: what a socket binds to. */
  host: string;
  port: number;
}

export interface HomeserverAddresses {
  client: HostPort;
  federation: HostPort;
}

/** The bind addresses of both listeners, or a sentence saying which spec field is wrong. */
export function homeserverAddresses(spec: DevnetHomeserverSpec): Result<HomeserverAddresses, string> {
  const federation = /^\[?([^\]]+?)\]?:(\d+)$/.exec(spec.serverName);
  if (federation?.[1] === undefined || federation[2] === undefined) {
    return err(
      `homeserver ${spec.id}: serverName "${spec.serverName}" needs an explicit federation port (host:port)`,
    );
  }
  let url: URL;
  try {
    url = new URL(spec.clientUrl);
  } catch {
    return err(`homeserver ${spec.id}: clientUrl "${spec.clientUrl}" is not a URL`);
  }
  if (url.protocol !== "http:" || url.port === "" || (url.pathname !== "/" && url.pathname !== "")) {
    return err(
      `homeserver ${spec.id}: clientUrl "${spec.clientUrl}" must be plain http://host:port with no path`,
    );
  }
  return ok({
    client: { host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port) },
    federation: { host: federation[1], port: Number(federation[2]) },
  });
}
