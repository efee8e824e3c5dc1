/**
 * User-interactive auth with the bot's password. Some endpoints (uploading cross-signing keys
 * for the first time, on recent Synapse) need no auth; others (deleting a device) always do.
 * So: try without auth, and answer a 401 challenge that offers m.login.password.
 */
import { MatrixError, type AuthDict, type UIAuthCallback } from "matrix-js-sdk";
import type { Secret } from "../../../config/secrets.ts";

/** The m.login.password auth dict for `userId`, within UIA `session` if given. */
export function passwordAuth(userId: string, password: Secret, session?: string): AuthDict {
  return {
    type: "m.login.password",
    identifier: { type: "m.id.user", user: userId },
    password: password.reveal(),
    ...(session === undefined ? {} : { session }),
  };
}

function uiaSession(cause: unknown): string | undefined {
  if (!(cause instanceof MatrixError) || cause.httpStatus !== 401) return undefined;
  const flows: unknown = cause.data["flows"];
  if (!Array.isArray(flows)) return undefined;
  const offersPassword = flows.some((flow: unknown) => {
    const stages: unknown =
      typeof flow === "object" && flow !== null ? (flow as Record<string, unknown>)["stages"] : undefined;
    return Array.isArray(stages) && stages.includes("m.login.password");
  });
  const session: unknown = cause.data["session"];
  return offersPassword && typeof session === "string" ? session : undefined;
}

/** A {@link UIAuthCallback} that completes UIA with the bot's password when challenged. */
export function passwordUia<T>(userId: string, password: Secret): UIAuthCallback<T> {
  return async (makeRequest) => {
    try {
      return await makeRequest(null);
    } catch (cause: unknown) {
      const session = uiaSession(cause);
      if (session === undefined) throw cause;
      return await makeRequest(passwordAuth(userId, password, session));
    }
  };
}
