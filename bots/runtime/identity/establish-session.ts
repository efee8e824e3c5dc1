/**
 * Which Matrix device the bot runs as this time, from what the state directory holds:
 *
 * - session and crypto store both present and readable, token still valid: resume (same device);
 * - no session: log in with the bot's fixed device id, unless that id already has keys on the
 *   server (made by a store that no longer exists): then it is burnt and a new id is used;
 * - session present but crypto store missing or unreadable, or the token revoked: the device's
 *   keys are gone for good, so log in as a new device and delete the old one.
 *
 * Every new login is written to the session file at once, before any crypto work, so a crash
 * later is recovered by the rules above on the next start.
 */
import { MatrixError, createClient } from "matrix-js-sdk";
import type { Secret } from "../../../config/secrets.ts";
import type { Logger } from "../../../lib/logger.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { loadStore, type StoreFiles } from "./incremental-store.ts";
import { deleteStaleDevice } from "./delete-stale-device.ts";
import { fixedDeviceId, replacementDeviceId } from "./device-id.ts";
import type { IdentityError } from "./identity-error.ts";
import type { IndexedDbSnapshot } from "./indexeddb-snapshot.ts";
import { loginWithPassword, requestFailure } from "./password-login.ts";
import { readSessionFile, writeSessionFile, type StoredSession } from "./session-file.ts";

/** Where the bot's state lives and what it logs in with. */
export interface SessionInputs {
  readonly botId: string;
  readonly homeserverUrl: string;
  readonly userId: string;
  readonly password: Secret;
  readonly storeKey: Uint8Array;
  readonly sessionFile: string;
  readonly files: StoreFiles;
  readonly log: Logger;
}

/** The session to run with, and the store to restore (none for a new device). */
export interface EstablishedSession {
  readonly session: StoredSession;
  readonly snapshot: IndexedDbSnapshot | undefined;
  readonly newDevice: boolean;
}

type Validity = "valid" | "revoked";

async function checkToken(
  inputs: SessionInputs,
  session: StoredSession,
): Promise<Result<Validity, IdentityError>> {
  const client = createClient({ baseUrl: inputs.homeserverUrl, accessToken: session.accessToken });
  try {
    const whoami = await client.whoami();
    return ok(
      whoami.user_id === session.userId && whoami.device_id === session.deviceId ? "valid" : "revoked",
    );
  } catch (cause: unknown) {
    if (cause instanceof MatrixError && cause.errcode === "M_UNKNOWN_TOKEN") return ok("revoked");
    return err(requestFailure(cause, { ...inputs, doing: "check its stored login" }));
  } finally {
    client.stopClient();
  }
}

async function hasKeysOnServer(
  inputs: SessionInputs,
  session: StoredSession,
  deviceId: string,
): Promise<boolean> {
  const client = createClient({
    baseUrl: inputs.homeserverUrl,
    userId: session.userId,
    accessToken: session.accessToken,
  });
  try {
    const keys = await client.downloadKeysForUsers([session.userId]);
    return keys.device_keys[session.userId]?.[deviceId] !== undefined;
  } finally {
    client.stopClient();
  }
}

async function loginAndSave(
  inputs: SessionInputs,
  deviceId: string,
): Promise<Result<StoredSession, IdentityError>> {
  const login = await loginWithPassword({ ...inputs, deviceId });
  if (!login.ok) return login;
  await writeSessionFile(inputs.sessionFile, inputs.storeKey, login.value);
  inputs.log.info({ deviceId: login.value.deviceId }, "logged in and saved the session");
  return login;
}

async function newDevice(
  inputs: SessionInputs,
  staleDeviceId: string,
  reason: string,
): Promise<Result<EstablishedSession, IdentityError>> {
  inputs.log.warn({ staleDeviceId }, `starting a new device: ${reason}`);
  const login = await loginAndSave(inputs, replacementDeviceId(inputs.botId));
  if (!login.ok) return login;
  await deleteStaleDevice({ ...inputs, session: login.value, staleDeviceId });
  return ok({ session: login.value, snapshot: undefined, newDevice: true });
}

function corruptSession(inputs: Pick<SessionInputs, "botId" | "sessionFile">, why: string): IdentityError {
  return {
    kind: "corrupt-session",
    path: inputs.sessionFile,
    message:
      `the session file of bot ${inputs.botId} (${inputs.sessionFile}) ${why}. If the bot's storeKey ` +
      "was changed, put the old one back; otherwise delete the file and the bot logs in as a new device",
  };
}

/** Reads the session file, turning a bad one into an error that tells the operator what to do. */
export async function readStoredSession(
  inputs: Pick<SessionInputs, "botId" | "sessionFile" | "storeKey">,
): Promise<Result<StoredSession | undefined, IdentityError>> {
  const stored = await readSessionFile(inputs.sessionFile, inputs.storeKey);
  if (stored.ok) return stored;
  switch (stored.error.kind) {
    case "undecryptable":
      return err(corruptSession(inputs, "cannot be decrypted with the configured storeKey"));
    case "malformed":
      return err(corruptSession(inputs, "decrypts but does not hold a session"));
    case "unreadable":
      return err(corruptSession(inputs, `cannot be read (${stored.error.code})`));
  }
}

/**
 * Resumes the stored session (from {@link readStoredSession}) or logs in, as described in the
 * module comment.
 */
export async function establishSession(
  inputs: SessionInputs,
  session: StoredSession | undefined,
): Promise<Result<EstablishedSession, IdentityError>> {
  const { log } = inputs;
  const store = await loadStore(inputs.files, inputs.storeKey);

  if (session === undefined) {
    if (!store.ok || store.value !== undefined) {
      log.warn({ storeFile: inputs.files.storeFile }, "discarding a crypto store that has no session file");
    }
    const fixed = fixedDeviceId(inputs.botId);
    const login = await loginAndSave(inputs, fixed);
    if (!login.ok) return login;
    let burnt: boolean;
    try {
      burnt = await hasKeysOnServer(inputs, login.value, fixed);
    } catch (cause: unknown) {
      return err(requestFailure(cause, { ...inputs, doing: "look up its device keys" }));
    }
    if (burnt) {
      return newDevice(
        inputs,
        fixed,
        `device ${fixed} already has keys on the server, made by a crypto store that is gone`,
      );
    }
    return ok({ session: login.value, snapshot: undefined, newDevice: true });
  }

  if (session.userId !== inputs.userId) {
    return err({
      kind: "state-dir",
      message:
        `the state directory of bot ${inputs.botId} holds a session of ${session.userId}, not ${inputs.userId}; ` +
        "give each bot account its own state directory",
    });
  }
  if (!store.ok) {
    const why =
      store.error.kind === "undecryptable"
        ? "cannot be decrypted"
        : store.error.kind === "malformed"
          ? "is damaged"
          : `cannot be read (${store.error.code})`;
    return newDevice(inputs, session.deviceId, `the crypto store file ${why}`);
  }
  if (store.value === undefined) {
    return newDevice(
      inputs,
      session.deviceId,
      "the crypto store file is missing (the session file is present)",
    );
  }
  const validity = await checkToken(inputs, session);
  if (!validity.ok) return validity;
  if (validity.value === "revoked") {
    return newDevice(
      inputs,
      session.deviceId,
      "the stored access token is no longer valid (the device was logged out)",
    );
  }
  if (store.value.syncFileIgnored !== undefined) {
    // Safe (the sync then starts from the crypto store's older position or from scratch), but
    // worth knowing: it should not happen.
    log.warn(
      { syncFile: inputs.files.syncFile, reason: store.value.syncFileIgnored },
      "not using the sync store file",
    );
  }
  log.info({ deviceId: session.deviceId }, "resuming the stored session");
  return ok({ session, snapshot: store.value.snapshot, newDevice: false });
}
