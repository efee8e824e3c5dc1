/**
 * Logging a bot in with its password, and turning the ways that fails into messages an
 * operator can act on.
 */
import { ConnectionError, MatrixError, createClient } from "matrix-js-sdk";
import type { Secret } from "../../../config/secrets.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import type { IdentityError } from "./identity-error.ts";
import { describeCause } from "./identity-error.ts";
import type { StoredSession } from "./session-file.ts";

/** What to log in as. */
export interface PasswordLogin {
  readonly botId: string;
  readonly homeserverUrl: string;
  readonly userId: string;
  readonly password: Secret;
  readonly deviceId: string;
}

/** Maps a failed Matrix request to an {@link IdentityError}, for the step named in `doing`. */
export function requestFailure(
  cause: unknown,
  context: { readonly botId: string; readonly homeserverUrl: string; readonly doing: string },
): IdentityError {
  if (cause instanceof MatrixError) {
    return {
      kind: "login-failed",
      message:
        `bot ${context.botId} could not ${context.doing}: ${cause.errcode ?? "error"} ${cause.data.error ?? ""}`.trim(),
      cause,
    };
  }
  if (cause instanceof ConnectionError || cause instanceof TypeError) {
    return {
      kind: "homeserver-unreachable",
      message: `bot ${context.botId} could not reach its homeserver at ${context.homeserverUrl} to ${context.doing}: ${describeCause(cause)}`,
      cause,
    };
  }
  return {
    kind: "login-failed",
    message: `bot ${context.botId} could not ${context.doing}: ${describeCause(cause)}`,
    cause,
  };
}

/** Logs in with `m.login.password` as `deviceId`. */
export async function loginWithPassword(login: PasswordLogin): Promise<Result<StoredSession, IdentityError>> {
  const anonymous = createClient({ baseUrl: login.homeserverUrl });
  try {
    const response = await anonymous.loginRequest({
      type: "m.login.password",
      identifier: { type: "m.id.user", user: login.userId },
      password: login.password.reveal(),
      device_id: login.deviceId,
      initial_device_display_name: `Meridian ${login.botId} bot`,
    });
    return ok({ userId: response.user_id, deviceId: response.device_id, accessToken: response.access_token });
  } catch (cause: unknown) {
    if (cause instanceof MatrixError && cause.errcode === "M_FORBIDDEN") {
      return err({
        kind: "wrong-password",
        message:
          `the homeserver refused the password of bot ${login.botId} (${login.userId}): ` +
          "check the bot's password secret against the account on the homeserver",
      });
    }
    return err(requestFailure(cause, { ...login, doing: `log in as ${login.userId}` }));
  } finally {
    anonymous.stopClient();
  }
}
