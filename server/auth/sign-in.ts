/**
 * Signing in with Matrix: the person shows an OpenID token from their homeserver, the hub
 * asks that homeserver whose it is, and a configured person gets a session.
 *
 * The order matters for people at risk: membership is checked only after the homeserver has
 * confirmed the token, so nobody can ask the hub "is @x in this network?" without being @x.
 * Before that, every user id on a network homeserver gets the same answers.
 */
import { type UserId, serverOf } from "../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../lib/result.ts";
import type { HubAuth } from "./hub-auth.ts";
import { clientUrlOfServer, isMember } from "./hub-directory.ts";
import { signSessionToken } from "./session-token.ts";

/** A session just issued. */
export interface IssuedSession {
  readonly userId: UserId;
  readonly token: string;
  /** Ms since epoch. */
  readonly expiresAt: number;
}

/**
 * Why sign-in failed: the user's server is not one of the network's; the homeserver refused
 * the token; the token is someone else's; the person is not in the network; or the
 * homeserver gave no usable answer.
 */
export type SignInFailure =
  "foreign-server" | "token-rejected" | "token-of-another-user" | "not-a-member" | "homeserver-unavailable";

/** Signs `userId` in with `openIdToken`, issued by their homeserver. */
export async function signIn(
  auth: HubAuth,
  userId: UserId,
  openIdToken: string,
): Promise<Result<IssuedSession, SignInFailure>> {
  const clientUrl = clientUrlOfServer(auth.directory, serverOf(userId));
  // Only the network's own homeservers are asked: a user id cannot send the hub anywhere else.
  if (clientUrl === undefined) return err("foreign-server");
  const owner = await auth.verifyOpenIdToken(clientUrl, openIdToken);
  if (!owner.ok) return err(owner.error === "rejected" ? "token-rejected" : "homeserver-unavailable");
  if (owner.value !== userId) return err("token-of-another-user");
  if (!isMember(auth.directory, userId)) return err("not-a-member");
  const expiresAt = auth.now() + auth.sessionTtlMs;
  return ok({ userId, token: signSessionToken(auth.sessionKey, userId, expiresAt), expiresAt });
}
