/**
 * Removes a bot device whose crypto store is gone. Left in place it would keep receiving
 * room keys nobody can read, and users would see a second bot device they cannot account for.
 * Deleting a device needs user-interactive auth with the password.
 */
import { MatrixError, createClient } from "matrix-js-sdk";
import type { Secret } from "../../../config/secrets.ts";
import type { Logger } from "../../../lib/logger.ts";
import { describeCause } from "./identity-error.ts";
import type { StoredSession } from "./session-file.ts";
import { passwordUia } from "./uia-password.ts";

/** Deletes `staleDeviceId` using `session`; failure is logged, not fatal (the bot still works). */
export async function deleteStaleDevice(options: {
  readonly homeserverUrl: string;
  readonly session: StoredSession;
  readonly staleDeviceId: string;
  readonly password: Secret;
  readonly log: Logger;
}): Promise<void> {
  const { session, staleDeviceId, log } = options;
  if (staleDeviceId === session.deviceId) return;
  const client = createClient({
    baseUrl: options.homeserverUrl,
    userId: session.userId,
    deviceId: session.deviceId,
    accessToken: session.accessToken,
  });
  try {
    await passwordUia<unknown>(
      session.userId,
      options.password,
    )((auth) => client.deleteDevice(staleDeviceId, auth ?? undefined));
    log.info({ staleDeviceId }, "deleted the bot's stale device");
  } catch (cause: unknown) {
    if (cause instanceof MatrixError && cause.httpStatus === 404) {
      log.info({ staleDeviceId }, "the stale device was already gone");
      return;
    }
    log.warn({ staleDeviceId, reason: describeCause(cause) }, "could not delete the bot's stale device");
  } finally {
    client.stopClient();
  }
}
