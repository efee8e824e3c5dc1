/**
 * Write one homeserver's homeserver.yaml and logging config directly from TypeScript.
 * (`synapse --generate-config` takes seconds per server and produces a file we would have to
 * patch anyway.) Every setting here serves a loopback federation used by fast tests.
 */
import { writeFile } from "node:fs/promises";
import { stringify } from "yaml";
import type { DevnetHomeserverSpec } from "./types.ts";
import type { HomeserverAddresses, HomeserverPaths } from "./homeserver-paths.ts";

// Tests create many users, rooms, invites and messages within seconds; Synapse's defaults
// (e.g. ~1 room per minute after a burst of 10, 0.2 messages/s) would make them flaky.
const UNLIMITED = { per_second: 100_000, burst_count: 100_000 };

// Synapse's DEFAULT_IP_RANGE_BLOCKLIST (synapse/config/server.py) minus 127.0.0.0/8 and ::1/128.
const OUTBOUND_BLOCKLIST_WITHOUT_LOOPBACK = [
  "10.0.0.0/8",
  "172.16.0.0/12",
  "192.168.0.0/16",
  "100.64.0.0/10",
  "192.0.0.0/24",
  "169.254.0.0/16",
  "192.88.99.0/24",
  "198.18.0.0/15",
  "192.0.2.0/24",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "fe80::/10",
  "fc00::/7",
  "2001:db8::/32",
  "ff00::/8",
  "fec0::/10",
];

/** The homeserver.yaml content as an object (exported for tests and inspection). */
export function homeserverConfig(
  spec: DevnetHomeserverSpec,
  addresses: HomeserverAddresses,
  paths: HomeserverPaths,
  registrationSharedSecret: string,
): Record<string, unknown> {
  return {
    server_name: spec.serverName,
    // The default, https://<server_name>/, points at the federation port.
    public_baseurl: `${spec.clientUrl.replace(/\/$/, "")}/`,
    pid_file: paths.pidFile,
    report_stats: false,
    listeners: [
      {
        // Client API, admin API, media and /health: plain HTTP on loopback. `openid` adds
        // /_matrix/federation/v1/openid/userinfo, where the hub checks the OpenID tokens
        // people sign in with, reachable at the client URL the config names.
        port: addresses.client.port,
        bind_addresses: [addresses.client.host],
        type: "http",
        tls: false,
        x_forwarded: false,
        resources: [{ names: ["client", "openid"], compress: false }],
      },
      {
        // Federation is always TLS; the `federation` resource also serves /_matrix/key.
        port: addresses.federation.port,
        bind_addresses: [addresses.federation.host],
        type: "http",
        tls: true,
        resources: [{ names: ["federation"], compress: false }],
      },
    ],
    tls_certificate_path: paths.certFile,
    tls_private_key_path: paths.keyFile,
    // Peers use self-signed certificates. With verification off, the default matrix.org key
    // server is a startup error, and we want no traffic off the machine anyway.
    federation_verify_certificates: false,
    trusted_key_servers: [],
    suppress_key_server_warning: true,
    // Loopback is in the default outbound blocklist. ip_range_whitelist alone is NOT enough for
    // IP-literal server names: Synapse wraps its federation agent in a second blocklist check
    // that ignores the allowlist (federation then fails with "403: IP address blocked"). So
    // the blocklist itself must leave loopback out; the allowlist covers DNS names that
    // resolve to loopback.
    ip_range_blacklist: OUTBOUND_BLOCKLIST_WITHOUT_LOOPBACK,
    ip_range_whitelist: ["127.0.0.0/8", "::1/128"],
    federation: {
      // Default backoff after a failed send starts at 10 minutes: far too long for tests that
      // stop and restart servers.
      destination_min_retry_interval: "1s",
      destination_retry_multiplier: 2,
      destination_max_retry_interval: "30s",
      max_short_retry_delay: "1s",
      max_long_retry_delay: "10s",
    },
    database: { name: "sqlite3", args: { database: paths.databaseFile } },
    log_config: paths.logConfigFile,
    media_store_path: paths.mediaStore,
    // Synapse generates the key at first start if the file is missing.
    signing_key_path: paths.signingKeyFile,
    // Accounts are created only by shared-secret registration (also the macaroon key's seed).
    registration_shared_secret: registrationSharedSecret,
    enable_registration: false,
    presence: { enabled: false },
    url_preview_enabled: false,
    enable_metrics: false,
    caches: {
      // Tests poll /sync repeatedly and must see fresh results, not a cached identical one.
      sync_response_cache_duration: 0,
      // Several servers share a small machine.
      global_factor: 0.5,
    },
    event_cache_size: "2K",
    rc_message: UNLIMITED,
    rc_registration: UNLIMITED,
    rc_registration_token_validity: UNLIMITED,
    rc_login: { address: UNLIMITED, account: UNLIMITED, failed_attempts: UNLIMITED },
    rc_admin_redaction: UNLIMITED,
    rc_joins: { local: UNLIMITED, remote: UNLIMITED },
    rc_joins_per_room: UNLIMITED,
    rc_key_requests: UNLIMITED,
    rc_3pid_validation: UNLIMITED,
    rc_invites: { per_room: UNLIMITED, per_user: UNLIMITED, per_issuer: UNLIMITED },
    rc_third_party_invite: UNLIMITED,
    rc_media_create: UNLIMITED,
    rc_presence: { per_user: UNLIMITED },
    rc_delayed_event_mgmt: UNLIMITED,
    rc_room_creation: UNLIMITED,
    rc_reports: UNLIMITED,
    rc_user_directory: UNLIMITED,
    rc_profile: UNLIMITED,
    // Incoming federation from the other devnet servers: never delay or reject.
    rc_federation: {
      window_size: 1000,
      sleep_limit: 100_000,
      sleep_delay: 0,
      reject_limit: 100_000,
      concurrent: 1000,
    },
  };
}

/** Python logging config: one size-capped rotating file, written unbuffered so the tail is current when startup fails. */
export function logConfig(logFile: string): Record<string, unknown> {
  return {
    version: 1,
    formatters: {
      precise: { format: "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s" },
    },
    handlers: {
      file: {
        class: "logging.handlers.RotatingFileHandler",
        formatter: "precise",
        filename: logFile,
        maxBytes: 20 * 1024 * 1024,
        backupCount: 2,
        encoding: "utf8",
      },
    },
    loggers: {
      // DEBUG here would log access tokens.
      "synapse.storage.SQL": { level: "INFO" },
    },
    root: { level: "INFO", handlers: ["file"] },
    disable_existing_loggers: false,
  };
}

/** Writes homeserver.yaml (mode 600: it holds the registration secret) and the log config. */
export async function writeHomeserverConfig(
  spec: DevnetHomeserverSpec,
  addresses: HomeserverAddresses,
  paths: HomeserverPaths,
  registrationSharedSecret: string,
): Promise<void> {
  const header = "# Generated by Meridian's devnet on every `up`; edits are overwritten.\n";
  await writeFile(
    paths.configFile,
    header + stringify(homeserverConfig(spec, addresses, paths, registrationSharedSecret)),
    { mode: 0o600 },
  );
  await writeFile(paths.logConfigFile, header + stringify(logConfig(paths.logFile)));
}
