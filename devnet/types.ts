/**
 * The devnet's data shapes: what the caller asks for (spec), what is running (state, kept in
 * `<dir>/state.json` so a later `down`/`status`/`up` in another process finds the pids), and
 * the expected failures, each with a sentence a person can act on.
 */
import type { ServerName, UserId } from "../lib/matrix-ids.ts";

/** One homeserver to run, e.g. `{ id: "east-africa", serverName: "127.0.0.11:18448", clientUrl: "http://127.0.0.11:18008" }`. */
export interface DevnetHomeserverSpec {
  /** Short stable id, used as the directory name under the devnet dir. */
  id: string;
  /** IP-literal host with the federation (TLS) port. */
  serverName: ServerName;
  /** Plain-HTTP client API base URL (also serves `/_synapse/admin` and `/health`). */
  clientUrl: string;
}

/** An account to create on a homeserver once it is up. */
export interface DevnetAccountSpec {
  homeserverId: string;
  localpart: string;
  displayName?: string;
  admin?: boolean;
  /** Generated and kept in state when absent, so a second `up` keeps logins working. */
  password?: string;
}

export interface DevnetSpec {
  /** Where everything lives, e.g. `<repo>/.devnet`. */
  dir: string;
  homeservers: DevnetHomeserverSpec[];
  accounts: DevnetAccountSpec[];
  /** An already running Redis (from `REDIS_URL`); otherwise a managed `redis-server` is started. */
  redisUrl?: string;
}

export interface DevnetStateHomeserver {
  id: string;
  serverName: ServerName;
  clientUrl: string;
  /** Pid of the Synapse process we started; undefined once stopped. */
  pid?: number;
  /** `<dir>/<id>`: config, keys, database, media, logs. */
  dir: string;
  logFile: string;
  registrationSharedSecretFile: string;
}

export interface DevnetStateRedis {
  url: string;
  /** Only set when we started it (managed). */
  pid?: number;
  managed: boolean;
}

export interface DevnetStateAccount {
  homeserverId: string;
  userId: UserId;
  localpart: string;
  password: string;
  admin: boolean;
}

export interface DevnetState {
  homeservers: DevnetStateHomeserver[];
  redis: DevnetStateRedis;
  accounts: DevnetStateAccount[];
  /** ISO time of the last successful `up`. */
  startedAt: string;
  /** ISO time of the last `down`, absent while running. */
  stoppedAt?: string;
}

export type ProcessHealth = "healthy" | "running" | "stopped";

export interface DevnetStatus {
  /** False when the directory holds no state (never started). */
  exists: boolean;
  homeservers: {
    id: string;
    serverName: ServerName;
    clientUrl: string;
    pid?: number;
    health: ProcessHealth;
  }[];
  redis?: { url: string; managed: boolean; pid?: number; health: ProcessHealth };
}

/** Expected failures. `message` is a full sentence saying what went wrong and what to do. */
export type DevnetError =
  | { kind: "python-missing"; message: string }
  | { kind: "venv-missing"; message: string }
  | { kind: "pip-failed"; message: string; logFile: string }
  | { kind: "openssl-failed"; message: string }
  | { kind: "redis-missing"; message: string }
  | { kind: "redis-failed"; message: string; logFile?: string }
  | { kind: "port-in-use"; message: string; host: string; port: number; homeserverId?: string }
  | { kind: "address-unavailable"; message: string; host: string }
  | { kind: "synapse-failed"; message: string; homeserverId: string; logFile: string }
  | { kind: "registration-failed"; message: string; homeserverId: string; localpart: string }
  | { kind: "bad-spec"; message: string }
  | { kind: "io-failed"; message: string; cause?: unknown }
  | { kind: "stop-failed"; message: string };
