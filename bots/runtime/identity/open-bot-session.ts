/**
 * Opens a bot's persistent E2EE identity: one Matrix account, one device, kept across
 * restarts. See docs in this folder's index.ts for the files it keeps.
 */
import { mkdir } from "node:fs/promises";
import type { Secret } from "../../../config/secrets.ts";
import type { Logger } from "../../../lib/logger.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { botDatabases } from "./bot-databases.ts";
import { makeBotSession, type BotSession } from "./bot-session.ts";
import { botStatePaths, type BotStatePaths } from "./bot-state-paths.ts";
import { createCryptoClient } from "./create-crypto-client.ts";
import { createWriteAheadFetch } from "./write-ahead-fetch.ts";
import { trackWrites } from "./idb-write-tracker.ts";
import { createStoreWriter } from "./incremental-store.ts";
import { decodeStoreKey } from "./decode-store-key.ts";
import { errnoCode } from "./errno-code.ts";
import { establishSession, readStoredSession } from "./establish-session.ts";
import { flushOutgoingCryptoRequests } from "./flush-outgoing-requests.ts";
import { describeCause, type IdentityError } from "./identity-error.ts";
import { installFakeIndexedDb } from "./install-fake-indexeddb.ts";
import { acquireProcessLock, type LockError, type ProcessLock } from "./process-lock.ts";
import { readRecoveryKeyFile } from "./recovery-key-file.ts";
import { emptyKeyHolder } from "./secret-storage-key-holder.ts";
import { setUpEncryption } from "./set-up-encryption.ts";

/** Which bot, on which account, with which secrets and state directory. */
export interface OpenBotSessionOptions {
  /** e.g. "convene"; names the device (MERIDIAN_CONVENE), the databases and the logs. */
  readonly botId: string;
  readonly homeserverUrl: string;
  readonly userId: UserId;
  readonly password: Secret;
  /** Base64 of exactly 32 random bytes; encrypts everything the bot keeps on disk. */
  readonly storeKey: Secret;
  /** The bot's own directory, e.g. `.devnet/bots/convene`. */
  readonly stateDir: string;
  /** Where the sealed recovery key is kept; default `<stateDir>.recovery-key` (beside the directory). */
  readonly recoveryKeyFile?: string;
  /** At most this long between saves of the sync store; default 30 s (see bot-session.ts). */
  readonly syncSaveEveryMs?: number;
}

/** Infrastructure {@link openBotSession} uses. */
export interface OpenBotSessionDeps {
  readonly logger: Logger;
}

function lockedError(botId: string, lockPath: string, error: LockError): IdentityError {
  if (error.kind === "io") {
    return {
      kind: "state-dir",
      message: `bot ${botId} cannot create its lock file ${lockPath} (${error.code})`,
    };
  }
  const holder = error.holder;
  const who =
    holder === undefined ? "the lock file cannot be read" : `pid ${holder.pid} on host ${holder.hostname}`;
  return {
    kind: "locked",
    lockPath,
    message: `bot ${botId} is already running (${who}); stop it first or remove ${lockPath} if it is not running`,
  };
}

/**
 * Opens the bot's session: logs in (or resumes the stored login), restores the crypto and
 * sync stores, initialises the Rust crypto, and makes sure cross-signing and key backup are
 * set up. The returned client is not started.
 */
export async function openBotSession(
  options: OpenBotSessionOptions,
  deps: OpenBotSessionDeps,
): Promise<Result<BotSession, IdentityError>> {
  const log = deps.logger.child({ botId: options.botId, userId: options.userId });
  const storeKey = decodeStoreKey(options.storeKey, options.botId);
  if (!storeKey.ok) return storeKey;
  const paths = botStatePaths(options.stateDir, options.recoveryKeyFile);
  try {
    await mkdir(paths.stateDir, { recursive: true, mode: 0o700 });
  } catch (cause: unknown) {
    return err({
      kind: "state-dir",
      message: `bot ${options.botId} cannot create its state directory ${paths.stateDir} (${errnoCode(cause)})`,
      cause,
    });
  }
  const lock = await acquireProcessLock(paths.lockFile, log);
  if (!lock.ok) return err(lockedError(options.botId, paths.lockFile, lock.error));

  try {
    const opened = await openLocked(options, paths, storeKey.value, lock.value, log);
    if (!opened.ok) await lock.value.release();
    return opened;
  } catch (cause: unknown) {
    await lock.value.release();
    return err({
      kind: "crypto-setup-failed",
      message: `bot ${options.botId} could not set up its encryption: ${describeCause(cause)}`,
      cause,
    });
  }
}

async function openLocked(
  options: OpenBotSessionOptions,
  paths: BotStatePaths,
  storeKey: Uint8Array<ArrayBuffer>,
  lock: ProcessLock,
  log: Logger,
): Promise<Result<BotSession, IdentityError>> {
  // The session file first: if the store key changed, that is the error to report.
  const stored = await readStoredSession({ botId: options.botId, sessionFile: paths.sessionFile, storeKey });
  if (!stored.ok) return stored;
  const recovery = await readRecoveryKeyFile(paths.recoveryKeyFile, storeKey);
  if (!recovery.ok) {
    return err({
      kind: "corrupt-recovery-key",
      path: paths.recoveryKeyFile,
      message:
        `the recovery key file of bot ${options.botId} (${paths.recoveryKeyFile}) ` +
        (recovery.error.kind === "unreadable"
          ? `cannot be read (${recovery.error.code})`
          : "cannot be decrypted with the configured storeKey") +
        "; put the old storeKey back, or move the file away to let the bot make a new recovery key",
    });
  }
  const established = await establishSession(
    { ...options, ...paths, files: paths, storeKey, log },
    stored.value,
  );
  if (!established.ok) return established;
  const { session, snapshot, newDevice } = established.value;
  const sessionLog = log.child({ deviceId: session.deviceId });

  const factory = installFakeIndexedDb();
  const databases = botDatabases(options.botId, paths.stateDir);
  const holder = emptyKeyHolder();
  holder.privateKey = recovery.value?.privateKey;
  const started = performance.now();
  const writeAhead = createWriteAheadFetch();
  const { client, crypto, syncStore } = await createCryptoClient({
    fetchFn: writeAhead.fetchFn,
    homeserverUrl: options.homeserverUrl,
    session,
    snapshot,
    factory,
    databases,
    storeKey,
    holder,
    log: sessionLog,
  });
  // Started after the restore, so the restored records do not count as changed.
  const tracker = trackWrites((name) => databases.belongs(name) && name !== databases.syncDatabase);
  const writer = createStoreWriter({
    factory,
    databases,
    files: paths,
    storeKey,
    tracker,
    // The SDK keeps the sync position in memory and writes it every few minutes: force it.
    flushSyncStore: () => syncStore.save(true),
    loaded: snapshot,
  });
  const botSession = makeBotSession({
    client,
    userId: options.userId,
    deviceId: session.deviceId,
    factory,
    databases,
    writer,
    lock,
    log: sessionLog,
    stopTracking: () => {
      tracker.stop();
    },
    syncPosition: () => syncStore.getSyncToken(),
    ...(options.syncSaveEveryMs === undefined ? {} : { syncSaveEveryMs: options.syncSaveEveryMs }),
  });
  writeAhead.setFlush(() => botSession.saveBeforeRequest());
  try {
    await flushOutgoingCryptoRequests(crypto, sessionLog);
    await setUpEncryption({
      client,
      crypto,
      password: options.password,
      holder,
      recoveryKeyFile: paths.recoveryKeyFile,
      storeKey,
      newDevice,
      log: sessionLog,
    });
    // Save now: a new device's keys are on the server, and must be on disk before anything else.
    await botSession.persist();
  } catch (cause: unknown) {
    // close() would save this half-set-up state; stop without saving instead.
    client.stopClient();
    tracker.stop();
    throw cause;
  }
  sessionLog.info(
    { newDevice, ms: Math.round(performance.now() - started) },
    newDevice ? "bot identity ready on a new device" : "bot identity restored",
  );
  return ok(botSession);
}
